/**
 * Deciding what an import may do, and how to take it back, before the store writes anything.
 *
 * Two things went wrong when imports were applied blindly (issue 11):
 * - a member's file with a newer tombstone, or a record with the same id, deleted or rewrote an
 *   annotation someone else wrote, without a question. `changesNeedingConsent` lists those changes
 *   so the UI can ask (全部接受 / 仅新增 / 取消), and `onlyAdditions` is the 仅新增 answer;
 * - undoing an import wrote tombstones newer than the file, so the next exchange deleted the
 *   sender's own highlights on the sender's machine. `importUndoPlan` undoes an import locally:
 *   added records are removed outright (no tombstone, nothing travels), replaced records go back to
 *   exactly their old version (old updatedAt, so the file's version still wins if imported again).
 */
import type { Annotation } from '../annotations/model';
import type { MergeChange, MergeResult, MergeSummary } from './merge';

/** What a change does to a record that was already here. */
export type ExistingChangeKind = 'update' | 'delete' | 'restore' | 'tombstone';

export function changeKind(change: MergeChange): 'add' | 'add-tombstone' | ExistingChangeKind {
  const { before, after } = change;
  if (before === null) return after.deleted ? 'add-tombstone' : 'add';
  if (before.deleted && after.deleted) return 'tombstone';
  if (after.deleted) return 'delete';
  if (before.deleted) return 'restore';
  return 'update';
}

/**
 * Changes an import would make to annotations that someone other than the file's sender wrote:
 * deleting, rewriting or restoring them. Only live-visible effects count (a newer tombstone over a
 * local tombstone changes nothing anyone sees). With an unsigned file (`exportedBy` empty) every
 * change to an existing annotation counts, as nobody vouches for it.
 */
export function changesNeedingConsent(result: MergeResult, exportedBy: string): MergeChange[] {
  return result.changes.filter((c) => {
    const kind = changeKind(c);
    if (kind === 'add' || kind === 'add-tombstone' || kind === 'tombstone') return false;
    return exportedBy === '' || c.before!.author !== exportedBy;
  });
}

/** The 仅新增 answer: only records this store did not have (new annotations, and deletes of ones it never had). */
export function onlyAdditions(result: MergeResult): MergeResult {
  const changes = result.changes.filter((c) => c.before === null);
  const summary: MergeSummary = {
    ...result.summary,
    updated: 0,
    deleted: 0,
    restored: 0,
    tombstonesUpdated: 0,
    skipped: result.summary.skipped + result.summary.updated + result.summary.deleted + result.summary.restored + result.summary.tombstonesUpdated,
  };
  return { changes, summary };
}

const shortQuote = (a: Annotation) => {
  const line = a.anchor.quote.replace(/\s+/gu, ' ').trim();
  const cps = Array.from(line);
  return cps.length > 20 ? `${cps.slice(0, 20).join('')}…` : line;
};

/** One line of the question, e.g. 「删除 张三 的批注“大力发展绿电制氢”」. */
export function describeConsentChange(change: MergeChange): string {
  const before = change.before;
  if (before === null) throw new Error('describeConsentChange: only changes to existing annotations are asked about');
  const who = before.author === '' ? '未署名' : before.author;
  const verb = { update: '修改', delete: '删除', restore: '恢复', tombstone: '删除' }[changeKind(change) as ExistingChangeKind];
  return `${verb} ${who} 的批注“${shortQuote(before)}”`;
}

/** How to take an applied import back without anything travelling to other members. */
export interface ImportUndoPlan {
  /** Ids the import added: delete these rows outright (no tombstone). */
  remove: string[];
  /** Records the import replaced, exactly as they were (their old updatedAt included): put these back. */
  restore: Annotation[];
}

/**
 * The local undo of an applied import (`changes` as written). Redo is applying the same changes
 * again. Neither writes a record newer than what the file carried, so exports made after an undo
 * never delete or override the sender's annotations.
 */
export function importUndoPlan(changes: readonly MergeChange[]): ImportUndoPlan {
  const remove: string[] = [];
  const restore: Annotation[] = [];
  for (const c of changes) {
    if (c.before === null) remove.push(c.after.id);
    else restore.push(c.before);
  }
  return { remove, restore };
}
