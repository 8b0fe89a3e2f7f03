import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { resolveAnchor, createAnchor } from '../../../shared/anchoring';
import { newAnnotation } from '../../../shared/annotations';
import { draftBlocks, draftToDocx, draftToMarkdown, LINE_PITCH, quoteSources, seedDraftJson } from '../../../shared/drafts';
import { segmentReport } from '../../../shared/report/segment';
import { extractTargets } from '../../../shared/targets';
import { bundledPath } from '../report/helpers';

const report = segmentReport(readFileSync(bundledPath, 'utf8'), { id: 'changzhi-2026' });
const targets = extractTargets(report);

/** An annotation on the first occurrence of `phrase` in the bundled report. */
function on(phrase: string, note = '', color: 'purple' | 'yellow' = 'purple') {
  const p = report.paragraphs.find((x) => x.text.includes(phrase))!;
  const start = p.text.indexOf(phrase);
  const anchor = createAnchor(report, { startSegmentId: p.id, startOffset: start, endSegmentId: p.id, endOffset: start + phrase.length })!;
  return { ...newAnnotation({ reportId: report.id, anchor, color, author: '王代表' }), note: { json: null, text: note } };
}

const gdp = on('地区生产总值增长6%左右,固定资产投资增长6%以上', '增速目标高于全省，依据何在？');
const coal = on('煤炭先进产能达到97%以上');
const annotations = [gdp, coal];
const resolutions = new Map(annotations.map((a) => [a.id, resolveAnchor(report, a.anchor)]));
const sources = quoteSources(report, annotations, resolutions, targets);

describe('quote sources', () => {
  it('puts annotations in report order with label, figures of the targets table and note', () => {
    expect(sources.map((s) => s.label)).toEqual(['二(一)¶1', '三¶2']);
    expect(sources[1]).toMatchObject({ quote: '地区生产总值增长6%左右，固定资产投资增长6%以上', note: '增速目标高于全省，依据何在？' });
    expect(sources[1].figure).toBe('地区生产总值增长6%左右；固定资产投资增长6%以上');
  });
});

describe('a draft from seed to export', () => {
  const json = seedDraftJson('proposal', '关于稳增长目标的建议', sources);

  it('reads back the quotes live: an edited note shows in the export, a deleted annotation keeps its snapshot', () => {
    const live = (id: string) => (id === gdp.id ? { ...sources[1], note: '改过的批注' } : null);
    const blocks = draftBlocks(json, live);
    expect(blocks[0]).toEqual({ kind: 'title', text: '关于稳增长目标的建议' });
    const quotes = blocks.filter((b) => b.kind === 'quote');
    expect(quotes.map((q) => q.kind === 'quote' && q.note)).toEqual(['', '改过的批注']);
    expect(blocks.map((b) => (b.kind === 'heading' ? b.text : null)).filter(Boolean)).toEqual(['问题与理由', '具体建议']);
  });

  it('writes Markdown with labelled block quotes', () => {
    const md = draftToMarkdown(draftBlocks(json, () => null));
    expect(md).toContain('# 关于稳增长目标的建议\n\n## 问题与理由\n\n> “煤炭先进产能达到97%以上”（二(一)¶1）');
    expect(md).toContain('> 数据：地区生产总值增长6%左右；固定资产投资增长6%以上\n>\n> 批注：增速目标高于全省，依据何在？');
  });

  it('writes a .docx in the GB/T 9704 layout', async () => {
    const outline = seedDraftJson('outline', '审议发言提纲', sources);
    const zip = await JSZip.loadAsync(await draftToDocx(draftBlocks(outline, () => null)));
    const doc = await zip.file('word/document.xml')!.async('string');
    const mm = (v: number) => Math.round((v * 1440) / 25.4);
    expect(doc).toContain(`<w:pgSz w:w="${mm(210)}" w:h="${mm(297)}"`);
    expect(doc).toMatch(new RegExp(`<w:pgMar w:top="${mm(37)}" w:right="${mm(26)}" w:bottom="${mm(35)}" w:left="${mm(28)}"`));
    expect(doc).toContain(`<w:docGrid w:type="linesAndChars" w:linePitch="${LINE_PITCH}"`);
    // 22 lines of the type area (225 mm).
    expect(Math.floor(mm(225) / LINE_PITCH)).toBe(22);
    expect(doc).toMatch(/方正小标宋简体[^]*?<w:sz w:val="44"\/>[^]*?审议发言提纲/);
    expect(doc).toMatch(/仿宋_GB2312[^]*?<w:sz w:val="32"\/>/);
    expect(doc).toContain('一、');
    const footers = Object.keys(zip.files).filter((f) => /footer\d+\.xml$/.test(f));
    expect(footers).toHaveLength(2);
    const footer = await zip.file(`word/${footers[0].split('/').pop()}`)!.async('string');
    expect(footer).toMatch(/— <\/w:t>[^]*PAGE[^]*<w:t xml:space="preserve"> —/);
    expect(await zip.file('word/settings.xml')!.async('string')).toContain('w:evenAndOddHeaders');
  });
});
