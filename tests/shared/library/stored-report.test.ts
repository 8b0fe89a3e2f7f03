import { describe, expect, it } from 'vitest';
import { parseStoredReport, storeReport } from '../../../shared/library/stored-report';
import { report as bundled } from '../annotations/fixtures';
import { corpusReport } from './helpers';
import type { Report } from '../../../shared/report/model';

const edit = (s: string, change: (r: Report) => void) => {
  const r = JSON.parse(s) as Report;
  change(r);
  return JSON.stringify(r);
};

describe('stored reports', () => {
  it('round-trips the bundled and a corpus report exactly', async () => {
    expect(parseStoredReport(storeReport(bundled), bundled.id)).toEqual({ ok: true, value: bundled });
    const r = await corpusReport('浙江省');
    expect(parseStoredReport(storeReport(r), r.id)).toEqual({ ok: true, value: r });
  });

  it.each([
    ['not JSON', (s: string) => s.slice(0, 100), 'JSON'],
    ['another id', (s: string) => s.replace(`"id":"${bundled.id}"`, '"id":"r-00000000"'), '编号'],
    ['a paragraph that does not match the text', (s: string) => edit(s, (r) => (r.paragraphs[3].text = '改' + r.paragraphs[3].text.slice(1))), '不符'],
    ['a sentence past its paragraph', (s: string) => edit(s, (r) => (r.paragraphs[3].sentences[0].end = 99999)), '越界'],
    ['a missing field', (s: string) => s.replace('"paragraphs":', '"paras":'), 'paragraphs'],
  ])('refuses %s with a Chinese message', (_what, damage, word) => {
    const r = parseStoredReport(damage(storeReport(bundled)), bundled.id);
    expect(r.ok).toBe(false);
    expect((r as { error: string }).error).toMatch(/^书架中的报告文件已损坏/);
    expect((r as { error: string }).error).toContain(word);
  });
});
