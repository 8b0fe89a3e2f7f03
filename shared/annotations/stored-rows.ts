/**
 * Reading rows back from the store without trusting them. One malformed row (colour "orange", a
 * note nested 1,000 lists deep, updatedAt 2^53−1 from an older version's import) used to blank the
 * app at every start; rows are now split into valid records and ones set aside with the reason, for
 * a 待修复 list, before anything renders them.
 */
import type { Annotation } from './model';
import { annotationSchema, describeIssues } from './schema';
import { zhCN } from 'zod/locales';

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

/**
 * Splits rows read from the store into valid annotations (as the schema returns them: unknown
 * keys dropped) and broken rows with their Chinese reason. Never throws; order is kept in both.
 */
export function checkStoredRows(rows: readonly unknown[]): { valid: Annotation[]; broken: BrokenRow[] } {
  const valid: Annotation[] = [];
  const broken: BrokenRow[] = [];
  for (const raw of rows) {
    const r = annotationSchema.safeParse(raw, { error: zh });
    if (r.success) {
      valid.push(r.data);
      continue;
    }
    const id = typeof raw === 'object' && raw !== null && typeof (raw as { id?: unknown }).id === 'string' ? (raw as { id: string }).id : null;
    broken.push({ id: id === '' ? null : id, reason: describeIssues(r.error), raw });
  }
  return { valid, broken };
}
