/**
 * The annotation list as CSV, for Excel, WPS and the spreadsheet habits of Koodo/Hypothesis users.
 *
 * Columns: 位置, 颜色, 原文, 批注, 标签, 署名, 创建时间, 修改时间. UTF-8 with a BOM (without it
 * Excel and WPS on Chinese Windows read the file as GBK and show mojibake), CRLF rows and RFC 4180
 * quoting. A cell that a spreadsheet would run as a formula (starting with = + - @, tab or CR) is
 * prefixed with an apostrophe: a member's note must not become a formula on someone else's machine
 * (CSV injection).
 */
import type { ResolvedAnchor } from '../anchoring/resolve-anchor';
import { DEFAULT_LEGEND, type Annotation, type LegendEntry } from '../annotations/model';
import { placeAnnotation } from '../annotations/order';
import type { Report } from '../report/model';
import { exactResolver, UNPLACED } from './excerpt-model';

export const CSV_COLUMNS = ['位置', '颜色', '原文', '批注', '标签', '署名', '创建时间', '修改时间'] as const;
export const CSV_MEDIA_TYPE = 'text/csv;charset=utf-8';

export interface AnnotationCsvOptions {
  report: Report;
  /** Colour names and meanings as the user set them; default DEFAULT_LEGEND. */
  legend?: readonly LegendEntry[];
  /**
   * Where each annotation sits now (from resolveAnchor), by id; orphans get 原文位置未知. Without it
   * an annotation is placed only where its stored position still holds its quote.
   */
  resolutions?: ReadonlyMap<string, ResolvedAnchor>;
  /** Minutes east of UTC for the times; default 480 (Beijing). Pass `-new Date().getTimezoneOffset()` for local time. */
  utcOffsetMinutes?: number;
}

/** `2026-03-05 09:30` at `offsetMinutes` east of UTC. */
export function formatCsvTime(ms: number, offsetMinutes: number): string {
  const d = new Date(ms + offsetMinutes * 60_000);
  if (Number.isNaN(d.getTime())) return '';
  const iso = d.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

/** One CSV cell: formula starts defused, quoted when it holds a quote, comma or line break. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The annotations (in the order given: the list's order; deleted ones left out) as CSV text,
 * starting with a BOM. Line breaks inside a note stay inside its quoted cell.
 */
export function annotationsToCsv(annotations: readonly Annotation[], options: AnnotationCsvOptions): string {
  const legend = new Map((options.legend ?? DEFAULT_LEGEND).map((e) => [e.color, e]));
  const offset = options.utcOffsetMinutes ?? 480;
  const paragraphs = options.report.paragraphs;
  const resolve = exactResolver(options.report);
  const where = (a: Annotation): string => {
    let first: number;
    let last: number;
    if (options.resolutions) {
      const p = placeAnnotation(options.report, a, options.resolutions);
      if (!p) return UNPLACED;
      first = p.paragraphIndex;
      last = p.endParagraphIndex;
    } else {
      const r = resolve(a.anchor);
      if (!r) return UNPLACED;
      first = paragraphs.findIndex((p) => p.id === r.segmentId);
      last = paragraphs.findIndex((p) => p.id === r.endSegmentId);
    }
    const from = paragraphs[first].label;
    return last === first ? from : `${from}—${paragraphs[last].label}`;
  };
  const rows = [CSV_COLUMNS.join(',')];
  for (const a of annotations) {
    if (a.deleted) continue;
    const entry = legend.get(a.color);
    rows.push(
      [
        where(a),
        entry ? `${entry.name}（${entry.meaning}）` : a.color,
        a.anchor.quote,
        a.note.text,
        a.tags.join('、'),
        a.author,
        formatCsvTime(a.createdAt, offset),
        formatCsvTime(a.updatedAt, offset),
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return `\uFEFF${rows.join('\r\n')}\r\n`;
}
