import { describe, expect, it } from 'vitest';
import { looksLikeAnnotation, MAX_NOTE_DEPTH, readStoredRows } from '../../../shared/annotations';
import { annotationOn, lexicalJson } from './fixtures';

const good = annotationOn('大力发展绿电制氢', { note: { json: lexicalJson('要问清产能'), text: '要问清产能' } });
const other = annotationOn('发展壮大数字经济');
const bad = { ...annotationOn('保障粮食安全'), id: 'broken-1' };

function deepNote(levels: number): string {
  let node = '{"type":"text","version":1,"text":"x"}';
  for (let i = 0; i < levels; i++) node = `{"type":"list","version":1,"children":[{"type":"listitem","version":1,"children":[${node}]}]}`;
  return `{"root":{"type":"root","version":1,"children":[${node}]}}`;
}

/** The valid records in read order, and the broken rows. */
function checkStoredRows(rows: readonly unknown[]) {
  const r = readStoredRows(rows);
  return { valid: [...r.records.values()], broken: r.broken };
}

describe('readStoredRows', () => {
  it('passes valid rows through, dropping keys the model does not know', () => {
    expect(checkStoredRows([good, { ...other, legacy: 1 }])).toEqual({ valid: [good, other], broken: [] });
  });

  it.each([
    ['colour "orange"', { ...bad, color: 'orange' }, /^color：无效选项/],
    ['a note nested 1,000 lists deep', { ...bad, note: { json: deepNote(1000), text: 'x' } }, new RegExp(`^note\\.json：批注内容嵌套过深（超过 ${MAX_NOTE_DEPTH} 层）`)],
    ['updatedAt 2^53 − 1', { ...bad, updatedAt: 2 ** 53 - 1 }, /^updatedAt：时间戳超出范围/],
    ['a note with an unknown node type', { ...bad, note: { json: '{"root":{"type":"root","children":[{"type":"image"}]}}', text: '' } }, /不支持的节点类型 “image”/],
  ])('sets aside a row with %s, with its id and the reason, and keeps the others', (_name, row, reason) => {
    const r = checkStoredRows([other, row, good]);
    expect(r.valid).toEqual([other, good]);
    expect(r.broken).toEqual([{ id: 'broken-1', reason: expect.stringMatching(reason), raw: row }]);
  });

  it.each([null, 'x', 42, [], {}, { id: '' }])('sets aside %j without an id', (row) => {
    const r = checkStoredRows([row]);
    expect(r.valid).toEqual([]);
    expect(r.broken).toHaveLength(1);
    expect(r.broken[0].id).toBeNull();
    expect(r.broken[0].raw).toBe(row);
  });
});

describe('looksLikeAnnotation (the quick first look)', () => {
  it('accepts well-formed rows and rejects rows the reader could not draw', () => {
    expect(looksLikeAnnotation(good)).toBe(true);
    for (const row of [null, 'x', { ...good, color: 'orange' }, { ...good, anchor: { ...good.anchor, start: -1 } }, { ...good, note: null }, { ...good, tags: [1] }, { ...good, updatedAt: 2 ** 53 }]) {
      expect(looksLikeAnnotation(row)).toBe(false);
    }
  });

  it('quick reads list what they did not check fully', () => {
    const r = readStoredRows([good, { ...other, color: 'orange' }], undefined, { quick: true });
    expect(r.unverified).toEqual([good]);
    expect(r.broken).toHaveLength(1);
  });
});
