/**
 * Word (.docx) rendering of an excerpt document with the `docx` package, for offices that live
 * in Word/WPS. Runs in Node and in the browser (packs to an ArrayBuffer, no Node Buffer).
 *
 * Layout: A4 with the margins of printed excerpts (37/26/35/28 mm), a page header with report
 * title, user and date, a footer `第 n 页 / 共 N 页` from PAGE/NUMPAGES fields; Heading 1 for
 * parts and Heading 2 for items (when they change), Heading 3 for citations, so Word's
 * navigation pane works.
 * Marks are Word highlights (the nearest of Word's fixed palette) plus an underline style per
 * legend colour, so they survive grayscale printing. Notes are real footnotes/endnotes, or
 * indented 楷体 paragraphs when inline. Font names are the Chinese ones Word and WPS map
 * (宋体/黑体/楷体) set as the East Asian font of each run.
 */
import {
  AlignmentType,
  Document,
  EndnoteReferenceRun,
  Footer,
  FootnoteReferenceRun,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
  type IFontAttributesProperties,
  type IParagraphOptions,
  type ParagraphChild,
} from 'docx';
import type { ColorKey, LegendEntry, UnderlineStyle } from '../annotations/model';
import { headingsBetween, inlineNoteLabel, passageRuns, typoNoteLines, type Excerpt, type ExcerptDocument } from './excerpt-model';
import type { RichBlock, RichList, RichSpan } from './rich-text';

const SONG: IFontAttributesProperties = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', cs: 'Times New Roman', eastAsia: '宋体' };
const HEI: IFontAttributesProperties = { ascii: 'Arial', hAnsi: 'Arial', cs: 'Arial', eastAsia: '黑体' };
const KAI: IFontAttributesProperties = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', cs: 'Times New Roman', eastAsia: '楷体' };

/** Half-points. */
const SIZE = { title: 36, h1: 28, h2: 26, h3: 24, body: 24, note: 22, meta: 20, footnote: 18, header: 18 } as const;
const RED = 'A8322D';
const GRAY = '666666';
/** Twips per millimetre. */
const MM = 1440 / 25.4;

/** Word's highlight palette has no pastels; these are the nearest recognisable ones. */
export const WORD_HIGHLIGHT: Record<ColorKey, 'yellow' | 'green' | 'cyan' | 'red' | 'magenta'> = {
  yellow: 'yellow',
  green: 'green',
  blue: 'cyan',
  red: 'red',
  purple: 'magenta',
};

export const WORD_UNDERLINE: Record<UnderlineStyle, 'single' | 'double' | 'dash' | 'wave' | 'dotted'> = {
  solid: 'single',
  double: 'double',
  dashed: 'dash',
  wavy: 'wave',
  dotted: 'dotted',
};

/** Chinese name of an underline style, for the legend. */
export const UNDERLINE_NAME: Record<UnderlineStyle, string> = {
  solid: '实线',
  double: '双线',
  dashed: '虚线',
  wavy: '波浪线',
  dotted: '点线',
};

const legendOf = (legend: readonly LegendEntry[], c: ColorKey) => legend.find((l) => l.color === c);

function markStyle(legend: readonly LegendEntry[], c: ColorKey) {
  const l = legendOf(legend, c);
  return {
    highlight: WORD_HIGHLIGHT[c],
    underline: { type: WORD_UNDERLINE[l?.underline ?? 'solid'], color: '000000' },
  };
}

/** Text runs for rich spans; `\n` becomes a line break. */
function spanRuns(spans: readonly RichSpan[], font: IFontAttributesProperties, size: number): TextRun[] {
  const runs: TextRun[] = [];
  for (const s of spans) {
    s.text.split('\n').forEach((piece, i) => {
      runs.push(
        new TextRun({
          text: piece,
          break: i > 0 ? 1 : undefined,
          font: s.code ? { ascii: 'Consolas', hAnsi: 'Consolas', eastAsia: font.eastAsia } : font,
          size,
          bold: s.bold,
          italics: s.italic,
          underline: s.underline ? { type: 'single' } : undefined,
          strike: s.strikethrough,
          subScript: s.subscript,
          superScript: s.superscript,
        }),
      );
    });
  }
  return runs;
}

interface NoteStyle {
  font: IFontAttributesProperties;
  size: number;
  /** Left indent in twips. */
  indent: number;
  /** Runs put before the first block (e.g. `批注：`). */
  lead?: ParagraphChild[];
}

function richParagraphs(blocks: readonly RichBlock[], st: NoteStyle): IParagraphOptions[] {
  const out: IParagraphOptions[] = [];
  let lead = st.lead;
  const take = () => {
    const l = lead ?? [];
    lead = undefined;
    return l;
  };
  const list = (l: RichList, depth: number) => {
    l.items.forEach((it, i) => {
      const bullet = l.ordered ? `${l.start + i}. ` : it.checked === undefined ? '• ' : it.checked ? '☑ ' : '☐ ';
      out.push({
        indent: { left: st.indent + (depth + 1) * 420, hanging: 300 },
        spacing: { after: 40 },
        children: [...take(), new TextRun({ text: bullet, font: st.font, size: st.size }), ...spanRuns(it.spans, st.font, st.size)],
      });
      for (const c of it.children) list(c, depth + 1);
    });
  };
  for (const b of blocks) {
    if (b.type === 'list') list(b, 0);
    else {
      const spans = b.heading ? b.spans.map((s) => ({ ...s, bold: true })) : b.spans;
      out.push({
        indent: { left: st.indent + (b.quote ? 420 : 0) },
        spacing: { after: 60, line: 360 },
        children: [...take(), ...spanRuns(spans, st.font, st.size)],
      });
    }
  }
  return out;
}

function passageParagraphs(e: Excerpt, doc: ExcerptDocument): IParagraphOptions[] {
  const Ref = doc.notes === 'endnotes' ? EndnoteReferenceRun : FootnoteReferenceRun;
  return e.passages.map((p, i) => {
    const children: ParagraphChild[] = [];
    if (e.orphan && i === 0) children.push(new TextRun({ text: '〔原文未找到〕', font: HEI, size: SIZE.body, bold: true, color: RED }));
    for (const r of passageRuns(p)) {
      if (r.text) {
        children.push(
          new TextRun({
            text: r.text,
            font: SONG,
            size: SIZE.body,
            bold: r.strong || undefined,
            subScript: r.subscript || undefined,
            ...(r.color ? markStyle(doc.legend, r.color) : {}),
          }),
        );
      }
      if (r.typoEnd) children.push(new TextRun({ text: '※', font: SONG, size: SIZE.body, superScript: true, color: RED }));
      if (doc.notes !== 'inline') for (const n of r.refs) children.push(new Ref(n));
    }
    return { children, indent: { firstLine: 480 }, spacing: { line: 400, after: 80 } };
  });
}

/** An excerpt's paragraphs, chained with keep-with-next so Word keeps it on one page when it fits. */
function excerptParagraphs(e: Excerpt, doc: ExcerptDocument): Paragraph[] {
  const out: IParagraphOptions[] = [];
  out.push({
    heading: HeadingLevel.HEADING_3,
    children: [new TextRun({ text: e.citation || '（位置未知）', font: HEI, size: SIZE.h3 })],
  });
  out.push(...passageParagraphs(e, doc));
  for (const line of typoNoteLines(e)) {
    out.push({ spacing: { after: 80 }, indent: { left: 480 }, children: [new TextRun({ text: line, font: KAI, size: SIZE.meta, color: RED })] });
  }
  const meta: string[] = [];
  if (e.colors.length && e.passages.some((p) => p.marks.length)) {
    meta.push(`标记：${e.colors.map((c) => { const l = legendOf(doc.legend, c); return l ? `${l.name}（${l.meaning}）` : c; }).join('、')}`);
  }
  if (e.tags.length) meta.push(`标签：${e.tags.join('、')}`);
  if (e.authors.length) meta.push(`批注人：${e.authors.join('、')}`);
  if (meta.length) {
    out.push({
      spacing: { after: 80 },
      indent: { left: 480 },
      children: [new TextRun({ text: meta.join('　'), font: SONG, size: SIZE.meta, color: GRAY })],
    });
  }
  if (doc.notes === 'inline') {
    for (const x of e.entries) {
      if (!x.note) continue;
      out.push(
        ...richParagraphs(x.note.blocks, {
          font: KAI,
          size: SIZE.note,
          indent: 480,
          lead: [new TextRun({ text: inlineNoteLabel(x), font: HEI, size: SIZE.note, bold: true })],
        }),
      );
    }
  }
  return out.map((o, i) => new Paragraph({ ...o, keepLines: true, keepNext: i < out.length - 1 }));
}

function legendParagraph(doc: ExcerptDocument): Paragraph | null {
  if (doc.usedColors.length === 0) return null;
  const children: ParagraphChild[] = [new TextRun({ text: '图例：', font: HEI, size: SIZE.meta })];
  doc.usedColors.forEach((c, i) => {
    const l = legendOf(doc.legend, c)!;
    if (i > 0) children.push(new TextRun({ text: '　', size: SIZE.meta }));
    children.push(new TextRun({ text: l.name, font: SONG, size: SIZE.meta, ...markStyle(doc.legend, c) }));
    children.push(new TextRun({ text: `＝${l.meaning}（${UNDERLINE_NAME[l.underline]}）`, font: SONG, size: SIZE.meta }));
  });
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children });
}

/** Builds the docx `Document` (exposed for callers that pack it themselves). */
export function buildDocxDocument(doc: ExcerptDocument): Document {
  const body: Paragraph[] = [];
  body.push(
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 120 },
      children: [new TextRun({ text: doc.title, font: HEI, size: SIZE.title, bold: true })],
    }),
  );
  const byline = [doc.reportTitle, doc.userName, doc.date].filter(Boolean).join('　');
  if (byline) {
    body.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 120 }, children: [new TextRun({ text: byline, font: KAI, size: SIZE.meta })] }));
  }
  const legend = legendParagraph(doc);
  if (legend) body.push(legend);
  if (doc.excerpts.length === 0) {
    body.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: '（没有符合条件的批注）', font: SONG, size: SIZE.body })] }));
  }

  let lastPath: string[] = [];
  for (const e of doc.excerpts) {
    for (const h of headingsBetween(lastPath, e.sectionPath)) {
      body.push(
        new Paragraph({
          heading: h.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
          keepNext: true,
          children: [new TextRun(h.level === 1 ? { text: h.title, font: HEI, size: SIZE.h1 } : { text: h.title, font: KAI, size: SIZE.h2, bold: true })],
        }),
      );
    }
    lastPath = e.sectionPath;
    body.push(...excerptParagraphs(e, doc));
  }

  const notes: Record<string, { children: Paragraph[] }> = {};
  if (doc.notes !== 'inline') {
    for (const e of doc.excerpts) {
      for (const x of e.entries) {
        if (x.number === null || !x.note) continue;
        notes[String(x.number)] = { children: richParagraphs(x.note.blocks, { font: KAI, size: SIZE.footnote, indent: 0 }).map((o) => new Paragraph(o)) };
      }
    }
  }

  const headerText = [doc.reportTitle, doc.userName, doc.date].filter(Boolean).join('　');
  return new Document({
    title: doc.title,
    creator: doc.userName || '研读',
    description: `${doc.reportTitle} 批注摘录`,
    styles: {
      default: {
        document: { run: { font: SONG, size: SIZE.body } },
        heading1: { run: { font: HEI, size: SIZE.h1, bold: false, color: '000000' }, paragraph: { spacing: { before: 360, after: 160 } } },
        heading2: { run: { font: KAI, size: SIZE.h2, bold: true, color: '000000' }, paragraph: { spacing: { before: 240, after: 120 } } },
        heading3: { run: { font: HEI, size: SIZE.h3, bold: false, color: '000000' }, paragraph: { spacing: { before: 200, after: 80 } } },
      },
    },
    footnotes: doc.notes === 'footnotes' ? notes : undefined,
    endnotes: doc.notes === 'endnotes' ? notes : undefined,
    sections: [
      {
        properties: {
          page: {
            size: { width: Math.round(210 * MM), height: Math.round(297 * MM) },
            margin: { top: Math.round(37 * MM), right: Math.round(26 * MM), bottom: Math.round(35 * MM), left: Math.round(28 * MM), header: Math.round(20 * MM), footer: Math.round(20 * MM) },
          },
        },
        headers: {
          default: new Header({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: headerText, font: SONG, size: SIZE.header, color: GRAY })] })],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ font: SONG, size: SIZE.header, children: ['第 ', PageNumber.CURRENT, ' 页 / 共 ', PageNumber.TOTAL_PAGES, ' 页'] })],
              }),
            ],
          }),
        },
        children: body,
      },
    ],
  });
}

/** The .docx file bytes of the excerpt document. Works in Node and browsers. */
export async function toDocx(doc: ExcerptDocument): Promise<Uint8Array> {
  const buf = await Packer.toArrayBuffer(buildDocxDocument(doc));
  return new Uint8Array(buf);
}
