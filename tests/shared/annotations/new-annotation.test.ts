import { describe, expect, it } from 'vitest';
import { createAnchor } from '../../../shared/anchoring';
import { newAnnotation, parseAnnotation } from '../../../shared/annotations';
import { report } from './fixtures';

describe('newAnnotation', () => {
  const p = report.paragraphs[3];
  const anchor = createAnchor(report, { startSegmentId: p.id, startOffset: 0, endSegmentId: p.id, endOffset: Infinity })!;

  it('builds a valid live record with defaults and normalised tags', () => {
    const a = newAnnotation({ reportId: report.id, anchor, color: 'blue', author: ' 王五 ', tags: ['#民生', '民生', ' 教育 '], now: 123 });
    expect(a).toMatchObject({
      reportId: report.id,
      target: 'range',
      color: 'blue',
      author: '王五',
      tags: ['民生', '教育'],
      note: { json: null, text: '' },
      createdAt: 123,
      updatedAt: 123,
      deleted: false,
    });
    expect(a.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(parseAnnotation(a)).toEqual({ ok: true, value: a });
  });

  it('makes a whole-paragraph note and distinct ids', () => {
    const a = newAnnotation({ reportId: report.id, anchor, color: 'yellow', author: '', target: 'paragraph' });
    const b = newAnnotation({ reportId: report.id, anchor, color: 'yellow', author: '', target: 'paragraph' });
    expect(a.target).toBe('paragraph');
    expect(a.anchor.quote).toBe(p.text);
    expect(a.id).not.toBe(b.id);
    // The anchor is copied, not shared.
    expect(a.anchor).not.toBe(anchor);
  });
});
