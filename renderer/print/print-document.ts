/**
 * Print/PDF HTML of an excerpt document (打印摘录). No React: it returns strings, because the
 * Electron main process prints a self-contained HTML string (`printToPDF`) and the app preview
 * shows the same body inside `[aria-label="打印预览"]`.
 *
 * Every piece of user text (report text, notes, tags, names, legend meanings) is escaped; notes
 * are rebuilt from the neutral rich-text tree, never injected as HTML. Legend colours reach CSS
 * only after validation.
 *
 * Styles live in print.css (scoped to `.yd-print`). This module does not import that file so it
 * runs unbundled too (Node, tsx benches); callers pass its text as `css`, e.g.
 * `import printCss from './print.css?raw'` in Vite code.
 */
import type { ColorKey, LegendEntry, UnderlineStyle } from '../../shared/annotations/model';
import { COLOR_KEYS } from '../../shared/annotations/schema';
import { headingsBetween, inlineNoteLabel, passageRuns, typoNoteLines, type Excerpt, type ExcerptDocument, type ExcerptEntry } from '../../shared/export/excerpt-model';
import type { RichBlock, RichList, RichSpan } from '../../shared/export/rich-text';

export interface PrintHtmlOptions {
  /** `@font-face` rules for the bundled fonts (trusted CSS from the app). */
  fontCss?: string;
  /** Text of print.css; fullHtml inlines it. Without it fullHtml is unstyled. */
  css?: string;
}

export interface PrintHtml {
  /** The `.yd-print` article, for the in-app preview. Needs print.css and `pageCss(doc)`. */
  bodyHtml: string;
  /** A self-contained HTML document (fonts, print.css, page rules, body) for printToPDF. */
  fullHtml: string;
}

const UNDERLINE_NAME: Record<UnderlineStyle, string> = {
  solid: '实线',
  double: '双线',
  dashed: '虚线',
  wavy: '波浪线',
  dotted: '点线',
};
const UNDERLINES = new Set<string>(Object.keys(UNDERLINE_NAME));
/** Colours a user may put in the legend: hex, rgb()/hsl() with plain numbers, or a CSS name. */
const SAFE_CSS_COLOR = /^(#[0-9a-f]{3,8}|(rgb|rgba|hsl|hsla)\([0-9.,%\s/]+\)|[a-z]{3,20})$/i;

/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A CSS string literal (for `content:`), safe inside a `<style>` element. */
function cssString(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/[\n\r]/g, '\\A ').replace(/</g, '\\3C ')}"`;
}

/** Custom properties carrying the legend's colours and underline styles (validated). */
export function legendStyle(legend: readonly LegendEntry[]): string {
  return COLOR_KEYS.map((c) => {
    const l = legend.find((x) => x.color === c);
    const css = l && SAFE_CSS_COLOR.test(l.css) ? l.css : 'transparent';
    const u = l && UNDERLINES.has(l.underline) ? l.underline : 'solid';
    return `--yd-${c}:${css};--yd-${c}-u:${u}`;
  }).join(';');
}

/**
 * Page rules that depend on the document: the running header (report title, user, date) in the
 * top margin box. Global CSS; the app adds it next to print.css when it prints the preview.
 */
export function pageCss(doc: ExcerptDocument): string {
  const header = [doc.reportTitle, doc.userName, doc.date].filter(Boolean).join('　');
  if (!header) return '';
  return `@page { @top-center { content: ${cssString(header)}; font-family: "Noto Serif SC", "SimSun", serif; font-size: 9pt; color: #555; } }`;
}

function spanHtml(s: RichSpan): string {
  let h = escapeHtml(s.text).replace(/\n/g, '<br>');
  if (s.code) h = `<code>${h}</code>`;
  if (s.subscript) h = `<sub>${h}</sub>`;
  if (s.superscript) h = `<sup>${h}</sup>`;
  if (s.strikethrough) h = `<s>${h}</s>`;
  if (s.underline) h = `<u>${h}</u>`;
  if (s.italic) h = `<em>${h}</em>`;
  if (s.bold) h = `<strong>${h}</strong>`;
  return h;
}

const spansHtml = (spans: readonly RichSpan[]) => spans.map(spanHtml).join('');

function listHtml(l: RichList): string {
  const tag = l.ordered ? 'ol' : 'ul';
  const start = l.ordered && l.start !== 1 ? ` start="${l.start}"` : '';
  const items = l.items
    .map((it) => {
      const box = it.checked === undefined ? '' : it.checked ? '☑ ' : '☐ ';
      return `<li>${box}${spansHtml(it.spans)}${it.children.map(listHtml).join('')}</li>`;
    })
    .join('');
  return `<${tag}${start}>${items}</${tag}>`;
}

/** HTML of rich note blocks; `label` (already HTML) opens the first paragraph. */
export function richHtml(blocks: readonly RichBlock[], label = ''): string {
  let pending = label;
  const out = blocks.map((b) => {
    if (b.type === 'list') {
      const l = pending ? `<p>${pending}</p>` : '';
      pending = '';
      return l + listHtml(b);
    }
    const inner = pending + spansHtml(b.spans);
    pending = '';
    const p = b.heading ? `<p><strong>${inner}</strong></p>` : `<p>${inner}</p>`;
    return b.quote ? `<blockquote>${p}</blockquote>` : p;
  });
  if (pending) out.unshift(`<p>${pending}</p>`);
  return out.join('');
}

const legendOf = (legend: readonly LegendEntry[], c: ColorKey) => legend.find((l) => l.color === c);

function refHtml(n: number): string {
  return `<sup class="yd-ref"><a href="#yd-note-${n}" id="yd-ref-${n}">${n}</a></sup>`;
}

function passageHtml(e: Excerpt, doc: ExcerptDocument): string {
  const paras = e.passages.map((p) => {
    let h = '';
    for (const r of passageRuns(p)) {
      let t = escapeHtml(r.text);
      if (r.subscript) t = `<sub>${t}</sub>`;
      if (r.strong) t = `<span class="yd-strong">${t}</span>`;
      if (r.typo) t = `<span class="yd-typo">${t}</span>`;
      if (r.color && t) {
        const l = legendOf(doc.legend, r.color);
        const title = l ? ` title="${escapeHtml(`${l.name}：${l.meaning}`)}"` : '';
        t = `<mark class="yd-mark yd-c-${r.color}"${title}>${t}</mark>`;
      }
      h += t;
      if (r.typoEnd) h += '<sup class="yd-typo-flag">※</sup>';
      if (doc.notes !== 'inline') h += r.refs.map(refHtml).join('');
    }
    return `<p>${h}</p>`;
  });
  return `<blockquote class="yd-passage${e.orphan ? ' yd-passage-orphan' : ''}">${paras.join('')}</blockquote>`;
}

/**
 * One footnote or endnote, its number written out: the lists are `<ul>`, not `<ol>`, because
 * Chromium's style recalculation of one `<ol>` grows with the square of its items (5,000
 * endnotes: 2.4 s in an `<ol>`, 35 ms in a `<ul>`).
 */
function noteItem(x: ExcerptEntry): string {
  return `<li id="yd-note-${x.number}" data-number="${x.number}"><span class="yd-note-no">${x.number}.</span>${richHtml(x.note!.blocks)}</li>`;
}

function excerptHtml(e: Excerpt, doc: ExcerptDocument): string {
  const ids = escapeHtml(e.entries.map((x) => x.annotationId).join(' '));
  const cite = [
    e.label ? `<span class="yd-label">${escapeHtml(e.label)}</span>` : '<span class="yd-label">（位置未知）</span>',
    e.lead ? `<span class="yd-lead">${escapeHtml(e.lead)}</span>` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const parts = [`<h4 class="yd-excerpt-cite">${cite}</h4>`];
  if (e.orphan) parts.push('<p class="yd-orphan">原文未找到 · 以下为批注时保存的原文</p>');
  parts.push(passageHtml(e, doc));
  for (const line of typoNoteLines(e)) parts.push(`<p class="yd-typo-note">${escapeHtml(line)}</p>`);

  const meta: string[] = [];
  if (e.passages.some((p) => p.marks.length)) {
    const marks = e.colors.map((c) => {
      const l = legendOf(doc.legend, c);
      return `<mark class="yd-mark yd-c-${c}">${escapeHtml(l?.name ?? c)}</mark>${escapeHtml(l ? `（${l.meaning}）` : '')}`;
    });
    if (marks.length) meta.push(`<span>标记：${marks.join('、')}</span>`);
  }
  if (e.tags.length) meta.push(`<span>标签：${e.tags.map((t) => `#${escapeHtml(t)}`).join(' ')}</span>`);
  if (e.authors.length) meta.push(`<span>批注人：${e.authors.map(escapeHtml).join('、')}</span>`);
  if (meta.length) parts.push(`<p class="yd-excerpt-meta">${meta.join('')}</p>`);

  const withNotes = e.entries.filter((x) => x.note);
  if (doc.notes === 'inline') {
    for (const x of withNotes) parts.push(`<div class="yd-note">${richHtml(x.note!.blocks, `<span class="yd-note-label">${escapeHtml(inlineNoteLabel(x))}</span>`)}</div>`);
  } else if (doc.notes === 'footnotes' && withNotes.length) {
    parts.push(`<ul class="yd-footnotes">${withNotes.map(noteItem).join('')}</ul>`);
  }
  return `<section class="yd-excerpt" data-annotation-ids="${ids}">${parts.join('')}</section>`;
}

/** The title, byline and legend that open the document (the only part name and date change). */
export function printHeadHtml(doc: ExcerptDocument): string {
  const byline = [doc.reportTitle, doc.userName, doc.date].filter(Boolean).map((s) => `<span>${escapeHtml(s)}</span>`).join('');
  const parts = [`<h1 class="yd-print-title">${escapeHtml(doc.title)}</h1>`];
  if (byline) parts.push(`<p class="yd-print-byline">${byline}</p>`);
  if (doc.continuesFrom || doc.continuesOn) {
    const where = [doc.continuesFrom && `上接${doc.continuesFrom}`, doc.continuesOn && `下转${doc.continuesOn}`].filter(Boolean).join('，');
    parts.push(`<p class="yd-print-fragment">所据报告文本为节选（${escapeHtml(where)}）</p>`);
  }
  if (doc.usedColors.length) {
    const items = doc.usedColors.map((c) => {
      const l = legendOf(doc.legend, c)!;
      return `<div><dt><mark class="yd-mark yd-c-${c}">${escapeHtml(l.name)}</mark></dt><dd>${escapeHtml(l.meaning)} <span class="yd-underline-name">（${UNDERLINE_NAME[l.underline] ?? ''}）</span></dd></div>`;
    });
    parts.push(`<dl class="yd-print-legend" aria-label="图例">${items.join('')}</dl>`);
  }
  return `<header class="yd-print-head">${parts.join('')}</header>`;
}

/** Everything after the head: the excerpts under their part/item headings, then any endnotes. */
export function printExcerptsHtml(doc: ExcerptDocument): string {
  const body: string[] = [];
  if (doc.excerpts.length === 0) body.push('<p class="yd-print-empty">没有符合条件的批注。选中正文中的文字即可高亮或添加批注。</p>');
  let lastPath: string[] = [];
  for (const e of doc.excerpts) {
    for (const h of headingsBetween(lastPath, e.sectionPath)) {
      body.push(h.level === 1 ? `<h2 class="yd-print-part">${escapeHtml(h.title)}</h2>` : `<h3 class="yd-print-item">${escapeHtml(h.title)}</h3>`);
    }
    lastPath = e.sectionPath;
    body.push(excerptHtml(e, doc));
  }
  if (doc.notes === 'endnotes') {
    const all = doc.excerpts.flatMap((e) => e.entries.filter((x) => x.note && x.number !== null));
    if (all.length) body.push(`<section class="yd-endnotes"><h2>注释</h2><ul>${all.map(noteItem).join('')}</ul></section>`);
  }
  return body.join('\n');
}

/**
 * Renders the excerpt document as HTML: `bodyHtml` (the `.yd-print` article) and `fullHtml`
 * (a complete A4 document with fonts, styles and page rules inlined).
 * Notes: `inline` under each passage; `footnotes` numbered under each excerpt (Chromium has no
 * per-page footnote floats, and an excerpt never breaks across pages); `endnotes` in a 注释
 * list at the end. Numbers and reference marks come from the excerpt model.
 */
export function renderPrintHtml(doc: ExcerptDocument, options: PrintHtmlOptions = {}): PrintHtml {
  const bodyHtml = `<article class="yd-print" lang="zh-CN" style="${legendStyle(doc.legend)}">${printHeadHtml(doc)}\n${printExcerptsHtml(doc)}</article>`;

  const style = (css: string | undefined) => (css ? `<style>${css.replace(/<\/style/gi, '<\\/style')}</style>` : '');
  const fullHtml = [
    '<!doctype html>',
    '<html lang="zh-CN"><head><meta charset="utf-8">',
    `<title>${escapeHtml(doc.title)}</title>`,
    style(options.fontCss),
    style(options.css),
    style(pageCss(doc)),
    '<style>html,body{margin:0;padding:0;background:#fff}</style>',
    `</head><body>${bodyHtml}</body></html>`,
  ].join('\n');
  return { bodyHtml, fullHtml };
}
