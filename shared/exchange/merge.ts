/**
 * Merging another member's annotations into this store.
 *
 * Records are matched by id only: two members highlighting the same words made two
 * annotations, and both are kept, each with its author. For one id the newer version
 * (larger updatedAt) wins as a whole — updatedAt strictly increases on every edit, delete and
 * restore, so "newer" is "later action". That makes the merge a join: the result for every id
 * is the newest version seen anywhere, so importing a file twice changes nothing the second
 * time and members who import each other's files in any order end up with the same records.
 */
import type { Annotation } from '../annotations/model';
import { canonicalAnnotation, canonicalJson } from './canonical';
import { EXCHANGE_MESSAGES as M } from './messages';

/** One record to write: `before` is the local record it replaces, null when the id is new. */
export interface MergeChange {
  before: Annotation | null;
  after: Annotation;
}

/** What an import did, by incoming record. The counts add up to `total`. */
export interface MergeSummary {
  /** Incoming records. */
  total: number;
  /** New live annotations. */
  added: number;
  /** Live annotations replaced by a newer live version. */
  updated: number;
  /** Live annotations deleted by a newer tombstone. */
  deleted: number;
  /** Tombstones brought back by a newer live version. */
  restored: number;
  /** Already here, or older than the local version (nothing written). */
  skipped: number;
  /** Tombstones of annotations this store never had: stored so the delete keeps travelling. */
  tombstonesAdded: number;
  /** Newer tombstones over local tombstones: stored, nothing visible changes. */
  tombstonesUpdated: number;
}

export interface MergeResult {
  /** One per changed id, in the order the ids first occur in `incoming`. */
  changes: MergeChange[];
  summary: MergeSummary;
}

/**
 * Merges `incoming` (e.g. a parsed exchange file) into `local` (the store's records of the
 * same report, tombstones included). Pure: returns the records to write, changes nothing.
 *
 * Per id: unknown → added (a tombstone too, counted apart); newer updatedAt wins wholesale;
 * equal updatedAt with different content → the record whose canonical JSON sorts last wins,
 * so both sides of an exchange pick the same one; identical or older → skipped. A kept
 * record's id, reportId, author and createdAt are the local ones: an import never reassigns
 * whose annotation it is. (Honest files never disagree on them — ids are minted by the
 * author's app — so this only matters for edited files, where convergence is not promised.)
 * Several incoming records with one id count once as the newest and
 * the rest as skipped.
 */
export function mergeAnnotations(local: readonly Annotation[], incoming: readonly Annotation[]): MergeResult {
  const summary: MergeSummary = { total: incoming.length, added: 0, updated: 0, deleted: 0, restored: 0, skipped: 0, tombstonesAdded: 0, tombstonesUpdated: 0 };

  const mine = newestById(local).byId;
  const { byId: theirs, dropped } = newestById(incoming);
  summary.skipped += dropped;

  const changes: MergeChange[] = [];
  // Map iteration follows insertion, i.e. first occurrence in `incoming`.
  for (const [id, other] of theirs) {
    const before = mine.get(id) ?? null;
    if (before === null) {
      changes.push({ before: null, after: canonicalAnnotation(other) });
      if (other.deleted) summary.tombstonesAdded++;
      else summary.added++;
      continue;
    }
    if (!isNewer(other, before)) {
      summary.skipped++;
      continue;
    }
    const after = canonicalAnnotation({ ...other, id: before.id, reportId: before.reportId, author: before.author, createdAt: before.createdAt });
    // Only possible at equal updatedAt when the two differed in the fields kept from `before`.
    if (after.updatedAt === before.updatedAt && canonicalJson(after) === canonicalJson(before)) {
      summary.skipped++;
      continue;
    }
    changes.push({ before, after });
    if (before.deleted && after.deleted) summary.tombstonesUpdated++;
    else if (after.deleted) summary.deleted++;
    else if (before.deleted) summary.restored++;
    else summary.updated++;
  }
  return { changes, summary };
}

/**
 * Whether `a` replaces `b` (same id): larger updatedAt, or at equal updatedAt the larger
 * canonical JSON. A total order on versions, so the winner does not depend on which side is
 * local; identical records are never newer than each other.
 */
export function isNewer(a: Annotation, b: Annotation): boolean {
  if (a.updatedAt !== b.updatedAt) return a.updatedAt > b.updatedAt;
  // Only reached on ties, which are rare: no need to serialise (possibly long) notes otherwise.
  return canonicalJson(a) > canonicalJson(b);
}

/** Newest version per id (keyed in order of first occurrence); `dropped` counts superseded copies. */
function newestById(records: readonly Annotation[]): { byId: Map<string, Annotation>; dropped: number } {
  const byId = new Map<string, Annotation>();
  let dropped = 0;
  for (const r of records) {
    const seen = byId.get(r.id);
    if (seen !== undefined) dropped++;
    // Replacing a key's value keeps its position in the Map.
    if (seen === undefined || isNewer(r, seen)) byId.set(r.id, r);
  }
  return { byId, dropped };
}

/**
 * The import result for the user (zh-CN), e.g. 「新增 12 条，更新 3 条，删除 1 条，跳过 40 条（已有或较旧）」,
 * or 「没有新的批注：文件中的 N 条都已存在」 when nothing visible changes.
 */
export function summaryText(s: MergeSummary): string {
  if (s.total === 0) return M.nothingToImport;
  const hidden = s.tombstonesAdded + s.tombstonesUpdated;
  const visible: string[] = [];
  if (s.added > 0) visible.push(M.added(s.added));
  if (s.updated > 0) visible.push(M.updated(s.updated));
  if (s.deleted > 0) visible.push(M.deleted(s.deleted));
  if (s.restored > 0) visible.push(M.restored(s.restored));
  if (visible.length === 0) return hidden > 0 ? M.nothingNewWithDeleted(s.total) : M.nothingNew(s.total);
  if (s.skipped > 0) visible.push(M.skipped(s.skipped));
  if (hidden > 0) visible.push(M.hiddenTombstones(hidden));
  return visible.join('，');
}

/**
 * Changes that would delete or rewrite a live annotation written by someone other than the
 * file's sender (typically one's own): an import asks before applying these.
 */
export function changesToOthers(changes: readonly MergeChange[], sender: string): MergeChange[] {
  const from = sender.trim();
  return changes.filter((c) => c.before !== null && !c.before.deleted && c.before.author.trim() !== from);
}
