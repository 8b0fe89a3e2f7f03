/**
 * The searchable texts built from a Report (one per paragraph, hits reported per sentence) and
 * from notes (one per note), each with its normalised form, sentence boundaries in both
 * offset spaces, and the part/item group it belongs to.
 */
import type { Report } from '../report/model';
import { normalizeForSearch, type OffsetMap } from './normalize';
import type { NoteRecord, SearchGroup } from './types';

export interface DocSentence {
  /** Sentence id, or null for a note (or a paragraph without sentences). */
  id: string | null;
  /** Original offsets into the doc text. */
  start: number;
  end: number;
  /** Normalised offsets into the doc's `norm`. */
  nStart: number;
  nEnd: number;
}

export interface SearchDoc {
  source: 'report' | 'note';
  reportId: string;
  paragraphId: string;
  label: string;
  group: SearchGroup;
  /** Original text (paragraph text or note text). */
  text: string;
  norm: string;
  map: OffsetMap | null;
  /** Ascending, non-overlapping. */
  sentences: DocSentence[];
  /** Reading order across the whole index (notes sort by their paragraph). */
  order: number;
  note?: NoteRecord;
}

const CN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 11 → 十一, 23 → 二十三 (1 … 99). */
export function chineseNumeral(n: number): string {
  if (n < 10) return CN_DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : CN_DIGITS[tens]}十${ones ? CN_DIGITS[ones] : ''}`;
}

/** First normalised index whose source offset is ≥ `o` (so sentence boundaries map over). */
function toNormOffset(map: OffsetMap | null, normLength: number, o: number): number {
  if (!map) return o;
  let lo = 0;
  let hi = normLength;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (map.start[mid] < o) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function sentencesOf(
  spans: readonly { id: string | null; start: number; end: number }[],
  text: string,
  norm: string,
  map: OffsetMap | null,
): DocSentence[] {
  const list = spans.length > 0 ? spans : [{ id: null, start: 0, end: text.length }];
  return list.map((s) => ({
    id: s.id,
    start: s.start,
    end: s.end,
    nStart: toNormOffset(map, norm.length, s.start),
    nEnd: toNormOffset(map, norm.length, s.end),
  }));
}

/** Groups of a report keyed by `${part}-${item}`, titled from the outline. */
function groupsOf(report: Report, orderBase: number): (part: number, item: number) => SearchGroup {
  const byId = new Map(report.paragraphs.map((p) => [p.id, p]));
  const partTitle = new Map<number, string>();
  const itemTitle = new Map<string, string>();
  for (const e of report.outline) {
    const p = byId.get(e.paragraphId);
    if (!p) continue;
    if (e.level === 1 && !partTitle.has(p.part)) partTitle.set(p.part, e.title);
    if (e.level === 2 && !itemTitle.has(`${p.part}-${p.item}`)) itemTitle.set(`${p.part}-${p.item}`, e.title);
  }
  const cache = new Map<string, SearchGroup>();
  return (part, item) => {
    const k = `${part}-${item}`;
    let g = cache.get(k);
    if (g) return g;
    const partLabel = part > 0 ? chineseNumeral(part) : '前文';
    const label = item > 0 ? `${partLabel}(${chineseNumeral(item)})` : partLabel;
    const pt = partTitle.get(part) ?? (part > 0 ? partLabel : '前文（节选开头）');
    const it = item > 0 ? itemTitle.get(k) ?? `(${chineseNumeral(item)})` : null;
    g = {
      id: `${report.id}:${k}`,
      label,
      title: it ? `${pt} › ${it}` : pt,
      order: orderBase + part * 1000 + item,
    };
    cache.set(k, g);
    return g;
  };
}

/**
 * One doc per paragraph of `report`, in reading order. `orderBase` separates reports when
 * several are indexed together (report n gets orders from n × 10⁶).
 */
export function reportDocs(report: Report, orderBase = 0): SearchDoc[] {
  const group = groupsOf(report, orderBase);
  return report.paragraphs.map((p, i) => {
    const { text: norm, map } = normalizeForSearch(p.text);
    return {
      source: 'report' as const,
      reportId: report.id,
      paragraphId: p.id,
      label: p.label,
      group: group(p.part, p.item),
      text: p.text,
      norm,
      map,
      sentences: sentencesOf(p.sentences, p.text, norm, map),
      order: orderBase + i,
    };
  });
}

export interface ParagraphInfo {
  reportId: string;
  label: string;
  group: SearchGroup;
  order: number;
  sentences: readonly { id: string | null; start: number; end: number }[];
}

/** Group for notes whose paragraph is not in any indexed report. */
export function orphanGroup(reportId: string): SearchGroup {
  return { id: `${reportId}:orphan-notes`, label: '批注', title: '未定位到正文的批注', order: Number.MAX_SAFE_INTEGER };
}

/**
 * One doc per note. `paragraphs` resolves a note's paragraph (key `${reportId}\n${paragraphId}`,
 * or just the paragraph id when the note has no reportId) to its label, group and order.
 */
export function noteDocs(
  notes: readonly NoteRecord[],
  paragraph: (note: NoteRecord) => ParagraphInfo | null,
  fallbackReportId: string,
): SearchDoc[] {
  return notes.map((n) => {
    const info = paragraph(n);
    const { text: norm, map } = normalizeForSearch(n.text);
    let sentenceId: string | null = null;
    if (info && n.start !== undefined) {
      const s = info.sentences.find((x) => n.start! >= x.start && n.start! < x.end);
      sentenceId = s?.id ?? null;
    }
    return {
      source: 'note' as const,
      reportId: info?.reportId ?? n.reportId ?? fallbackReportId,
      paragraphId: n.paragraphId,
      label: info?.label ?? '',
      group: info?.group ?? orphanGroup(n.reportId ?? fallbackReportId),
      text: n.text,
      norm,
      map,
      sentences: [{ id: sentenceId, start: 0, end: n.text.length, nStart: 0, nEnd: norm.length }],
      order: info?.order ?? Number.MAX_SAFE_INTEGER,
      note: n,
    };
  });
}
