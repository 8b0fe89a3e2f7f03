import { describe, expect, it } from 'vitest';
import { diffNotes } from '../../../renderer/search/use-search';
import type { NoteRecord } from '../../../shared/search/types';

const note = (id: string, text: string): NoteRecord => ({ annotationId: id, paragraphId: 'p1-0-2', text, color: 'yellow', tags: [], author: '张三' });

describe('diffNotes (what the search worker is sent after a change)', () => {
  const a = note('a', '建议量化指标');
  const b = note('b', '关注能源转型');
  const sent = new Map([a, b].map((n) => [n.annotationId, n]));
  it('sends nothing for the same records, or equal new ones', () => {
    expect(diffNotes(sent, [a, b])).toEqual({ upserts: [], removed: [], same: [] });
    const b2 = { ...b };
    expect(diffNotes(sent, [a, b2])).toEqual({ upserts: [], removed: [], same: [b2] });
  });
  it('sends a changed or new note, and the ids of removed ones', () => {
    const a2 = note('a', '建议量化指标，注意口径');
    const c = note('c', '新批注');
    expect(diffNotes(sent, [a2, c])).toEqual({ upserts: [a2, c], removed: ['b'], same: [] });
  });
});
