// @vitest-environment jsdom
/**
 * The source's probable typos (勘误提示) travel with every excerpt that quotes them: flagged ※
 * after the official words, and the hint spelled out under the passage, in print, Word and
 * Markdown alike.
 */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { buildExcerpts, passageRuns, typoNoteLines, type ExcerptOptions } from '../../../shared/export/excerpt-model';
import { toDocx } from '../../../shared/export/docx';
import { toMarkdown } from '../../../shared/export/markdown';
import { renderPrintHtml } from '../../../renderer/print/print-document';
import { annotate, bundledReport } from './fixture';

const report = await bundledReport();
const options: ExcerptOptions = { scope: { kind: 'all' }, passage: 'sentences', notes: 'inline', userName: '张三', date: '2026年3月1日', reportTitle: '长治市2026年政府工作报告' };
const FURNACE = '※ 勘误提示：原文“丰炉煤气”疑为“焦炉煤气”（原文如此）';
const EXPAND = '※ 勘误提示：原文“两大”疑为“扩大”：“扩大标准化种植规模”（原文如此）';
const doc = (o: Partial<ExcerptOptions> = {}) =>
  buildExcerpts(
    report,
    [
      annotate(report, { id: 'h2', quote: '大力发展绿电制氢', color: 'yellow', note: '氢能', createdAt: 1 }),
      annotate(report, { id: 'farm', quote: '加强优质品种选育', color: 'green', createdAt: 2 }),
      annotate(report, { id: 'plain', quote: '全市原煤产量稳定', color: 'blue', createdAt: 3 }),
    ],
    { ...options, ...o },
  );

describe('typo flags in excerpts', () => {
  it('keeps the typo inside the passage that quotes its sentence, with its hint', () => {
    const d = doc();
    const withTypo = d.excerpts.find((e) => e.entries.some((x) => x.annotationId === 'h2'))!;
    const p = withTypo.passages[0];
    expect(p.typos).toHaveLength(1);
    expect(p.text.slice(p.typos[0].start, p.typos[0].end)).toBe('丰炉煤气');
    expect(typoNoteLines(withTypo)).toEqual([FURNACE]);
    const runs = passageRuns(p);
    const flagged = runs.filter((r) => r.typoEnd);
    expect(flagged).toHaveLength(1);
    expect(flagged[0].text.endsWith('煤气')).toBe(true);
    expect(runs.filter((r) => r.typo).map((r) => r.text).join('')).toBe('丰炉煤气');
    const plain = d.excerpts.find((e) => e.entries.some((x) => x.annotationId === 'plain'))!;
    expect(plain.passages.every((q) => q.typos.length === 0)).toBe(true);
    expect(typoNoteLines(plain)).toEqual([]);
  });

  it('leaves out typos outside the printed sentence and keeps them in paragraph mode', () => {
    const farm = (d: ReturnType<typeof doc>) => d.excerpts.find((e) => e.entries.some((x) => x.annotationId === 'farm'))!;
    expect(typoNoteLines(farm(doc()))).toEqual([EXPAND]);
    expect(typoNoteLines(farm(doc({ passage: 'paragraph' })))).toEqual([EXPAND]);
  });

  it('prints ※ after the official words and the hint under the passage', () => {
    const html = renderPrintHtml(doc());
    const page = new DOMParser().parseFromString(html.bodyHtml ?? String(html), 'text/html');
    const typo = page.querySelector('.yd-typo');
    expect(typo?.textContent).toBe('丰炉煤气');
    expect(typo?.nextElementSibling?.textContent ?? typo?.parentElement?.nextElementSibling?.textContent).toBe('※');
    const hints = [...page.querySelectorAll('.yd-typo-note')].map((n) => n.textContent);
    expect(hints).toEqual([FURNACE, EXPAND]);
  });

  it('writes the flag and the hint into Markdown', () => {
    const md = toMarkdown(doc());
    expect(md).toMatch(/丰炉煤气\**※/);
    expect(md).toContain(FURNACE);
    expect(md).toContain(EXPAND);
  });

  it('writes the flag and the hint into the Word file', async () => {
    const zip = await JSZip.loadAsync(await toDocx(doc()));
    const xml = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(xml).toContain('丰炉煤气※');
    expect(xml).toContain(FURNACE);
    expect(xml).toContain(EXPAND);
  });
});
