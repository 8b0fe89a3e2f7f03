/**
 * Reading rows back from the store. A row written by an older build, a hand-edited database or
 * a bug must never take the app down: every row is validated, bad ones are set aside with the
 * reason (to be listed and repaired), the rest is used.
 */
import { zhCN } from 'zod/locales';
import type { Annotation } from './model';
import { annotationSchema, describeIssues } from './schema';

/** A stored row that failed validation, kept as it is so it can be shown, exported or repaired. */
export interface BrokenRow {
  /** The row's id when it has a usable one, else null. */
  id: string | null;
  /** Chinese description of what is wrong (field paths and reasons). */
  reason: string;
  /** The row exactly as read. */
  raw: unknown;
}

const zh = zhCN().localeError;

export interface ReadRows {
  /** Valid rows by id (tombstones included). */
  records: Map<string, Annotation>;
  broken: BrokenRow[];
  /** Rows accepted by the quick check only (option `quick`): to be checked fully soon after. */
  unverified: Annotation[];
}

const COLORS = new Set(['yellow', 'green', 'blue', 'red', 'purple']);
const isInt = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

/**
 * A cheap look at the fields the reading view and the list use (id, colour, anchor offsets and
 * quote, note text, tags, author, times). Much faster than the full schema; a row that passes it
 * can be drawn safely, and the full check (note JSON included) follows in idle time.
 */
export function looksLikeAnnotation(row: unknown): row is Annotation {
  if (typeof row !== 'object' || row === null) return false;
  const r = row as Record<string, unknown>;
  const a = r.anchor as Record<string, unknown> | null;
  const n = r.note as Record<string, unknown> | null;
  return (
    typeof r.id === 'string' && r.id !== '' && typeof r.reportId === 'string' && (r.target === 'range' || r.target === 'paragraph') &&
    COLORS.has(r.color as string) && typeof r.author === 'string' && typeof r.deleted === 'boolean' &&
    isInt(r.createdAt) && isInt(r.updatedAt) && Array.isArray(r.tags) && r.tags.every((t) => typeof t === 'string') &&
    typeof a === 'object' && a !== null && typeof a.segmentId === 'string' && typeof a.endSegmentId === 'string' &&
    isInt(a.start) && isInt(a.end) && typeof a.quote === 'string' && a.quote !== '' &&
    typeof n === 'object' && n !== null && typeof n.text === 'string' && (n.json === null || typeof n.json === 'string')
  );
}

/**
 * Validates `rows`. A row identical in id, updatedAt and deleted flag to one in `previous` (the
 * last read) is reused as is, not validated again: the store re-reads every row after each
 * change, and revalidating thousands of unchanged rows would make every keystroke slower.
 */
export function readStoredRows(rows: readonly unknown[], previous?: ReadonlyMap<string, Annotation>, options: { quick?: boolean } = {}): ReadRows {
  const records = new Map<string, Annotation>();
  const broken: BrokenRow[] = [];
  const unverified: Annotation[] = [];
  for (const row of rows) {
    const r = row as Partial<Annotation> | null;
    const prev = r && typeof r.id === 'string' ? previous?.get(r.id) : undefined;
    if (prev && prev.updatedAt === r!.updatedAt && prev.deleted === r!.deleted) {
      records.set(prev.id, prev);
      continue;
    }
    if (options.quick && looksLikeAnnotation(row)) {
      records.set(row.id, row);
      unverified.push(row);
      continue;
    }
    const parsed = annotationSchema.safeParse(row, { error: zh });
    if (parsed.success) {
      records.set(parsed.data.id, parsed.data);
      continue;
    }
    const id = r && typeof r === 'object' && typeof r.id === 'string' && r.id !== '' ? r.id : null;
    broken.push({ id, reason: describeIssues(parsed.error), raw: row });
  }
  return { records, broken, unverified };
}
