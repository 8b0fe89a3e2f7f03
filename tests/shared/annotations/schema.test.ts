import { describe, expect, it } from 'vitest';
import { assertAnnotation, legendSchema, parseAnnotation } from '../../../shared/annotations';
import { DEFAULT_LEGEND } from '../../../shared/annotations/model';
import { annotationOn, lexicalJson } from './fixtures';

describe('annotation schema', () => {
  const good = annotationOn('大力发展绿电制氢', { note: { json: lexicalJson('要问清产能'), text: '要问清产能' }, tags: ['氢能'] });

  it('accepts a record made by newAnnotation and drops unknown keys', () => {
    const r = parseAnnotation({ ...good, extra: 1 });
    expect(r).toEqual({ ok: true, value: good });
  });

  it('accepts a 100,000-character note with emoji and non-BMP characters', () => {
    const text = '𠀀👍🏽批注'.repeat(20_000).slice(0, 100_000);
    const r = parseAnnotation({ ...good, note: { json: lexicalJson(text), text } });
    expect(r.ok).toBe(true);
    expect(r.ok && r.value.note.text.length).toBe(100_000);
  });

  it.each([
    ['missing id', { id: undefined }, 'id'],
    ['unknown colour', { color: 'orange' }, 'color'],
    ['negative offset', { anchor: { ...good.anchor, start: -1 } }, 'anchor.start'],
    ['fractional offset', { anchor: { ...good.anchor, end: 2.5 } }, 'anchor.end'],
    ['empty range', { anchor: { ...good.anchor, end: good.anchor.start } }, 'anchor.end'],
    ['empty quote', { anchor: { ...good.anchor, quote: '' } }, 'anchor.quote'],
    ['note json not JSON', { note: { json: '<p>hi</p>', text: 'hi' } }, 'note.json'],
    ['note json without root', { note: { json: '{"a":1}', text: '' } }, 'note.json'],
    ['deleted as a number', { deleted: 0 }, 'deleted'],
    ['tag too long', { tags: ['长'.repeat(40)] }, 'tags.0'],
    ['string timestamp', { updatedAt: '2026-01-01' }, 'updatedAt'],
  ])('rejects %s with a Chinese message naming %s', (_name, patch, path) => {
    const r = parseAnnotation({ ...good, ...patch });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatch(/^批注记录无效：/);
    expect(r.error).toContain(`${path}：`);
  });

  it.each([null, 'x', 42, [], {}])('rejects %j', (v) => {
    expect(parseAnnotation(v).ok).toBe(false);
  });

  it('assertAnnotation throws naming the record', () => {
    expect(() => assertAnnotation({ ...good, color: 'pink' })).toThrow(/Annotation a\d+ violates the annotation schema: color/);
    expect(assertAnnotation(good)).toEqual(good);
  });

  it('validates legends: the default passes, a duplicated colour fails', () => {
    expect(legendSchema.safeParse(DEFAULT_LEGEND).success).toBe(true);
    const dup = DEFAULT_LEGEND.map((e) => ({ ...e, color: 'yellow' as const }));
    expect(legendSchema.safeParse(dup).success).toBe(false);
    expect(legendSchema.safeParse(DEFAULT_LEGEND.slice(1)).success).toBe(false);
  });
});
