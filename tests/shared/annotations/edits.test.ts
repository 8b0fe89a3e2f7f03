import { describe, expect, it } from 'vitest';
import { applyEdit, changedFields, editFor, MAX_TIMESTAMP, nextUpdatedAt, readStoredRows, type Annotation } from '../../../shared/annotations';
import { annotationOn } from './fixtures';

const NOW = 1_900_000_000_000;

describe('applyEdit', () => {
  const base = annotationOn('大力发展绿电制氢', { note: { json: null, text: '甲写的批注' } });

  it.each<[string, Annotation | null, Parameters<typeof applyEdit>[1], Partial<Annotation> | null]>([
    ['colour on a live row keeps the note', base, { kind: 'patch', id: base.id, set: { color: 'red' } }, { color: 'red', note: base.note }],
    ['note on a live row keeps the colour', { ...base, color: 'blue' }, { kind: 'patch', id: base.id, set: { note: { json: null, text: '乙' } } }, { color: 'blue', note: { json: null, text: '乙' } }],
    ['tags are normalised', base, { kind: 'patch', id: base.id, set: { tags: ['#氢能', '氢能 '] } }, { tags: ['氢能'] }],
    ['an edit on a tombstone is refused', { ...base, deleted: true }, { kind: 'patch', id: base.id, set: { note: { json: null, text: '迟到的编辑' } } }, null],
    ['deleted:false restores a tombstone', { ...base, deleted: true }, { kind: 'patch', id: base.id, set: { deleted: false } }, { deleted: false, note: base.note }],
    ['a patch that changes nothing is no write', base, { kind: 'patch', id: base.id, set: { color: base.color } }, null],
    ['a patch on a missing row without fallback', null, { kind: 'patch', id: base.id, set: { color: 'red' } }, null],
    ['a patch on a missing row with fallback', null, { kind: 'patch', id: base.id, set: { deleted: false }, fallback: base }, { id: base.id, deleted: false }],
    ['replace over the expected version', { ...base, updatedAt: 5 }, { kind: 'replace', id: base.id, expected: 5, record: { ...base, color: 'green', updatedAt: 6 } }, { color: 'green', updatedAt: 6 }],
    ['replace over a row changed meanwhile', { ...base, updatedAt: 7 }, { kind: 'replace', id: base.id, expected: 5, record: { ...base, color: 'green', updatedAt: 6 } }, null],
    ['replace where a row appeared meanwhile', base, { kind: 'replace', id: base.id, expected: null, record: { ...base, color: 'green' } }, null],
    ['replace of no row by a record', null, { kind: 'replace', id: base.id, expected: null, record: { ...base, color: 'green' } }, { color: 'green' }],
    ['create on a free id', null, { kind: 'create', record: base }, { id: base.id, updatedAt: base.updatedAt }],
  ])('%s', (_name, current, edit, expected) => {
    const out = applyEdit(current, edit, NOW);
    if (expected === null) expect(out).toBeNull();
    else expect(out).toMatchObject(expected);
  });

  it('replace with no record removes the expected row, and nothing else', () => {
    expect(applyEdit({ ...base, updatedAt: 5 }, { kind: 'replace', id: base.id, expected: 5, record: null }, NOW)).toBe('remove');
    expect(applyEdit({ ...base, updatedAt: 6 }, { kind: 'replace', id: base.id, expected: 5, record: null }, NOW)).toBeNull();
    expect(applyEdit(null, { kind: 'replace', id: base.id, expected: null, record: null }, NOW)).toBeNull();
  });

  it('stamps patches strictly later than the row, also when the clock is behind', () => {
    const ahead = { ...base, updatedAt: NOW + 5000 };
    expect(applyEdit(ahead, { kind: 'patch', id: base.id, set: { color: 'red' } }, NOW)).toMatchObject({ updatedAt: NOW + 5001 });
    expect(applyEdit(base, { kind: 'patch', id: base.id, set: { color: 'red' } }, NOW)).toMatchObject({ updatedAt: NOW });
  });

  it('never stamps beyond MAX_TIMESTAMP (a row from a hostile file stays editable)', () => {
    const max = { ...base, updatedAt: MAX_TIMESTAMP };
    expect(nextUpdatedAt(Number.MAX_SAFE_INTEGER, NOW)).toBe(MAX_TIMESTAMP);
    expect(applyEdit(max, { kind: 'patch', id: base.id, set: { color: 'red' } }, NOW)).toMatchObject({ color: 'red', updatedAt: MAX_TIMESTAMP });
  });

  it('throws when create meets an existing id (a caller bug)', () => {
    expect(() => applyEdit(base, { kind: 'create', record: base }, NOW)).toThrow(/already exists/);
  });
});

describe('changedFields / editFor', () => {
  const a = annotationOn('深化城乡融合');

  it('lists only the fields that differ, with the target values', () => {
    expect(changedFields(a, { ...a, color: 'red', updatedAt: a.updatedAt + 9 })).toEqual({ color: 'red' });
    expect(changedFields(a, { ...a, tags: [...a.tags] })).toEqual({});
    expect(changedFields(a, { ...a, tags: ['新'], note: { json: null, text: 'x' } })).toEqual({ tags: ['新'], note: { json: null, text: 'x' } });
  });

  it('undo of a creation deletes, redo undeletes; undo of an edit restores only its fields', () => {
    expect(editFor({ before: null, after: a }, 'undo')).toEqual({ kind: 'patch', id: a.id, set: { deleted: true } });
    expect(editFor({ before: null, after: a }, 'redo')).toMatchObject({ kind: 'patch', id: a.id, set: { deleted: false } });
    const after = { ...a, color: 'purple' as const, updatedAt: a.updatedAt + 7 };
    expect(editFor({ before: a, after }, 'undo')).toMatchObject({ set: { color: a.color } });
    expect(editFor({ before: a, after }, 'redo')).toMatchObject({ set: { color: 'purple' } });
    expect(() => editFor({ before: null, after: null }, 'undo')).toThrow();
    // Imports are taken back exactly: the added record removed, the replaced one put back.
    expect(editFor({ before: null, after }, 'undo', 'replace')).toEqual({ kind: 'replace', id: a.id, expected: after.updatedAt, record: null });
    expect(editFor({ before: a, after }, 'undo', 'replace')).toEqual({ kind: 'replace', id: a.id, expected: after.updatedAt, record: a });
    expect(editFor({ before: null, after }, 'redo', 'replace')).toEqual({ kind: 'replace', id: a.id, expected: null, record: after });
  });
});

describe('readStoredRows', () => {
  const good = annotationOn('保障粮食安全');

  it('sets bad rows aside with the reason and keeps the rest', () => {
    const rows = [good, { ...annotationOn('精准务实抓招商'), color: 'orange' }, null, 'x', { id: 42 }];
    const out = readStoredRows(rows);
    expect([...out.records.keys()]).toEqual([good.id]);
    expect(out.broken).toHaveLength(4);
    expect(out.broken[0].reason).toMatch(/color/);
    expect(out.broken.map((b) => b.id)).toEqual([rows[1] && (rows[1] as Annotation).id, null, null, null]);
  });

  it('reuses unchanged records from the previous read (same object), revalidates changed ones', () => {
    const first = readStoredRows([good]);
    const again = readStoredRows([{ ...good }], first.records);
    expect(again.records.get(good.id)).toBe(first.records.get(good.id));
    const changed = readStoredRows([{ ...good, color: 'orange', updatedAt: good.updatedAt + 1 }], first.records);
    expect(changed.records.size).toBe(0);
    expect(changed.broken).toHaveLength(1);
  });
});
