/**
 * A draft as .docx in the layout of GB/T 9704 (党政机关公文格式): A4, margins 37/35/28/26 mm
 * (top/bottom/left/right), title in 2号小标宋 (22 pt) centred, body in 3号仿宋 (16 pt) on a grid of
 * 22 lines × 28 characters, headings in 黑体, page numbers `— 1 —` in 4号宋体 (right on odd pages,
 * left on even ones). Fonts are named as Word/WPS on Chinese Windows know them.
 */
import { AlignmentType, Document, DocumentGridType, Footer, LineRuleType, Packer, PageNumber, Paragraph, TextRun, type IFontAttributesProperties } from 'docx';
import type { DraftBlock } from './model';

const MM = 1440 / 25.4;
const font = (eastAsia: string): IFontAttributesProperties => ({ ascii: 'Times New Roman', hAnsi: 'Times New Roman', cs: 'Times New Roman', eastAsia });
const FANGSONG = font('仿宋_GB2312');
const XIAOBIAOSONG = font('方正小标宋简体');
const HEITI = font('黑体');
const KAITI = font('楷体_GB2312');
const SONG = font('宋体');
/** Half-points. */
const SIZE = { title: 44, body: 32, pageNumber: 28 } as const;

export const GBT9704 = {
  margins: { top: 37, bottom: 35, left: 28, right: 26 },
  linesPerPage: 22,
  charsPerLine: 28,
} as const;

/** Twips between lines so 22 fit the type area (297 − 37 − 35 mm). */
export const LINE_PITCH = Math.floor(((297 - GBT9704.margins.top - GBT9704.margins.bottom) * MM) / GBT9704.linesPerPage);
/** Extra character spacing (in 1/4096 pt) so 28 characters of 16 pt fill 156 mm. */
const CHAR_SPACE = Math.round((((210 - GBT9704.margins.left - GBT9704.margins.right) * 72) / 25.4 / GBT9704.charsPerLine - 16) * 4096);

const body = (children: TextRun[], extra: Partial<ConstructorParameters<typeof Paragraph>[0] & object> = {}) =>
  new Paragraph({ spacing: { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 }, indent: { firstLine: 640 }, children, ...extra });

const run = (text: string, f = FANGSONG, size: number = SIZE.body, bold = false) => new TextRun({ text, font: f, size, bold });

function pageNumber(align: 'right' | 'left'): Footer {
  // 一字线 — on both sides and a space of one character from the edge, as the standard prints it.
  return new Footer({
    children: [
      new Paragraph({
        alignment: align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: align === 'right' ? { right: 280 } : { left: 280 },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: SONG, size: SIZE.pageNumber })],
      }),
    ],
  });
}

export function buildDraftDocx(blocks: readonly DraftBlock[]): Document {
  const children: Paragraph[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case 'title':
        children.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { line: LINE_PITCH * 1.5, lineRule: LineRuleType.EXACT, after: LINE_PITCH }, children: [run(b.text, XIAOBIAOSONG, SIZE.title)] }));
        break;
      case 'heading':
        children.push(body([run(b.text, HEITI)]));
        break;
      case 'list-item':
        children.push(body([run(`${b.ordered ? `${b.index}.` : '·'}${b.text}`)]));
        break;
      case 'paragraph':
        if (b.text.trim()) children.push(body([run(b.text)]));
        break;
      case 'quote': {
        const where = b.label ? `（政府工作报告 ${b.label}）` : '（原文未找到）';
        children.push(body([run(`“${b.quote.replace(/\n/g, '')}”`, KAITI), run(where)]));
        if (b.figure) children.push(body([run('数据：', HEITI), run(b.figure)]));
        for (const line of b.note.split('\n').filter((l) => l.trim())) children.push(body([run(line)]));
        break;
      }
    }
  }
  return new Document({
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: FANGSONG, size: SIZE.body } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: Math.round(210 * MM), height: Math.round(297 * MM) },
            margin: {
              top: Math.round(GBT9704.margins.top * MM),
              bottom: Math.round(GBT9704.margins.bottom * MM),
              left: Math.round(GBT9704.margins.left * MM),
              right: Math.round(GBT9704.margins.right * MM),
              footer: Math.round(28 * MM) - 567,
            },
          },
          grid: { type: DocumentGridType.LINES_AND_CHARS, linePitch: LINE_PITCH, charSpace: CHAR_SPACE },
        },
        footers: { default: pageNumber('right'), even: pageNumber('left') },
        children,
      },
    ],
  });
}

/** The .docx bytes of a draft (Node and browser). */
export async function draftToDocx(blocks: readonly DraftBlock[]): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(buildDraftDocx(blocks)));
}
