/**
 * What restoring a backup changes: for every report in the backup, the store is made to hold
 * exactly the backup's records — records missing from the store come back, records that differ
 * get the backup's version, records that the store has and the backup lacks are removed (they
 * were made after the backup; the backup taken just before the restore keeps them).
 */
import type { Annotation } from '../annotations/model';
import type { AnnotationChange } from '../annotations/undo-stack';
import { canonicalJson } from '../exchange/canonical';
import type { Backup } from './format';
import { planDraftRestore, type DraftRecord } from './drafts';

export interface RestorePlan {
  /** One change per record that differs; `before` the stored row (null: missing), `after` the backup's (null: removed). */
  changes: AnnotationChange[];
  /** 起草 drafts to write (shared/backup/drafts.ts: never over a draft stored now). */
  drafts: DraftRecord[];
  /** Counts of live annotations, for the question before restoring. */
  summary: { restored: number; changed: number; removed: number; reports: number };
}

/**
 * `stored`: every row of the store (any report; damaged rows included as read, so a restore
 * repairs them too). Reports the backup does not mention are left alone.
 */
export function planRestore(backup: Backup, stored: readonly unknown[], storedDrafts: readonly DraftRecord[] = []): RestorePlan {
  const reports = new Set(backup.files.map((f) => f.report.id));
  const current = new Map<string, Annotation>();
  for (const row of stored) {
    const r = row as Annotation | null;
    if (r && typeof r.id === 'string' && reports.has(r.reportId)) current.set(r.id, r);
  }
  const changes: AnnotationChange[] = [];
  const summary = { restored: 0, changed: 0, removed: 0, reports: reports.size };
  const wanted = new Map(backup.files.flatMap((f) => f.annotations.map((a) => [a.id, a] as const)));
  for (const [id, after] of wanted) {
    const before = current.get(id) ?? null;
    if (before && sameRow(before, after)) continue;
    changes.push({ before, after });
    if (!after.deleted && (!before || before.deleted)) summary.restored++;
    else if (!after.deleted || !before?.deleted) summary.changed++;
  }
  for (const [id, before] of current) {
    if (wanted.has(id)) continue;
    changes.push({ before, after: null });
    if (!before.deleted) summary.removed++;
  }
  return { changes, drafts: planDraftRestore(backup.drafts, storedDrafts, backup.createdAt), summary };
}

function sameRow(a: Annotation, b: Annotation): boolean {
  try {
    return canonicalJson(a) === canonicalJson(b);
  } catch {
    return false; // a damaged row never equals a good one
  }
}

/** 「将恢复 3 条、改回 2 条、移除 1 条批注（1 份报告）」, or that nothing would change. */
export function restoreSummaryText(plan: RestorePlan): string {
  const { restored, changed, removed, reports } = plan.summary;
  const drafts = plan.drafts.length > 0 ? `找回 ${plan.drafts.length} 份草稿（现有草稿不会被覆盖，内容不同的另存一份，标题注明“备份”）` : '';
  if (plan.changes.length === 0) return drafts ? `批注与这份备份相同；将${drafts}。` : '当前批注和草稿与这份备份完全相同，无需恢复。';
  const parts = [restored && `恢复 ${restored} 条`, changed && `改回 ${changed} 条`, removed && `移除 ${removed} 条（备份之后新增的）`].filter(Boolean);
  return `将${parts.join('、') || '修复'}批注（${reports} 份报告）${drafts && `，并${drafts}`}。恢复前会先自动备份当前批注，恢复后可按 Ctrl+Z 撤销批注的恢复。`;
}

/** Whether restoring would change anything. */
export const restoreChangesAnything = (plan: RestorePlan) => plan.changes.length > 0 || plan.drafts.length > 0;
