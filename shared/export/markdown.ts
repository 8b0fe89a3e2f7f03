/**
 * Markdown rendering of an excerpt document, for pasting into notes apps (Obsidian, Typora,
 * Joplin, 语雀, GitHub …).
 *
 * Choices, because Markdown has no highlight colour that every app understands:
 * - Marked characters are **bold** (CommonMark; `==text==` only works in some apps). When an
 *   excerpt uses one colour, its meta line names it (`标记：黄（重点）`); when it uses several,
 *   every mark is followed by its colour name in brackets (`**…**〔绿〕`).
 * - Leading/trailing punctuation of a mark is moved outside the `**`: CommonMark's flanking
 *   rules do not close `**` after `。` when a Han character follows, which would print stars.
 * - Passages are blockquotes; parts are `##` and items `###` headings, written when they
 *   change; citations are `####` headings.
 * - Notes: `inline` → `批注：` paragraphs under the passage; `footnotes` → `[^n]` references with
 *   the definitions after each excerpt; `endnotes` → the same references with all definitions at
 *   the end under `## 注释`. Rich notes keep bold/italic/strikethrough/code and lists.
 * - Orphans get `**〔原文未找到〕**` and their stored quote.
 */
import type { ColorKey, LegendEntry } from '../annotations/model';
import { headingsBetween, inlineNoteLabel, passageRuns, typoNoteLines, type Excerpt, type ExcerptDocument, type ExcerptEntry } from './excerpt-model';
import type { RichBlock, RichList, RichSpan } from './rich-text';

const PUNCT_OR_SPACE = /[\p{P}\p{S}\s]/u;

/** Backslash-escapes characters Markdown would read as syntax. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>~=|]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([#+-])(?=\s|$)/gm, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/gm, '$1\\$2');
}

/** Wraps `text` in `delim`, keeping edge punctuation and spaces outside so the delimiters flank. */
function wrap(text: string, delim: string): string {
  const chars = [...text];
  let a = 0;
  let b = chars.length;
  while (a < b && PUNCT_OR_SPACE.test(chars[a])) a++;
  while (b > a && PUNCT_OR_SPACE.test(chars[b - 1])) b--;
  if (a === b) return escapeMarkdown(text);
  return (
    escapeMarkdown(chars.slice(0, a).join('')) +
    delim +
    escapeMarkdown(chars.slice(a, b).join('')) +
    delim +
    escapeMarkdown(chars.slice(b).join(''))
  );
}

function spanMd(s: RichSpan): string {
  if (s.text === '\n') return '  \n';
  if (s.code) return '`' + s.text.replace(/`/g, "'") + '`';
  let out = s.text;
  const delims = [s.bold ? '**' : '', s.italic ? '*' : '', s.strikethrough ? '~~' : ''].join('');
  if (!delims) return escapeMarkdown(out).replace(/\n/g, '  \n');
  // Wrap once with the combined delimiters (closing in reverse order).
  const inner = wrap(out, '\u0000');
  const [pre, mid, post] = inner.split('\u0000');
  if (mid === undefined) return inner;
  out = pre + delims + mid + [...delims].reverse().join('') + post;
  return out.replace(/\n/g, '  \n');
}

const spansMd = (spans: readonly RichSpan[]) => spans.map(spanMd).join('');

function listMd(list: RichList, depth: number, out: string[]): void {
  list.items.forEach((it, i) => {
    const bullet = list.ordered ? `${list.start + i}.` : '-';
    const box = it.checked === undefined ? '' : it.checked ? '[x] ' : '[ ] ';
    out.push(`${'   '.repeat(depth)}${bullet} ${box}${spansMd(it.spans)}`);
    for (const c of it.children) listMd(c, depth + 1, out);
  });
}

/** Markdown lines of a rich note; blocks separated by blank lines. */
export function richToMarkdown(blocks: readonly RichBlock[]): string[] {
  const out: string[] = [];
  for (const b of blocks) {
    if (out.length) out.push('');
    if (b.type === 'list') listMd(b, 0, out);
    else {
      const text = spansMd(b.heading ? b.spans.map((s) => ({ ...s, bold: true })) : b.spans);
      out.push(...(b.quote ? text.split('\n').map((l) => `> ${l}`) : text.split('\n')));
    }
  }
  return out;
}

const legendOf = (legend: readonly LegendEntry[], c: ColorKey) => legend.find((l) => l.color === c);

function passageMd(e: Excerpt, legend: readonly LegendEntry[]): string[] {
  const multi = e.colors.length > 1;
  return e.passages.map((p) => {
    const runs = passageRuns(p);
    let out = '';
    // Neighbouring runs of the same colour become one bold stretch.
    for (let i = 0; i < runs.length; ) {
      const r = runs[i];
      if (r.color === null) {
        out += escapeMarkdown(r.text) + (r.typoEnd ? '※' : '') + r.refs.map((n) => `[^${n}]`).join('');
        i++;
        continue;
      }
      // A stretch of one colour; note references inside it stay where they are.
      let j = i;
      let buf = '';
      while (j < runs.length && runs[j].color === r.color) {
        buf += runs[j].text + (runs[j].typoEnd ? '※' : '');
        if (runs[j].refs.length) {
          out += wrap(buf, '**') + runs[j].refs.map((n) => `[^${n}]`).join('');
          buf = '';
        }
        j++;
      }
      if (buf) out += wrap(buf, '**');
      if (multi) out += `〔${legendOf(legend, r.color)?.name ?? r.color}〕`;
      i = j;
    }
    return out;
  });
}

function noteDefinition(entry: ExcerptEntry): string[] {
  const lines = richToMarkdown(entry.note!.blocks);
  return lines.map((l, i) => (i === 0 ? `[^${entry.number}]: ${l}` : l ? `    ${l}` : ''));
}

/** Markdown of the excerpt document (see the module comment for the conventions). */
export function toMarkdown(doc: ExcerptDocument): string {
  const out: string[] = [];
  out.push(`# ${escapeMarkdown(doc.title)}`, '');
  const byline = [doc.reportTitle, doc.userName, doc.date].filter(Boolean).map(escapeMarkdown).join(' · ');
  if (byline) out.push(byline, '');
  if (doc.usedColors.length) {
    const items = doc.usedColors.map((c) => {
      const l = legendOf(doc.legend, c)!;
      return `${l.name}＝${escapeMarkdown(l.meaning)}`;
    });
    out.push(`图例：${items.join('；')}（标记文字以粗体显示）`, '');
  }
  if (doc.excerpts.length === 0) out.push('（没有符合条件的批注）', '');

  let lastPath: string[] = [];
  const endnotes: string[] = [];
  for (const e of doc.excerpts) {
    for (const h of headingsBetween(lastPath, e.sectionPath)) out.push(`${'#'.repeat(h.level + 1)} ${escapeMarkdown(h.title)}`, '');
    lastPath = e.sectionPath;
    out.push(`#### ${escapeMarkdown(e.citation || '（位置未知）')}`, '');

    const meta: string[] = [];
    if (e.orphan) meta.push('**〔原文未找到〕**');
    const marks = e.colors.map((c) => {
      const l = legendOf(doc.legend, c);
      return l ? `${l.name}（${escapeMarkdown(l.meaning)}）` : c;
    });
    if (marks.length && e.passages.some((p) => p.marks.length)) meta.push(`标记：${marks.join('、')}`);
    if (e.tags.length) meta.push(`标签：${e.tags.map((t) => `#${escapeMarkdown(t.replace(/\s+/g, '-'))}`).join(' ')}`);
    if (e.authors.length) meta.push(`批注人：${e.authors.map(escapeMarkdown).join('、')}`);

    for (const line of passageMd(e, doc.legend)) out.push(`> ${line}`, '>');
    out.pop();
    out.push('');
    for (const line of typoNoteLines(e)) out.push(escapeMarkdown(line), '');
    if (meta.length) out.push(meta.join(' · '), '');

    const withNotes = e.entries.filter((x) => x.note);
    if (doc.notes === 'inline') {
      for (const x of withNotes) {
        const lines = richToMarkdown(x.note!.blocks);
        const label = `**${escapeMarkdown(inlineNoteLabel(x))}**`;
        if (x.note!.blocks[0]?.type === 'paragraph') lines[0] = `${label}${lines[0]}`;
        else lines.unshift(label, '');
        out.push(...lines, '');
      }
    } else {
      const defs = withNotes.flatMap((x) => [...noteDefinition(x), '']);
      if (doc.notes === 'footnotes') out.push(...defs);
      else endnotes.push(...defs);
    }
  }
  if (endnotes.length) out.push('## 注释', '', ...endnotes);
  while (out.length && out[out.length - 1] === '') out.pop();
  return out.join('\n') + '\n';
}
