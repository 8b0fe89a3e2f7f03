/**
 * Reading rows back from the store. A row written by an older build, a hand-edited database or
 * a bug must never take the app down: every row is validated, bad ones are set aside with the
 * reason (to be listed and repaired), the rest is used.
 */
import type { Annotation } from './model';
import { parseAnnotation } from './schema';

export interface BrokenRow {
  /** The row's id when it has a usable one, else `?`. */
  id: string;
  /** Chinese description of what is wrong. */
  reason: string;
  row: unknown;
}

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
    const parsed = parseAnnotation(row);
    if (parsed.ok) records.set(parsed.value.id, parsed.value);
    else broken.push({ id: r && typeof r.id === 'string' ? r.id : '?', reason: parsed.error, row });
  }
  return { records, broken };
}
