/**
 * .pdf → lines, from pdf.js's text layer (pdf.js is injected: its Node and browser builds load
 * differently). Visual lines are rebuilt from positioned text items, running headers, footers and
 * page numbers are removed, and lines are joined back into paragraphs by first-line indent,
 * short last lines and vertical gaps. One column per page: multi-column newspaper pages are out
 * of scope (their columns would interleave).
 */
import type { Result } from '../../ipc/contract';
import { CJK, dropCjkSpaces, joinPieces, type ImportedText, type ImportNote } from './imported';

export interface PdfTextItem {
  str: string;
  /** [a, b, c, d, x, y]: x/y of the baseline start in PDF units (y grows upwards). */
  transform: number[];
  width: number;
  height: number;
}
export interface PdfPageLike {
  getViewport(options: { scale: number }): { width: number; height: number };
  getTextContent(): Promise<{ items: unknown[] }>;
  getOperatorList(): Promise<{ fnArray: number[] }>;
}
export interface PdfDocumentLike {
  numPages: number;
  getPage(n: number): Promise<PdfPageLike>;
  destroy(): Promise<void>;
}
/** The part of pdf.js this importer uses, plus the operator codes that paint images. */
export interface PdfJsLike {
  getDocument(src: { data: Uint8Array }): { promise: Promise<PdfDocumentLike> };
  imageOps: readonly number[];
}

export interface PdfLine {
  page: number;
  text: string;
  x: number;
  xEnd: number;
  /** Baseline, measured from the top of the page. */
  top: number;
  size: number;
  pageHeight: number;
}

/** Header/footer band: this share of the page height at the top and at the bottom. */
const MARGIN_BAND = 0.1;
/** `第1页`, `第 1 页 / 共 9 页`, `— 1 —`, `1/9`, `1`, `-1-`. */
const PAGE_NUMBER = /^(第\s*\d+\s*页(\s*[\/／]?\s*共\s*\d+\s*页)?|[—–\-－]+\s*\d+\s*[—–\-－]+|\d+\s*[\/／]\s*\d+|-?\s*\d+\s*-?)$/;

/** Groups a page's text items into visual lines, top to bottom, left to right. */
export function pageLines(items: PdfTextItem[], page: number, pageHeight: number): PdfLine[] {
  const sorted = items
    .filter((it) => it.str !== '')
    .map((it) => ({ it, blank: it.str.trim() === '', x: it.transform[4], top: pageHeight - it.transform[5], size: Math.abs(it.transform[3]) || it.height || 10 }))
    .sort((a, b) => a.top - b.top || a.x - b.x);
  const lines: { pieces: typeof sorted; top: number; size: number }[] = [];
  for (const s of sorted) {
    // Items come top to bottom, so only the line being built can take this one.
    const last = lines[lines.length - 1];
    const line = last && Math.abs(last.top - s.top) < Math.max(last.size, s.size) * 0.4 ? last : undefined;
    if (line) line.pieces.push(s);
    else if (!s.blank) lines.push({ pieces: [s], top: s.top, size: s.size });
  }
  const out: PdfLine[] = [];
  for (const l of lines) {
    const all = l.pieces.sort((a, b) => a.x - b.x);
    const pieces = all.filter((p) => !p.blank);
    if (pieces.length === 0) continue;
    // Justified lines spread every glyph a little; a space is a gap clearly wider than that
    // spread. Between Han characters or Chinese punctuation only the geometry decides (pdf.js
    // also emits " " for the spread), so `指南。 我们` keeps its space and `建 设` loses it.
    const gaps: number[] = [];
    for (let k = 1; k < pieces.length; k++) gaps.push(pieces[k].x - (pieces[k - 1].x + pieces[k - 1].it.width));
    // A median of a few gaps would be one of the spaces themselves.
    const spread = gaps.length >= 4 ? Math.max(0, [...gaps].sort((a, b) => a - b)[Math.floor(gaps.length / 2)]) : 0;
    let text = '';
    let end = pieces[0].x;
    let blankBefore = false;
    for (const p of all) {
      if (p.blank) {
        blankBefore = true;
        continue;
      }
      const str = dropCjkSpaces(p.it.str.replace(CONTROL, '\ufffd'));
      const left = text.trimEnd();
      const right = str.trimStart();
      const explicit = blankBefore || left !== text || right !== str;
      const cjk = left !== '' && (CJK.test(left[left.length - 1]) || CJK.test(right[0]));
      const wide = p.x - end - spread > p.size * 0.2;
      text = left !== '' && (wide || (explicit && !cjk)) ? `${left} ${right}` : left + right;
      end = Math.max(end, p.x + p.it.width);
      blankBefore = false;
    }
    text = text.trim();
    if (text !== '') out.push({ page, text, x: pieces[0].x, xEnd: end, top: l.top, size: Math.max(...pieces.map((p) => p.size)), pageHeight });
  }
  return out;
}

/** Glyphs a font maps to no character come out as NUL and other controls: shown as �, never as text. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

const RADICAL = /[\u2e80-\u2ef3\u2f00-\u2fd5]/gu;

/**
 * Kangxi radicals (U+2F00…) and radical supplements printed for ordinary characters: many CJK
 * fonts map 工, 金, 人 to the radical code points as well, and PDF writers (Chromium's header
 * template, Word with some fonts) then record `⼯作`. NFKC maps them back; it is applied to these
 * characters only, because it would also fold the report's full-width punctuation.
 */
export function unifyRadicals(text: string): { text: string; count: number } {
  let count = 0;
  const out = text.replace(RADICAL, (c) => {
    const n = c.normalize('NFKC');
    if (n !== c) count++;
    return n;
  });
  return { text: out, count };
}

const digitsless = (t: string) => t.replace(/\d+/g, '#').replace(/\s+/g, '');

/**
 * Removes running headers, footers and page numbers: lines in the top or bottom band of the page
 * that are page numbers, or that repeat (digits ignored) on at least half of the pages.
 */
export function stripPageChrome(lines: PdfLine[], pageCount: number): { lines: PdfLine[]; notes: ImportNote[] } {
  const inBand = (l: PdfLine) => l.top < l.pageHeight * MARGIN_BAND || l.top > l.pageHeight * (1 - MARGIN_BAND);
  const seen = new Map<string, Set<number>>();
  for (const l of lines) {
    if (!inBand(l)) continue;
    const key = digitsless(l.text);
    if (!seen.has(key)) seen.set(key, new Set());
    seen.get(key)!.add(l.page);
  }
  const repeated = (l: PdfLine) => pageCount >= 2 && (seen.get(digitsless(l.text))?.size ?? 0) >= Math.max(2, pageCount / 2);
  const kept: PdfLine[] = [];
  const removed = new Map<string, number>();
  for (const l of lines) {
    if (inBand(l) && (PAGE_NUMBER.test(l.text.trim()) || repeated(l))) {
      // A header printed in a font without a character map has no readable text: say so rather than quote blanks.
      const readable = l.text.replace(/[\s\ufffd]+/g, '') !== '';
      const key = PAGE_NUMBER.test(l.text.trim()) ? '页码' : readable ? `页眉/页脚“${l.text}”` : '页眉/页脚（文字无法识别）';
      removed.set(key, (removed.get(key) ?? 0) + 1);
      continue;
    }
    kept.push(l);
  }
  const notes: ImportNote[] = [...removed].map(([what, n]) => ({ kind: 'page-chrome-removed', detail: `已移除 PDF 的${what}（${n} 处）` }));
  return { lines: kept, notes };
}

/** Most frequent value after rounding to whole units. */
function mode(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(Math.round(v), (counts.get(Math.round(v)) ?? 0) + 1);
  let best = 0;
  let bestN = -1;
  for (const [v, n] of counts) if (n > bestN || (n === bestN && v < best)) [best, bestN] = [v, n];
  return best;
}

/**
 * Joins visual lines into paragraphs. A line starts a new paragraph when it is indented (first
 * line of a paragraph) or centred, when the previous line stopped short of the right margin, or
 * after a vertical gap larger than the usual line pitch.
 */
export function joinLines(lines: PdfLine[]): string[] {
  if (lines.length === 0) return [];
  const left = mode(lines.map((l) => l.x));
  const size = mode(lines.map((l) => l.size)) || 10;
  const right = [...lines.map((l) => l.xEnd)].sort((a, b) => a - b)[Math.floor(lines.length * 0.9)];
  const pitches: number[] = [];
  for (let i = 1; i < lines.length; i++) if (lines[i].page === lines[i - 1].page) pitches.push(lines[i].top - lines[i - 1].top);
  const pitch = pitches.length ? mode(pitches.filter((p) => p > 0)) : size * 1.5;
  const out: string[] = [];
  let prev: PdfLine | null = null;
  for (const l of lines) {
    const indented = l.x > left + size * 0.8;
    const prevShort = prev !== null && prev.xEnd < right - size * 1.5;
    const gap = prev !== null && prev.page === l.page && l.top - prev.top > pitch * 1.6;
    if (prev === null || indented || prevShort || gap) out.push(l.text);
    else out[out.length - 1] = joinPieces(out[out.length - 1], l.text);
    prev = l;
  }
  return out;
}

/**
 * True when many lines start in the right half of their page: a page set in columns (a newspaper),
 * whose columns this importer would read across. Centred lines (titles) start mid-page too, but they
 * end as far from the right edge as they start from the left.
 */
export function looksMultiColumn(lines: readonly PdfLine[]): boolean {
  if (lines.length < 10) return false;
  const right = Math.max(...lines.map((l) => l.xEnd));
  const left = Math.min(...lines.map((l) => l.x));
  const middle = (left + right) / 2;
  const inRightColumn = lines.filter((l) => l.x > middle - l.size && Math.abs(l.x - left - (right - l.xEnd)) > l.size * 2);
  return inRightColumn.length >= lines.length * 0.25;
}

const SCANNED = '这是扫描件，没有可读取的文字。研读只能打开带文字层的 PDF；请向发文单位索取 Word 或文字版 PDF。';

/** Lines of a PDF, or a Chinese message (password, damaged, empty, scanned). */
export async function importPdf(bytes: Uint8Array, pdfjs: PdfJsLike): Promise<Result<ImportedText>> {
  let doc: PdfDocumentLike;
  try {
    // A plain Uint8Array copy: pdf.js refuses Node's Buffer (what fs.readFile gives the desktop app
    // and the ingest CLI) as if the file were damaged, and detaches what it is given.
    doc = await pdfjs.getDocument({ data: new Uint8Array(bytes) }).promise;
  } catch (error) {
    const name = (error as { name?: string } | null)?.name;
    if (name === 'PasswordException') {
      return { ok: false, error: '这个 PDF 设置了打开密码，研读无法读取。请用 PDF 阅读器去除密码（或向发文单位索取无密码的文件）后再打开。' };
    }
    return { ok: false, error: '文件已损坏，无法作为 PDF 读取。' };
  }
  try {
    if (doc.numPages === 0) return { ok: false, error: 'PDF 文件没有页面，没有可以阅读的报告文本。' };
    // All pages are requested at once: pdf.js's worker queues them, so no page waits for the
    // round trip of the one before.
    const pages = await Promise.all(
      Array.from({ length: doc.numPages }, async (_, i) => {
        const page = await doc.getPage(i + 1);
        const content = await page.getTextContent();
        return { page, height: page.getViewport({ scale: 1 }).height, content };
      }),
    );
    const all: PdfLine[] = [];
    let images = 0;
    for (const [i, { page, height, content }] of pages.entries()) {
      const items = content.items.filter((it): it is PdfTextItem => typeof (it as PdfTextItem).str === 'string');
      const lines = pageLines(items, i + 1, height);
      if (lines.length === 0) {
        const ops = await page.getOperatorList();
        if (ops.fnArray.some((op) => pdfjs.imageOps.includes(op))) images++;
      }
      all.push(...lines);
    }
    if (all.length === 0) {
      return images > 0 ? { ok: false, error: SCANNED } : { ok: false, error: 'PDF 文件是空白的，没有可以阅读的报告文本。' };
    }
    let radicals = 0;
    for (const l of all) {
      const u = unifyRadicals(l.text);
      l.text = u.text;
      radicals += u.count;
    }
    const { lines, notes } = stripPageChrome(all, doc.numPages);
    if (radicals > 0) notes.push({ kind: 'format', detail: `已将 PDF 文字层中 ${radicals} 个康熙部首字符（如“⼯”）还原为常用汉字（如“工”）` });
    const paragraphs = joinLines(lines);
    const columns: typeof notes = looksMultiColumn(lines)
      ? [{ kind: 'format', detail: '注意：这个 PDF 似乎是多栏排版（如报纸版面），研读按单栏读取，段落顺序和接合可能有误；请尽量使用 Word 或单栏 PDF' }]
      : [];
    return { ok: true, value: { lines: paragraphs, notes: [{ kind: 'format', detail: `已读取 PDF 的文字层（${doc.numPages} 页），按缩进和行距重新接合段落；不支持多栏排版` }, ...columns, ...notes] } };
  } catch {
    return { ok: false, error: '文件已损坏，无法作为 PDF 读取。' };
  } finally {
    void doc.destroy().catch(() => {});
  }
}
