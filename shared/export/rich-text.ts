/**
 * A neutral rich-text tree for annotation notes, so every export renderer (print HTML, DOCX,
 * Markdown) can keep bold/italic/lists without depending on Lexical. Notes are stored as
 * serialized Lexical JSON (shared/annotations/model.ts `AnnotationNote.json`); this module reads
 * that JSON structurally (no lexical import: shared/ stays pure) and falls back to plain text.
 */
import { MAX_NOTE_DEPTH } from '../annotations/note-json';

/** A run of text with inline formatting. A `\n` inside `text` is a line break. */
export interface RichSpan {
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strikethrough?: boolean;
  code?: boolean;
  subscript?: boolean;
  superscript?: boolean;
}

export interface RichListItem {
  spans: RichSpan[];
  /** Nested lists under this item. */
  children: RichList[];
  /** Check lists only: whether the box is ticked. */
  checked?: boolean;
}

export interface RichList {
  type: 'list';
  ordered: boolean;
  /** First number of an ordered list (1 unless the note says otherwise). */
  start: number;
  items: RichListItem[];
}

export interface RichParagraph {
  type: 'paragraph';
  spans: RichSpan[];
  /** Lexical heading blocks; renderers show them bold. */
  heading?: boolean;
  /** Lexical quote blocks. */
  quote?: boolean;
}

export type RichBlock = RichParagraph | RichList;

// Lexical TextNode format bitmask (lexical/LexicalConstants: IS_BOLD … IS_SUPERSCRIPT).
const IS_BOLD = 1;
const IS_ITALIC = 2;
const IS_STRIKETHROUGH = 4;
const IS_UNDERLINE = 8;
const IS_CODE = 16;
const IS_SUBSCRIPT = 32;
const IS_SUPERSCRIPT = 64;

interface LexNode {
  type?: unknown;
  text?: unknown;
  format?: unknown;
  children?: unknown;
  listType?: unknown;
  start?: unknown;
  checked?: unknown;
}

const isObj = (v: unknown): v is LexNode => typeof v === 'object' && v !== null;
const kids = (n: LexNode): LexNode[] => (Array.isArray(n.children) ? n.children.filter(isObj) : []);

function spanFromText(n: LexNode): RichSpan | null {
  if (typeof n.text !== 'string' || n.text === '') return null;
  const f = typeof n.format === 'number' ? n.format : 0;
  const s: RichSpan = { text: n.text };
  if (f & IS_BOLD) s.bold = true;
  if (f & IS_ITALIC) s.italic = true;
  if (f & IS_UNDERLINE) s.underline = true;
  if (f & IS_STRIKETHROUGH) s.strikethrough = true;
  if (f & IS_CODE) s.code = true;
  if (f & IS_SUBSCRIPT) s.subscript = true;
  if (f & IS_SUPERSCRIPT) s.superscript = true;
  return s;
}

/** Collects inline content (text, line breaks, links, marks, hashtags …) of an element. */
function inlineSpans(n: LexNode, out: RichSpan[]): void {
  for (const c of kids(n)) {
    if (c.type === 'linebreak') out.push({ text: '\n' });
    else if (c.type === 'tab') out.push({ text: '\t' });
    else if (c.type === 'list') continue; // nested lists are handled by the list item
    else if (typeof c.text === 'string') {
      const s = spanFromText(c);
      if (s) out.push(s);
    } else inlineSpans(c, out);
  }
}

function mergeSpans(spans: RichSpan[]): RichSpan[] {
  const out: RichSpan[] = [];
  const same = (a: RichSpan, b: RichSpan) =>
    !!a.bold === !!b.bold &&
    !!a.italic === !!b.italic &&
    !!a.underline === !!b.underline &&
    !!a.strikethrough === !!b.strikethrough &&
    !!a.code === !!b.code &&
    !!a.subscript === !!b.subscript &&
    !!a.superscript === !!b.superscript;
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && same(last, s)) last.text += s.text;
    else out.push({ ...s });
  }
  return out;
}

function listFrom(n: LexNode): RichList {
  const ordered = n.listType === 'number';
  const start = typeof n.start === 'number' && n.start > 0 ? n.start : 1;
  const items: RichListItem[] = [];
  for (const li of kids(n)) {
    const nested = kids(li).filter((c) => c.type === 'list').map(listFrom);
    const spans: RichSpan[] = [];
    inlineSpans(li, spans);
    // Lexical keeps a nested list in its own text-less list item after its parent item.
    if (spans.length === 0 && nested.length > 0 && items.length > 0) {
      items[items.length - 1].children.push(...nested);
      continue;
    }
    const item: RichListItem = { spans: mergeSpans(spans), children: nested };
    if (n.listType === 'check') item.checked = li.checked === true;
    items.push(item);
  }
  return { type: 'list', ordered, start, items };
}

function blocksFrom(root: LexNode): RichBlock[] {
  const blocks: RichBlock[] = [];
  for (const n of kids(root)) {
    if (n.type === 'list') {
      blocks.push(listFrom(n));
      continue;
    }
    const spans: RichSpan[] = [];
    if (typeof n.text === 'string') {
      const s = spanFromText(n);
      if (s) spans.push(s);
    } else inlineSpans(n, spans);
    const p: RichParagraph = { type: 'paragraph', spans: mergeSpans(spans) };
    if (n.type === 'heading') p.heading = true;
    if (n.type === 'quote') p.quote = true;
    blocks.push(p);
  }
  // Empty paragraphs at either end are editor leftovers (a trailing Enter), not content.
  while (blocks.length && isEmptyBlock(blocks[blocks.length - 1])) blocks.pop();
  while (blocks.length && isEmptyBlock(blocks[0])) blocks.shift();
  return blocks;
}

function isEmptyBlock(b: RichBlock): boolean {
  return b.type === 'paragraph' && b.spans.every((s) => s.text.trim() === '');
}

/** Plain text as paragraphs, one per line. */
export function plainToRich(text: string): RichBlock[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const blocks: RichBlock[] = lines.map((line) => ({ type: 'paragraph', spans: line ? [{ text: line }] : [] }));
  while (blocks.length && isEmptyBlock(blocks[blocks.length - 1])) blocks.pop();
  while (blocks.length && isEmptyBlock(blocks[0])) blocks.shift();
  return blocks;
}

/**
 * Converts a serialized Lexical editor state (`{"root":{…}}`, as `JSON.stringify(editorState)`
 * produces; `{"editorState":{"root":…}}` is accepted too) to rich blocks.
 * Returns null when `json` is not valid JSON or has no root node.
 */
export function lexicalToRich(json: string): RichBlock[] | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return null;
  }
  if (!isObj(parsed)) return null;
  const holder = parsed as { root?: unknown; editorState?: { root?: unknown } };
  const root = isObj(holder.root) ? holder.root : isObj(holder.editorState?.root) ? holder.editorState.root : null;
  if (!root || !isObj(root)) return null;
  // The walk below recurses per level: a hostile note 3,000 lists deep blanked 打印摘录 on every
  // load. Such a note is printed from its plain text instead.
  if (deeperThan(root, MAX_NOTE_DEPTH)) return null;
  return blocksFrom(root as LexNode);
}

/** Whether the node tree under `root` (root = level 1) goes deeper than `limit`, without recursing. */
function deeperThan(root: object, limit: number): boolean {
  const stack: [unknown, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > limit) return true;
    const children = isObj(node) ? (node as LexNode).children : undefined;
    if (Array.isArray(children)) for (const c of children) stack.push([c, depth + 1]);
  }
  return false;
}

/**
 * The rich blocks of a note: from its Lexical JSON when that parses and carries text, else from
 * its plain text (the plain text is authoritative when the two disagree about being empty).
 */
export function noteToRich(note: { json: string | null; text: string }): RichBlock[] {
  if (note.json) {
    const rich = lexicalToRich(note.json);
    if (rich && rich.length > 0 && richToPlain(rich).trim() !== '') return rich;
  }
  return plainToRich(note.text);
}

/** Plain text of rich blocks: paragraphs and list items on their own lines. */
export function richToPlain(blocks: readonly RichBlock[]): string {
  const lines: string[] = [];
  const walkList = (l: RichList, depth: number) => {
    l.items.forEach((it, i) => {
      const bullet = l.ordered ? `${l.start + i}. ` : '• ';
      lines.push('  '.repeat(depth) + bullet + it.spans.map((s) => s.text).join(''));
      for (const c of it.children) walkList(c, depth + 1);
    });
  };
  for (const b of blocks) {
    if (b.type === 'paragraph') lines.push(b.spans.map((s) => s.text).join(''));
    else walkList(b, 0);
  }
  return lines.join('\n');
}
