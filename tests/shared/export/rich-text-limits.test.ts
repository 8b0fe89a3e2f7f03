/**
 * Export renderers (print HTML, DOCX, Markdown) read notes through lexicalToRich / noteToRich. A
 * hostile note nested thousands of lists deep must fall back to its plain text instead of
 * overflowing the stack (it blanked 打印摘录 on every load).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_NOTE_DEPTH } from '../../../shared/annotations';
import { buildExcerpts } from '../../../shared/export/excerpt-model';
import { lexicalToRich, noteToRich } from '../../../shared/export/rich-text';
import type { Report } from '../../../shared/report/model';
import { bundledReport, sampleAnnotations } from './fixture';

/** Lists nested `levels` deep, built as text (JSON.stringify overflows on thousands of levels). */
function nested(levels: number): string {
  const open = '{"type":"list","version":1,"listType":"bullet","start":1,"tag":"ul","children":[{"type":"listitem","version":1,"value":1,"children":[';
  return `{"root":{"type":"root","version":1,"children":[${open.repeat(levels)}{"type":"text","version":1,"text":"最里层"}${']}]}'.repeat(levels)}]}}`;
}

let report: Report;
beforeAll(async () => {
  report = await bundledReport();
});

describe('rich text of hostile notes', () => {
  it('reads a note at the depth limit as rich text', () => {
    const rich = lexicalToRich(nested((MAX_NOTE_DEPTH - 2) / 2));
    expect(rich).not.toBeNull();
    expect(rich![0].type).toBe('list');
  });

  it.each([MAX_NOTE_DEPTH, 3000, 20_000])('falls back to plain text for lists nested %i deep', (levels) => {
    expect(lexicalToRich(nested(levels))).toBeNull();
    expect(noteToRich({ json: nested(levels), text: '原文的批注文字' })).toEqual([{ type: 'paragraph', spans: [{ text: '原文的批注文字' }] }]);
  });

  it('builds the print excerpts of a report whose annotation has such a note', () => {
    const anns = sampleAnnotations(report);
    anns[0].note = { json: nested(3000), text: '外贸增速可与全省对比' };
    const doc = buildExcerpts(report, anns, { scope: { kind: 'all' }, passage: 'sentences', notes: 'inline' });
    expect(JSON.stringify(doc)).toContain('外贸增速可与全省对比');
  });
});
