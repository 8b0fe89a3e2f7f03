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
}

/**
 * Validates `rows`. A row identical in id, updatedAt and deleted flag to one in `previous` (the
 * last read) is reused as is, not validated again: the store re-reads every row after each
 * change, and revalidating thousands of unchanged rows would make every keystroke slower.
 */
export function readStoredRows(rows: readonly unknown[], previous?: ReadonlyMap<string, Annotation>): ReadRows {
  const records = new Map<string, Annotation>();
  const broken: BrokenRow[] = [];
  for (const row of rows) {
    const r = row as Partial<Annotation> | null;
    const prev = r && typeof r.id === 'string' ? previous?.get(r.id) : undefined;
    if (prev && prev.updatedAt === r!.updatedAt && prev.deleted === r!.deleted) {
      records.set(prev.id, prev);
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
  return { records, broken };
}
