/**
 * Properties that hold for every input: no body character lost or duplicated, stable ids,
 * sentence offsets that slice back, layout-independence (blank lines, CRLF, indentation).
 */
import { describe, expect, it } from 'vitest';
import { segmentReport } from '../../../shared/report/segment';
import { bundledSource, corpusFiles, reconstruct, violations } from './helpers';

const bundled = bundledSource();
/** The same report in the layouts real files come in. */
const variants: [string, string][] = [
  ['as shipped (blank lines)', bundled],
  ['CRLF line breaks', bundled.replace(/\n/g, '\r\n')],
  ['single newlines', bundled.replace(/\n\n+/g, '\n')],
  ['full-width indentation', bundled.replace(/^(?=\S)/gm, '\u3000\u3000')],
  ['ASCII indentation and trailing spaces', bundled.replace(/^(?=\S)/gm, '    ').replace(/(?<=\S)$/gm, '  ')],
  ['BOM', '\ufeff' + bundled],
];
const inputs: [string, string][] = [...variants, ...corpusFiles().map((f): [string, string] => [f.name, f.source])];

describe.each(inputs)('%s', (_name, source) => {
  const report = segmentReport(source, { id: 'r' });

  it('loses and duplicates no body character', () => {
    const [expected, actual] = reconstruct(source, report);
    expect(actual).toBe(expected);
  });

  it('gives the same report when segmented twice', () => {
    expect(segmentReport(source, { id: 'r' })).toEqual(report);
  });

  it('has sound ids, offsets, sentences and outline targets', () => {
    expect(violations(report)).toEqual([]);
  });
});

describe('layout independence', () => {
  const reference = segmentReport(bundled);
  it.each(variants)('%s segments like the shipped layout', (_name, source) => {
    const r = segmentReport(source);
    expect(r.paragraphs).toEqual(reference.paragraphs);
    expect(r.outline).toEqual(reference.outline);
    expect(r.fingerprint).toBe(reference.fingerprint);
  });
});

describe('id stability under edits elsewhere', () => {
  it('keeps the ids of part 三 when a paragraph of part 二 changes', () => {
    const before = segmentReport(bundled);
    const edited = segmentReport(bundled.replace('各位代表,“十五五”时期', '各位代表,未来五年“十五五”时期'));
    const ids = (r: typeof before) => r.paragraphs.filter((p) => p.part === 3).map((p) => [p.id, p.text]);
    expect(ids(edited)).toEqual(ids(before));
    expect(edited.fingerprint).not.toBe(before.fingerprint);
  });
});

describe('the reconstruction check can fail', () => {
  it('notices a dropped character', () => {
    const report = segmentReport(bundled);
    const tampered = { ...report, paragraphs: report.paragraphs.map((p, i) => (i === 5 ? { ...p, text: p.text.slice(1) } : p)) };
    const [expected, actual] = reconstruct(bundled, tampered);
    expect(actual).not.toBe(expected);
  });
});
