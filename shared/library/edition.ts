/**
 * 作为新版本打开: moves a report's annotations onto another edition of it by re-anchoring
 * (shared/anchoring). A note is never attached to text the anchoring engine is not sure of: what
 * cannot be placed keeps its old anchor and shows as a 孤立批注 (quote and note) in the new edition.
 */
import { reanchor, resolveAnchor } from '../anchoring';
import type { Annotation } from '../annotations/model';
import type { Report } from '../report/model';

export type MoveOutcome = 'exact' | 'approximate' | 'orphaned';

export interface EditionMove {
  /** The annotation as it is to be stored: on the new report, with its new anchor (orphans keep the old one). */
  annotation: Annotation;
  /** Tombstones travel along unchanged and count as none of these: null. */
  outcome: MoveOutcome | null;
}

export interface EditionCounts {
  exact: number;
  approximate: number;
  orphaned: number;
}

/**
 * Every annotation of the old edition (tombstones too, so deletes still travel to the group),
 * re-keyed to `next`. `exact` = the quote is there word for word (perhaps elsewhere), `approximate`
 * = a close match (the quote was edited), `orphaned` = not placed. Moved ones get `updatedAt = now`
 * so the new anchor wins in a later merge.
 */
export function moveToEdition(annotations: readonly Annotation[], next: Report, now: number): { moves: EditionMove[]; counts: EditionCounts } {
  const counts: EditionCounts = { exact: 0, approximate: 0, orphaned: 0 };
  const moves = annotations.map((a): EditionMove => {
    if (a.deleted) return { annotation: { ...a, reportId: next.id }, outcome: null };
    const resolved = resolveAnchor(next, a.anchor);
    const anchor = reanchor(next, resolved);
    if (!anchor || resolved.status === 'orphan') {
      counts.orphaned++;
      return { annotation: { ...a, reportId: next.id }, outcome: 'orphaned' };
    }
    const outcome: MoveOutcome = resolved.status === 'fuzzy' ? 'approximate' : 'exact';
    counts[outcome]++;
    return { annotation: { ...a, reportId: next.id, anchor, updatedAt: Math.max(now, a.updatedAt) }, outcome };
  });
  return { moves, counts };
}
