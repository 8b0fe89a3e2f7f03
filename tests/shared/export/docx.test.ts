import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { toDocx } from '../../../shared/export/docx';
import { buildExcerpts, type ExcerptDocument, type NotesPlacement } from '../../../shared/export/excerpt-model';
import { richToPlain } from '../../../shared/export/rich-text';
import { bundledReport, sampleAnnotations } from './fixture';

const report = await bundledReport();
const annotations = sampleAnnotations(report);
const build = (notes: NotesPlacement) =>
  buildExcerpts(report, annotations, {
    scope: { kind: 'all' },
    passage: 'sentences',
    notes,
    userName: '张三',
    date: '2026年3月1日',
    reportTitle: '长治市2026年政府工作报告',
  });

const unescapeXml = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Visible text of every `<w:p>` in a part, runs concatenated. */
function paragraphTexts(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) =>
    [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => unescapeXml(t[1])).join(''),
  );
}

async function unpack(doc: ExcerptDocument) {
  const bytes = await toDocx(doc);
  expect(bytes).toBeInstanceOf(Uint8Array);
  const zip = await JSZip.loadAsync(bytes);
  const part = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  return {
    document: await part('word/document.xml'),
    footnotes: await part('word/footnotes.xml'),
    endnotes: await part('word/endnotes.xml'),
    header: await part('word/header1.xml'),
    footer: await part('word/footer1.xml'),
    styles: await part('word/styles.xml'),
  };
}

/** Note lines as they end up in paragraphs (list items get a bullet prefix). */
const noteLines = (doc: ExcerptDocument) =>
  doc.excerpts.flatMap((e) => e.entries.flatMap((x) => (x.note ? richToPlain(x.note.blocks).split('\n') : [])));

describe('toDocx', () => {
  it('holds every excerpt passage, citation and section heading in document.xml', async () => {
    const doc = build('inline');
    const { document } = await unpack(doc);
    const paras = paragraphTexts(document);
    expect(paras[0]).toBe('长治市2026年政府工作报告·批注摘录');
    for (const e of doc.excerpts) {
      expect(paras).toContain(e.citation);
      for (const [i, p] of e.passages.entries()) expect(paras).toContain((e.orphan && i === 0 ? '〔原文未找到〕' : '') + p.text);
      for (const title of e.sectionPath) expect(paras).toContain(title);
    }
    expect(doc.excerpts.some((e) => e.orphan)).toBe(true);
    // Parts and items are headings written once each, citations are Heading 3.
    expect((document.match(/<w:pStyle w:val="Heading1"\/>/g) ?? []).length).toBe(new Set(doc.excerpts.map((e) => e.sectionPath[0])).size);
    expect((document.match(/<w:pStyle w:val="Heading3"\/>/g) ?? []).length).toBe(doc.excerpts.length);
  });

  it('writes marks as highlighted, underlined runs in the legend styles', async () => {
    const doc = build('inline');
    const { document } = await unpack(doc);
    const runs = [...document.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map((m) => m[1]);
    const runOf = (text: string) => runs.find((r) => r.includes(`>${text}</w:t>`));
    expect(runOf('浓度降至30微克/立方米')).toMatch(/<w:highlight w:val="green"\/><w:u w:val="double"/);
    expect(runOf('区域中心城市建设差距较大')).toMatch(/<w:highlight w:val="red"\/><w:u w:val="wave"/);
    expect(runOf('打造高水平孵化平台和加速器')).toMatch(/<w:highlight w:val="magenta"\/><w:u w:val="dotted"/);
    expect(runOf('加快建设长治智算产业园')).toMatch(/<w:highlight w:val="cyan"\/><w:u w:val="dash"/);
    // Overlap: the later (green) annotation is on top where the two meet.
    expect(runOf('1.7亿吨左右')).toMatch(/w:val="green"/);
    const marks = doc.excerpts.flatMap((e) => e.passages.flatMap((p) => p.marks));
    expect((document.match(/<w:highlight /g) ?? []).length).toBeGreaterThanOrEqual(marks.length);
    // East Asian font names Word and WPS know.
    expect(document).toContain('w:eastAsia="宋体"');
    expect(document).toContain('w:eastAsia="黑体"');
    expect(document).toContain('w:eastAsia="楷体"');
  });

  it('puts inline notes in the body as 楷体 paragraphs, escaped', async () => {
    const doc = build('inline');
    const { document, footnotes } = await unpack(doc);
    const paras = paragraphTexts(document);
    const body = paras.join('\n');
    for (const line of noteLines(doc)) expect(body).toContain(line);
    // Each note names the phrase it is about (批注（“…”）：), as in print.
    expect(paras.find((p) => p.endsWith('：注意 PM2.5 口径 <script>alert(1)</script>'))).toMatch(/^批注（“.+”）：注意/);
    expect(document).toContain('&lt;script&gt;');
    expect(document).not.toContain('<script>');
    expect(paragraphTexts(footnotes).join('')).not.toContain('外贸增速');
    // The passage keeps with its note, the note closes the excerpt's keep-with-next chain.
    const xml = (text: string) => [...document.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => m[0]).find((p) => paragraphTexts(p)[0] === text)!;
    expect(xml('新增进出口实绩企业78家，进出口总额较“十三五”增长84%。')).toMatch(/<w:keepNext\/>/);
    const outer = paras.find((p) => p.endsWith('外贸增速可与全省对比'))!;
    expect(outer).toMatch(/^批注（/);
    expect(xml(outer)).not.toMatch(/<w:keepNext\/>/);
  });

  it('makes real footnotes, numbered in reading order', async () => {
    const doc = build('footnotes');
    const { document, footnotes } = await unpack(doc);
    const refs = [...document.matchAll(/<w:footnoteReference w:id="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(refs).toEqual(Array.from({ length: doc.noteCount }, (_, i) => i + 1));
    const notes = paragraphTexts(footnotes).join('\n');
    for (const line of noteLines(doc)) expect(notes).toContain(line);
    expect(paragraphTexts(document).join('\n')).not.toContain('外贸增速可与全省对比');
    expect(footnotes).toContain('<w:footnote w:id="1"');
    expect(footnotes).toMatch(/<w:i\/>[\s\S]*?>注意口径</);
  });

  it('makes real endnotes when asked', async () => {
    const doc = build('endnotes');
    const { document, endnotes } = await unpack(doc);
    expect((document.match(/<w:endnoteReference /g) ?? []).length).toBe(doc.noteCount);
    for (const line of noteLines(doc)) expect(paragraphTexts(endnotes).join('\n')).toContain(line);
  });

  it('has the A4 page, header and a 第 n 页 / 共 N 页 footer', async () => {
    const { document, header, footer } = await unpack(build('inline'));
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(paragraphTexts(header).join('')).toBe('长治市2026年政府工作报告　张三　2026年3月1日');
    expect(footer).toMatch(/第 [\s\S]*PAGE[\s\S]*页 \/ 共 [\s\S]*NUMPAGES[\s\S]*页/);
  });

  it('says when there is nothing to export', async () => {
    const doc = buildExcerpts(report, [], { scope: { kind: 'all' }, passage: 'sentences', notes: 'inline' });
    expect(paragraphTexts((await unpack(doc)).document)).toContain('（没有符合条件的批注）');
  });
});
