/** The 起草 drafts, as the backups read and restore them. */
export interface BackupDrafts {
  listAll(): Promise<DraftRecord[]>;
  putAll(rows: readonly DraftRecord[]): Promise<void>;
}

/**
 * Backups of every annotation of every report, and the drafts of 起草: made every day at the first start, before each
 * import and each restore, rotated (shared/backup/rotation.ts), kept by the host (Electron: the
 * user-data folder; browser: a database of their own). Restoring goes through the annotation
 * store as one undoable step.
 */
import { readStoredRows, type Annotation } from '../../shared/annotations';
import {
  backupName,
  backupsToDelete,
  parseBackup,
  parseBackupName,
  planRestore,
  serializeBackup,
  type Backup,
  type BackupKind,
  type BackupName,
  type DraftRecord,
  type RestorePlan,
} from '../../shared/backup';
import type { ReaderHost } from '../../shared/ipc/contract';
import type { Result } from '../../shared/result';
import type { AnnotationStore } from '../annotations/annotation-store';
import type { AnnotationRepository } from '../db';

type BackupHost = Pick<ReaderHost, 'listBackups' | 'writeBackup' | 'readBackup' | 'removeBackup'>;

export interface BackupService {
  /** A backup of everything now; its name. Old backups are rotated out afterwards. */
  backUp(kind: BackupKind): Promise<Result<string>>;
  /** The daily backup, unless one was already made today. */
  backUpDailyIfDue(): Promise<void>;
  /** Backups kept, newest first. */
  list(): Promise<Result<BackupName[]>>;
  /** The current store as a backup document (for 导出备份文件). */
  snapshot(kind: BackupKind): Promise<string>;
  read(name: string): Promise<Result<Backup>>;
  plan(backup: Backup): Promise<RestorePlan>;
  /** Backs up the current state, then applies the plan as one undoable step (恢复备份). */
  restore(plan: RestorePlan): Promise<Result<number>>;
}

export function createBackupService(opts: {
  host: BackupHost;
  repository: Pick<AnnotationRepository, 'listAllRows'>;
  store: Pick<AnnotationStore, 'importChanges' | 'flushNote'>;
  /** Titles of reports known by id (the open report's at least). */
  titleOf(reportId: string): string;
  drafts?: BackupDrafts;
  now?: () => Date;
}): BackupService {
  const now = opts.now ?? (() => new Date());

  const snapshot = async (kind: BackupKind): Promise<string> => {
    await opts.store.flushNote();
    // Only valid rows go into a backup; damaged ones stay where they are, listed in the app.
    const rows = [...readStoredRows(await opts.repository.listAllRows()).records.values()];
    const byReport = new Map<string, Annotation[]>();
    for (const r of rows) byReport.set(r.reportId, [...(byReport.get(r.reportId) ?? []), r]);
    return serializeBackup({
      createdAt: now().getTime(),
      kind,
      drafts: opts.drafts ? await opts.drafts.listAll() : [],
      reports: [...byReport].map(([id, annotations]) => ({
        report: { id, title: opts.titleOf(id), fingerprint: annotations[0]?.anchor.fingerprint ?? '' },
        annotations,
      })),
    });
  };

  const list = async (): Promise<Result<BackupName[]>> => {
    const names = await opts.host.listBackups();
    if (!names.ok) return names;
    const parsed = names.value.map(parseBackupName).filter((b): b is BackupName => b !== null);
    return { ok: true, value: parsed.sort((a, b) => b.createdAt - a.createdAt) };
  };

  const rotate = async () => {
    const all = await list();
    if (!all.ok) return;
    for (const name of backupsToDelete(all.value)) await opts.host.removeBackup(name);
  };

  const backUp = async (kind: BackupKind): Promise<Result<string>> => {
    const name = backupName(now(), kind);
    const written = await opts.host.writeBackup(name, await snapshot(kind));
    if (!written.ok) return { ok: false, error: `备份失败：${written.error}` };
    await rotate();
    return { ok: true, value: name };
  };

  return {
    backUp,
    snapshot,
    list,
    async backUpDailyIfDue() {
      const all = await list();
      if (!all.ok) return;
      const today = now();
      const done = all.value.some((b) => new Date(b.createdAt).toDateString() === today.toDateString());
      if (!done) await backUp('daily');
    },
    async read(name) {
      const text = await opts.host.readBackup(name);
      if (!text.ok) return text;
      return parseBackup(text.value);
    },
    async plan(backup) {
      await opts.store.flushNote();
      return planRestore(backup, await opts.repository.listAllRows(), opts.drafts ? await opts.drafts.listAll() : []);
    },
    async restore(plan) {
      const safety = await backUp('restore');
      if (!safety.ok) return { ok: false, error: `${safety.error}（为保险起见，未恢复）` };
      const changes = plan.changes.length > 0 ? await opts.store.importChanges(plan.changes, '恢复备份') : [];
      if (plan.drafts.length > 0 && opts.drafts) await opts.drafts.putAll(plan.drafts);
      return { ok: true, value: changes.length + plan.drafts.length };
    },
  };
}
