/**
 * The excerpt model (打印摘录): which annotated passages to print, in reading order, with their
 * marks, notes and citations. Pure; every renderer (print HTML, DOCX, Markdown) consumes it.
 *
 * Decisions (documented here because renderers rely on them):
 * - **Reading order** is paragraph order, then the passage's start offset, then the
 *   annotation's own start, then `createdAt`.
 * - **Merging.** Each annotation's passage (its sentences or its whole paragraph(s)) is computed
 *   first; annotations whose passages lie in one paragraph and share at least one character
 *   there become ONE excerpt whose passage is the union and which carries one mark per
 *   annotation (marks may overlap). So in `paragraph` mode all annotations of a paragraph print
 *   as one excerpt; in `sentences` mode those sharing a sentence do. Passages that only touch do
 *   not merge, and a passage spanning paragraphs stays an excerpt of its own: merging across
 *   paragraphs chained thousands of annotations into a single unreadable excerpt.
 * - **Overlapping marks**: where marks overlap, the later-created annotation's colour wins
 *   (it is drawn on top in the reader); see `passageRuns`.
 * - **Paragraph-target** annotations contribute their whole paragraph(s) and no mark.
 * - **Orphans** (the resolver returns null) never merge; they print their stored quote, fully
 *   marked in their colour, flagged `orphan: true` (renderers print 原文未找到). They sit at the
 *   position of their stored paragraph when it still exists, else after everything else.
 * - **Note numbers** (footnotes/endnotes): 1…n over the whole document in reading order, only
 *   for annotations whose note has text. The reference sits at the end of the annotation's last
 *   mark (paragraph targets and orphans: end of the passage).
 * - Tombstoned annotations and annotations of another report are skipped.
 * - All text meant for print (passages, section paths, leads, orphan quotes) is in display form
 *   (`toDisplayText`: full-width punctuation between Chinese characters). The mapping is one to
 *   one, so offsets into the canonical paragraph text still hold.
 */
import { annotationMatcher } from '../annotations/filter';
import type { Paragraph, Remark, Report } from '../report/model';
import type { Anchor, Annotation, ColorKey, LegendEntry } from '../annotations/model';
import { DEFAULT_LEGEND } from '../annotations/model';
import { toDisplayText } from '../report/display';
import { noteToRich, richToPlain, type RichBlock } from './rich-text';

/** An anchor located in the current report text. Offsets are UTF-16 into each paragraph's text. */
export interface ResolvedRange {
  segmentId: string;
  start: number;
  endSegmentId: string;
  end: number;
}

/** Locates an anchor in the report; null when its passage cannot be found (orphan). */
export type AnchorResolver = (anchor: Anchor) => ResolvedRange | null;

export type ExcerptScope =
  | { kind: 'all' }
  | {
      kind: 'filter';
      /** Any of these colours (omitted or empty = all). */
      colors?: ColorKey[];
      /** Any of these tags (omitted or empty = all). */
      tags?: string[];
      /** Any of these authors (omitted or empty = all). */
      authors?: string[];
      /** 1-based part number of the annotation's (first) paragraph; 0 = text before part 一. */
      part?: number;
      /** 1-based item number within `part`. */
      item?: number;
    }
  | { kind: 'picked'; ids: string[] };

export type PassageMode = 'sentences' | 'paragraph';
export type NotesPlacement = 'inline' | 'footnotes' | 'endnotes';

export interface ExcerptOptions {
  scope: ExcerptScope;
  passage: PassageMode;
  notes: NotesPlacement;
  /** Document title; default `${reportTitle}·批注摘录`. */
  title?: string;
  /** Report title to print (e.g. from ReportMeta); default `report.title`. */
  reportTitle?: string;
  userName?: string;
  /** Display date, already formatted (see `formatChineseDate`); '' when omitted. */
  date?: string;
  legend?: readonly LegendEntry[];
  /** Default: `exactResolver(report)`. */
  resolve?: AnchorResolver;
}

/** A highlighted range inside a passage; offsets into `ExcerptPassage.text`. */
export interface ExcerptMark {
  start: number;
  end: number;
  color: ColorKey;
  annotationId: string;
  /** Ordering key for overlaps: the later-created mark wins. */
  createdAt: number;
}

/** Note reference (footnote/endnote number) placed after `offset` in the passage text. */
export interface NoteRef {
  offset: number;
  number: number;
}

/** The part of one paragraph that an excerpt prints. */
export interface ExcerptPassage {
  /** Paragraph id, or null for an orphan's stored quote. */
  paragraphId: string | null;
  /** Display text (same length and offsets as the canonical text). */
  text: string;
  /** Offset of `text` in the paragraph's text (0 for orphans). */
  offset: number;
  marks: ExcerptMark[];
  refs: NoteRef[];
  /** Subscript ranges (`PM2.5`), offsets into `text`. */
  subscripts: { start: number; end: number }[];
  /** Inline item heading and lead (小标题) ranges shown bold, offsets into `text`. */
  strong: { start: number; end: number }[];
  /** Probable typos of the source (勘误提示), offsets into `text`, printed flagged with ※. */
  typos: { start: number; end: number; note: string }[];
}

/** One annotation that contributes to an excerpt. */
export interface ExcerptEntry {
  annotationId: string;
  target: 'range' | 'paragraph';
  color: ColorKey;
  /** Stored quote of the anchor. */
  quote: string;
  /** The note, or null when the annotation has no note text. */
  note: { blocks: RichBlock[]; text: string } | null;
  tags: string[];
  author: string;
  createdAt: number;
  /** Footnote/endnote number; null in inline mode or without a note. */
  number: number | null;
}

export interface Excerpt {
  /** Id of the first annotation in the excerpt. */
  id: string;
  /**
   * Part / item heading titles, e.g. [`三、2026年工作安排`, `（二）坚持创新驱动…`]; [] before the
   * first part; [`原文位置未知`] for orphans whose paragraph is gone.
   */
  sectionPath: string[];
  /** Citation label (`三(二)¶2`; `三(二)¶2–三(二)¶3` across paragraphs; '' for unplaced orphans). */
  label: string;
  /** Lead (小标题) of the first paragraph without its final 。, or null. */
  lead: string | null;
  /** `label lead` as printed, e.g. `三(二)¶2 推动煤炭绿色智能转型`. */
  citation: string;
  passages: ExcerptPassage[];
  /** Annotations in the excerpt, in reading order of their start. */
  entries: ExcerptEntry[];
  /** Union of the entries' tags, first-seen order. */
  tags: string[];
  /** Distinct authors, first-seen order. */
  authors: string[];
  /** Distinct colours in legend order. */
  colors: ColorKey[];
  orphan: boolean;
}

export interface ExcerptDocument {
  title: string;
  reportTitle: string;
  reportId: string;
  userName: string;
  date: string;
  legend: LegendEntry[];
  /** Colours used by at least one excerpt, legend order. */
  usedColors: ColorKey[];
  passageMode: PassageMode;
  notes: NotesPlacement;
  excerpts: Excerpt[];
  /** Number of footnotes/endnotes assigned (0 in inline mode). */
  noteCount: number;
  /** The report is a fragment continued from / on another page (`第一版`), or null. */
  continuesFrom: string | null;
  continuesOn: string | null;
}

/** Section path of orphans whose paragraph no longer exists. */
export const UNPLACED = '原文位置未知';

/**
 * Section headings to print before an excerpt whose path is `path` when `prev` is the path
 * printed last: the levels that changed (1 = part, 2 = item); the part again when the path goes
 * back from an item to the part's own paragraphs. Empty when nothing changed.
 */
export function headingsBetween(prev: readonly string[], path: readonly string[]): { level: number; title: string }[] {
  let i = 0;
  while (i < path.length && path[i] === prev[i]) i++;
  if (i === path.length) {
    if (path.length === prev.length || path.length === 0) return [];
    // Back from an item to its part's own text (e.g. 二¶2 after 二(八)): repeat the part heading.
    return [{ level: path.length, title: path[path.length - 1] }];
  }
  return path.slice(i).map((title, k) => ({ level: i + k + 1, title }));
}

/** `2026年5月3日` (local time). */
export function formatChineseDate(d: Date): string {
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;
}

/**
 * Resolver that trusts the stored position: the paragraphs must exist, the offsets must be in
 * range and the text there (paragraphs joined by "\n") must equal the stored quote.
 */
export function exactResolver(report: Report): AnchorResolver {
  const index = new Map(report.paragraphs.map((p, i) => [p.id, i]));
  return (a) => {
    const si = index.get(a.segmentId);
    const ei = index.get(a.endSegmentId);
    if (si === undefined || ei === undefined || ei < si) return null;
    const ps = report.paragraphs;
    if (a.start < 0 || a.start > ps[si].text.length || a.end < 0 || a.end > ps[ei].text.length) return null;
    if (si === ei && a.end < a.start) return null;
    let text: string;
    if (si === ei) text = ps[si].text.slice(a.start, a.end);
    else {
      const parts = [ps[si].text.slice(a.start)];
      for (let i = si + 1; i < ei; i++) parts.push(ps[i].text);
      parts.push(ps[ei].text.slice(0, a.end));
      text = parts.join('\n');
    }
    return text === a.quote ? { segmentId: a.segmentId, start: a.start, endSegmentId: a.endSegmentId, end: a.end } : null;
  };
}

const stripFinalStop = (s: string) => toDisplayText(s.replace(/[。．.]\s*$/u, '').trim());

interface SectionInfo {
  path: string[];
  lead: string | null;
}

/** Part/item heading titles and lead of every paragraph, in one pass over reading order. */
function sectionInfo(report: Report): SectionInfo[] {
  const outlineTitle = new Map<string, string>();
  for (const o of report.outline) if (o.level <= 2) outlineTitle.set(`${o.level}:${o.paragraphId}`, toDisplayText(o.title));
  let part: string | null = null;
  let item: string | null = null;
  let lastPart = -1;
  let lastItem = -1;
  return report.paragraphs.map((p) => {
    if (p.part !== lastPart) {
      part = null;
      item = null;
    } else if (p.item !== lastItem) item = null;
    lastPart = p.part;
    lastItem = p.item;
    // The outline may title a part that has no heading paragraph (a fragment's first part).
    const l1 = outlineTitle.get(`1:${p.id}`);
    const l2 = outlineTitle.get(`2:${p.id}`);
    if (p.kind === 'part' || l1 !== undefined) {
      part = l1 ?? stripFinalStop(p.text);
      item = null;
    }
    if (p.kind === 'item' || l2 !== undefined) item = l2 ?? stripFinalStop(p.text);
    else if (p.headingEnd > 0) item = stripFinalStop(p.text.slice(0, p.headingEnd));
    const lead = p.lead ? stripFinalStop(p.text.slice(p.lead.start, p.lead.end)) || null : null;
    return { path: [part, item].filter((x): x is string => !!x), lead };
  });
}

/** A point in reading order: paragraph index, then offset. */
type Pos = [number, number];
const cmp = (a: Pos, b: Pos) => a[0] - b[0] || a[1] - b[1];

interface Placed {
  ann: Annotation;
  range: { s: Pos; e: Pos } | null;
  /** Passage span; for orphans, the sort position only. */
  ps: Pos;
  pe: Pos;
  /** `ps` and `range.s` as single numbers: sorting 20,000 annotations compares these. */
  psKey?: number;
  rsKey?: number;
}

/** A position as one number in reading order (paragraph texts are far below 2^21 units). */
const posKey = (p: Pos) => p[0] * 2 ** 21 + p[1];

function expandToSentences(p: Paragraph, start: number, end: number): [number, number] {
  if (p.sentences.length === 0) return [0, p.text.length];
  let s = start;
  let e = end;
  for (const sen of p.sentences) {
    if (sen.start <= start && start < sen.end) s = sen.start;
    if (sen.start < end && end <= sen.end) e = sen.end;
  }
  // An empty range sits in the sentence that contains its start.
  if (end === start) for (const sen of p.sentences) if (sen.start <= start && start < sen.end) e = sen.end;
  return [Math.min(s, start), Math.max(e, end)];
}

const matchers = new WeakMap<ExcerptScope, ReturnType<typeof annotationMatcher>>();
/** One matcher per scope object, not one per annotation. */
function matcherOf(scope: ExcerptScope & { kind: 'filter' }): ReturnType<typeof annotationMatcher> {
  let m = matchers.get(scope);
  if (!m) matchers.set(scope, (m = annotationMatcher(scope)));
  return m;
}

function matchesScope(ann: Annotation, scope: ExcerptScope, para: Paragraph | undefined, picked: Set<string>): boolean {
  if (scope.kind === 'all') return true;
  if (scope.kind === 'picked') return picked.has(ann.id);
  if (!matcherOf(scope)(ann)) return false;
  if (scope.part !== undefined && (!para || para.part !== scope.part)) return false;
  if (scope.item !== undefined && (!para || para.item !== scope.item)) return false;
  return true;
}

const uniq = <T>(xs: T[]) => [...new Set(xs)];

const richNotes = new WeakMap<Annotation['note'], { blocks: RichBlock[]; text: string }>();
/** A note's rich form, parsed once per note version (an option change rebuilds the document). */
function richNote(note: Annotation['note']): { blocks: RichBlock[]; text: string } {
  let r = richNotes.get(note);
  if (!r) {
    const blocks = noteToRich(note);
    richNotes.set(note, (r = { blocks, text: richToPlain(blocks) }));
  }
  return r;
}

/**
 * Whether a note prints (its rich form has text), without parsing its JSON when the stored
 * plain text already says so: numbering 20,000 notes must not convert each one.
 */
function hasNoteText(note: Annotation['note']): boolean {
  return note.text.trim() !== '' || (!!note.json && richNote(note).text.trim() !== '');
}

/**
 * A selection that ends at offset 0 of the next paragraph (what a triple click gives) or starts
 * at the very end of a paragraph covers nothing there; drop that paragraph from the range.
 */
function trimParagraphEdges(r: ResolvedRange, index: Map<string, number>, paras: readonly Paragraph[]): ResolvedRange {
  let si = index.get(r.segmentId);
  let ei = index.get(r.endSegmentId);
  if (si === undefined || ei === undefined) return r;
  let { start, end } = r;
  if (ei > si && end === 0) {
    ei--;
    end = paras[ei].text.length;
  }
  if (ei > si && start === paras[si].text.length) {
    si++;
    start = 0;
  }
  return { segmentId: paras[si].id, start, endSegmentId: paras[ei].id, end };
}

type Group = { ps: Pos; pe: Pos; members: Placed[]; orphan: boolean };

interface GroupingKey {
  report: Report;
  annotations: readonly Annotation[];
  scope: ExcerptScope;
  passage: PassageMode;
  resolve: AnchorResolver;
}
const recentGroupings: (GroupingKey & { groups: Group[] })[] = [];
/**
 * Which annotations form which excerpt depends on the annotations, scope and passage mode, not
 * on where notes go: the last few groupings are kept, so 脚注 ↔ 尾注 ↔ 随文 and back to a
 * passage mode seen before skip sorting and merging 20,000 annotations.
 */
function groupsOf(report: Report, annotations: readonly Annotation[], scope: ExcerptScope, passage: PassageMode, resolve: AnchorResolver, make: () => Group[]): Group[] {
  const hit = recentGroupings.find((g) => g.report === report && g.annotations === annotations && g.scope === scope && g.passage === passage && g.resolve === resolve);
  if (hit) return hit.groups;
  const groups = make();
  recentGroupings.unshift({ report, annotations, scope, passage, resolve, groups });
  recentGroupings.length = Math.min(recentGroupings.length, 4);
  return groups;
}

/** An annotation's place: `r` null for an orphan, whose `si` is its stored paragraph (or -1). */
interface Located {
  ann: Annotation;
  r: ResolvedRange | null;
  si: number;
  ei: number;
}

const locations = new WeakMap<Report, WeakMap<AnchorResolver, WeakMap<Annotation, Located | null>>>();
/**
 * Where each live annotation of the report sits. No option changes this, so the result is kept
 * per report, resolver and annotation object (an edited annotation is a new object): switching
 * 脚注 or 整段 does not resolve 20,000 anchors again.
 */
function locate(report: Report, annotations: readonly Annotation[], resolve: AnchorResolver, index: Map<string, number>): Located[] {
  let byResolver = locations.get(report);
  if (!byResolver) locations.set(report, (byResolver = new WeakMap()));
  let cache = byResolver.get(resolve);
  if (!cache) byResolver.set(resolve, (cache = new WeakMap()));
  const out: Located[] = [];
  for (const ann of annotations) {
    let loc = cache.get(ann);
    if (loc === undefined) {
      loc = null;
      if (!ann.deleted && ann.reportId === report.id) {
        const r0 = resolve(ann.anchor);
        const r = r0 && trimParagraphEdges(r0, index, report.paragraphs);
        const si = r ? index.get(r.segmentId) : undefined;
        const ei = r ? index.get(r.endSegmentId) : undefined;
        if (r && si !== undefined && ei !== undefined && cmp([si, r.start], [ei, r.end]) <= 0) loc = { ann, r, si, ei };
        else loc = { ann, r: null, si: index.get(ann.anchor.segmentId) ?? -1, ei: -1 };
      }
      cache.set(ann, loc);
    }
    if (loc) out.push(loc);
  }
  return out;
}

/**
 * Builds the excerpt document for `annotations` on `report`, see the module comment for the
 * ordering, merging, orphan and numbering rules. Throws only when the options are malformed
 * (unknown passage mode).
 */
export function buildExcerpts(report: Report, annotations: readonly Annotation[], options: ExcerptOptions): ExcerptDocument {
  return planExcerpts(report, annotations, options).document();
}

/**
 * The excerpt document, built on demand: which annotations go into which excerpt, the count,
 * the colours used and the note numbering are settled at once (cheap), each excerpt's passages,
 * marks and entries only when asked for. The print preview asks for its first screens; print
 * and exports take `document()`, which builds the rest. Same rules and result as `buildExcerpts`.
 */
export interface ExcerptPlan {
  /** The document without its excerpts. */
  head: Omit<ExcerptDocument, 'excerpts'>;
  /** Number of excerpts in the whole document. */
  count: number;
  /** Annotations in excerpt `i` (no excerpt is built). */
  size(i: number): number;
  /** Excerpt `i`, built on first request and kept. */
  excerpt(i: number): Excerpt;
  /** The first `n` excerpts (all when n ≥ count). */
  first(n: number): Excerpt[];
  /** The whole document, every excerpt built. */
  document(): ExcerptDocument;
}

export function planExcerpts(report: Report, annotations: readonly Annotation[], options: ExcerptOptions): ExcerptPlan {
  if (options.passage !== 'sentences' && options.passage !== 'paragraph') {
    throw new Error(`buildExcerpts: passage mode must be 'sentences' or 'paragraph', got ${String(options.passage)}`);
  }
  const legend = [...(options.legend ?? DEFAULT_LEGEND)];
  const resolve = options.resolve ?? exactResolver(report);
  const paras = report.paragraphs;
  const index = new Map(paras.map((p, i) => [p.id, i]));
  const sections = sectionInfo(report);
  const display = new Map<number, string>();
  const displayOf = (i: number) => {
    let d = display.get(i);
    if (d === undefined) display.set(i, (d = toDisplayText(paras[i].text)));
    return d;
  };
  const picked = new Set(options.scope.kind === 'picked' ? options.scope.ids : []);
  const remarksOf = new Map<string, Remark[]>();
  for (const r of report.remarks) remarksOf.set(r.paragraphId, [...(remarksOf.get(r.paragraphId) ?? []), r]);

  const groups = groupsOf(report, annotations, options.scope, options.passage, resolve, () => {
    const located = locate(report, annotations, resolve, index);
    const placed: Placed[] = [];
    const orphans: Placed[] = [];
    for (const { ann, r, si, ei } of located) {
      if (r) {
        if (!matchesScope(ann, options.scope, paras[si], picked)) continue;
        let ps: Pos;
        let pe: Pos;
        if (ann.target === 'paragraph' || options.passage === 'paragraph') {
          ps = [si, 0];
          pe = [ei, paras[ei].text.length];
        } else if (si === ei) {
          const [s, e] = expandToSentences(paras[si], r.start, r.end);
          ps = [si, s];
          pe = [ei, e];
        } else {
          ps = [si, expandToSentences(paras[si], r.start, r.start)[0]];
          pe = [ei, expandToSentences(paras[ei], Math.max(0, r.end - 1), r.end)[1]];
        }
        placed.push({ ann, range: { s: [si, r.start], e: [ei, r.end] }, ps, pe });
      } else {
        const oi = si < 0 ? undefined : si;
        if (!matchesScope(ann, options.scope, oi === undefined ? undefined : paras[oi], picked)) continue;
        const pos: Pos = oi === undefined ? [Number.MAX_SAFE_INTEGER, 0] : [oi, ann.anchor.start];
        orphans.push({ ann, range: null, ps: pos, pe: pos });
      }
    }

    for (const p of [...placed, ...orphans]) {
      p.psKey = posKey(p.ps);
      p.rsKey = p.range ? posKey(p.range.s) : 0;
    }
    const byReading = (a: Placed, b: Placed) =>
      a.psKey! - b.psKey! || (a.range && b.range ? a.rsKey! - b.rsKey! : 0) || a.ann.createdAt - b.ann.createdAt;
    placed.sort(byReading);

    // Merge passages of one paragraph that share characters there. The open excerpt of each
    // paragraph is remembered, so a cross-paragraph passage sorted in between does not split it.
    const groups: Group[] = [];
    const open = new Map<number, Group>();
    for (const pl of placed) {
      const single = pl.ps[0] === pl.pe[0];
      const g = single ? open.get(pl.ps[0]) : undefined;
      if (g && cmp(pl.ps, g.pe) < 0) {
        g.members.push(pl);
        if (cmp(pl.pe, g.pe) > 0) g.pe = pl.pe;
        continue;
      }
      const next: Group = { ps: pl.ps, pe: pl.pe, members: [pl], orphan: false };
      groups.push(next);
      if (single) open.set(pl.ps[0], next);
    }
    for (const o of orphans.sort(byReading)) groups.push({ ps: o.ps, pe: o.pe, members: [o], orphan: true });
    // Stable sort keeps an orphan after a real excerpt that starts at the same position.
    groups.sort((a, b) => cmp(a.ps, b.ps));
    return groups;
  });

  // Note numbers run over the whole document: each excerpt starts after the notes of those
  // before it, so any excerpt can be built alone. `richNote` is cached per note.
  const noteBase: number[] = [];
  let notesTotal = 0;
  for (const g of groups) {
    noteBase.push(notesTotal);
    if (options.notes !== 'inline') for (const m of g.members) if (hasNoteText(m.ann.note)) notesTotal++;
  }
  const usedSet = new Set<ColorKey>();
  for (const g of groups) for (const m of g.members) usedSet.add(m.ann.color);

  const build = (gi: number): Excerpt => {
    const g = groups[gi];
    let noteNo = noteBase[gi];
    const members = [...g.members].sort(
      (a, b) => (a.range && b.range ? cmp(a.range.s, b.range.s) : 0) || a.ann.createdAt - b.ann.createdAt,
    );
    const entries: ExcerptEntry[] = members.map(({ ann }) => {
      const { blocks, text } = richNote(ann.note);
      const hasNote = text.trim() !== '';
      return {
        annotationId: ann.id,
        target: ann.target,
        color: ann.color,
        quote: ann.anchor.quote,
        note: hasNote ? { blocks, text } : null,
        tags: [...ann.tags],
        author: ann.author,
        createdAt: ann.createdAt,
        number: hasNote && options.notes !== 'inline' ? ++noteNo : null,
      };
    });

    let passages: ExcerptPassage[];
    let first: number | null;
    let last: number | null;
    if (g.orphan) {
      const { ann } = members[0];
      const oi = g.ps[0] === Number.MAX_SAFE_INTEGER ? null : g.ps[0];
      first = last = oi;
      const quote = toDisplayText(ann.anchor.quote);
      passages = [
        {
          paragraphId: null,
          text: quote,
          offset: 0,
          marks: ann.target === 'range' && quote ? [{ start: 0, end: quote.length, color: ann.color, annotationId: ann.id, createdAt: ann.createdAt }] : [],
          refs: entries[0].number !== null ? [{ offset: quote.length, number: entries[0].number }] : [],
          subscripts: [],
          strong: [],
          typos: [],
        },
      ];
    } else {
      first = g.ps[0];
      last = g.pe[0];
      passages = [];
      for (let i = g.ps[0]; i <= g.pe[0]; i++) {
        const p = paras[i];
        const from = i === g.ps[0] ? g.ps[1] : 0;
        const to = i === g.pe[0] ? g.pe[1] : p.text.length;
        const clip = <R extends { start: number; end: number }>(ranges: readonly R[]): R[] =>
          ranges
            .map((r) => ({ ...r, start: Math.max(r.start, from) - from, end: Math.min(r.end, to) - from }))
            .filter((r) => r.end > r.start);
        const strong = clip([
          ...(p.headingEnd > 0 ? [{ start: 0, end: p.headingEnd }] : []),
          ...(p.lead ? [p.lead] : []),
        ]);
        passages.push({
          paragraphId: p.id,
          text: displayOf(i).slice(from, to),
          offset: from,
          marks: [],
          refs: [],
          subscripts: clip(p.subscripts),
          strong,
          typos: clip(remarksOf.get(p.id) ?? []).map(({ start, end, note }) => ({ start, end, note })),
        });
      }
      members.forEach((m, k) => {
        const entry = entries[k];
        if (m.ann.target === 'range' && m.range) {
          let lastMark: { passage: ExcerptPassage; end: number } | null = null;
          for (let i = m.range.s[0]; i <= m.range.e[0]; i++) {
            const passage = passages[i - g.ps[0]];
            const a = (i === m.range.s[0] ? m.range.s[1] : 0) - passage.offset;
            const b = (i === m.range.e[0] ? m.range.e[1] : paras[i].text.length) - passage.offset;
            const start = Math.max(0, a);
            const end = Math.min(passage.text.length, b);
            if (end > start) {
              passage.marks.push({ start, end, color: m.ann.color, annotationId: m.ann.id, createdAt: m.ann.createdAt });
              lastMark = { passage, end };
            }
          }
          if (entry.number !== null) {
            const at = lastMark ?? { passage: passages[m.range.e[0] - g.ps[0]], end: Math.max(0, m.range.e[1] - passages[m.range.e[0] - g.ps[0]].offset) };
            at.passage.refs.push({ offset: at.end, number: entry.number });
          }
        } else if (entry.number !== null) {
          const lp = passages[passages.length - 1];
          lp.refs.push({ offset: lp.text.length, number: entry.number });
        }
      });
      for (const p of passages) {
        p.marks.sort((a, b) => a.start - b.start || a.createdAt - b.createdAt);
        p.refs.sort((a, b) => a.offset - b.offset || a.number - b.number);
      }
    }

    const firstLabel = first === null ? '' : paras[first].label;
    const lastLabel = last === null ? '' : paras[last].label;
    const label = first !== null && last !== null && last !== first ? `${firstLabel}–${lastLabel}` : firstLabel;
    const lead = first === null ? null : sections[first].lead;
    const colorSet = new Set(entries.map((e) => e.color));
    return {
      id: members[0].ann.id,
      sectionPath: first === null ? [UNPLACED] : sections[first].path,
      label,
      lead,
      citation: [label, lead].filter(Boolean).join(' '),
      passages,
      entries,
      tags: uniq(entries.flatMap((e) => e.tags)),
      authors: uniq(entries.map((e) => e.author).filter(Boolean)),
      colors: legend.map((l) => l.color).filter((c) => colorSet.has(c)),
      orphan: g.orphan,
    };
  };
  const built: (Excerpt | undefined)[] = new Array(groups.length);
  const excerpt = (i: number): Excerpt => (built[i] ??= build(i));
  const first = (n: number): Excerpt[] => {
    const out: Excerpt[] = [];
    for (let i = 0; i < Math.min(n, groups.length); i++) out.push(excerpt(i));
    return out;
  };
  const head: Omit<ExcerptDocument, 'excerpts'> = {
    title: options.title ?? `${options.reportTitle ?? report.title}·批注摘录`,
    reportTitle: options.reportTitle ?? report.title,
    reportId: report.id,
    userName: options.userName ?? '',
    date: options.date ?? '',
    legend,
    usedColors: legend.map((l) => l.color).filter((c) => usedSet.has(c)),
    passageMode: options.passage,
    notes: options.notes,
    noteCount: notesTotal,
    continuesFrom: report.continuesFrom,
    continuesOn: report.continuesOn,
  };
  return {
    head,
    count: groups.length,
    size: (i) => groups[i].members.length,
    excerpt,
    first,
    document: () => ({ ...head, excerpts: first(groups.length) }),
  };
}

/** A piece of passage text with uniform styling. */
export interface PassageRun {
  text: string;
  /** Winning highlight colour (later-created mark on top), or null when unmarked. */
  color: ColorKey | null;
  /** Every colour covering the run, oldest first. */
  colors: ColorKey[];
  subscript: boolean;
  strong: boolean;
  /** Inside a probable typo of the source: renderers flag the typo's last run with ※. */
  typo: boolean;
  /** This run ends a typo: print ※ right after it. */
  typoEnd: boolean;
  /** Note numbers to print right after this run. */
  refs: number[];
}

/**
 * Splits a passage into runs at every mark, subscript, strong and note-reference boundary,
 * so renderers only style flat runs. Refs at offset 0 come out on an empty first run.
 */
export function passageRuns(p: ExcerptPassage): PassageRun[] {
  const cuts = new Set<number>([0, p.text.length]);
  for (const r of [...p.marks, ...p.subscripts, ...p.strong, ...p.typos]) {
    cuts.add(r.start);
    cuts.add(r.end);
  }
  for (const r of p.refs) cuts.add(r.offset);
  const points = [...cuts].filter((c) => c >= 0 && c <= p.text.length).sort((a, b) => a - b);
  const runs: PassageRun[] = [];
  const refs = new Map<number, number[]>();
  for (const r of p.refs) {
    const l = refs.get(r.offset);
    if (l) l.push(r.number);
    else refs.set(r.offset, [r.number]);
  }
  const refsAt = (off: number) => refs.get(off) ?? [];
  const leading = refsAt(0);
  if (leading.length) runs.push({ text: '', color: null, colors: [], subscript: false, strong: false, typo: false, typoEnd: false, refs: leading });
  // A sweep over the cut points with the marks open at each: a paragraph excerpt may carry
  // hundreds of marks, and testing every mark for every run grew with their square.
  const byStart = [...p.marks].sort((x, y) => x.start - y.start);
  let next = 0;
  let open: ExcerptMark[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i];
    const b = points[i + 1];
    open = open.filter((m) => m.end > a);
    while (next < byStart.length && byStart[next].start <= a) {
      if (byStart[next].end > a) open.push(byStart[next]);
      next++;
    }
    const covering = open.filter((m) => b <= m.end).sort((x, y) => x.createdAt - y.createdAt);
    runs.push({
      text: p.text.slice(a, b),
      color: covering.length ? covering[covering.length - 1].color : null,
      colors: uniq(covering.map((m) => m.color)),
      subscript: p.subscripts.some((r) => r.start <= a && b <= r.end),
      strong: p.strong.some((r) => r.start <= a && b <= r.end),
      typo: p.typos.some((r) => r.start <= a && b <= r.end),
      typoEnd: p.typos.some((r) => r.end === b && r.start < b),
      refs: refsAt(b),
    });
  }
  return runs;
}

/** How many characters of the highlighted phrase a 随文 note label quotes. */
const NOTE_PHRASE_CHARS = 14;

/**
 * The label of a note printed under its passage (随文): which phrase it is about, since one
 * excerpt may hold several highlights — `批注（“科技创新和产业创新深…”）：`, or `批注（整段）：` for a
 * 段落批注. Plain text; renderers escape it.
 */
export function inlineNoteLabel(entry: Pick<ExcerptEntry, 'target' | 'quote'>): string {
  if (entry.target === 'paragraph') return '批注（整段）：';
  const phrase = toDisplayText(entry.quote).replace(/\s+/g, '');
  const cut = [...phrase];
  return `批注（“${cut.slice(0, NOTE_PHRASE_CHARS).join('')}${cut.length > NOTE_PHRASE_CHARS ? '…' : ''}”）：`;
}

/**
 * The 勘误提示 lines printed under an excerpt, one per distinct flagged typo in its passages:
 * `※ 勘误提示：原文“丰炉煤气”疑为“焦炉煤气”（原文如此）`. The official words stay unchanged in
 * the passage; this line says what was probably meant, as the reader's tooltip does.
 */
export function typoNoteLines(e: Pick<Excerpt, 'passages'>): string[] {
  const lines: string[] = [];
  for (const p of e.passages) {
    for (const t of p.typos) {
      const line = `※ 勘误提示：原文“${p.text.slice(t.start, t.end)}”${t.note}`;
      if (!lines.includes(line)) lines.push(line);
    }
  }
  return lines;
}
