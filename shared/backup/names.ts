/**
 * Backup file names: `yandu-backup-20261203-153000-daily.json`. The name carries the time and
 * the reason, so listing and rotating never need to open a file; hosts accept no other names
 * (a renderer cannot make main read or write anything else).
 */

export type BackupKind = 'daily' | 'import' | 'manual' | 'restore';

export const BACKUP_NAME_PATTERN = /^yandu-backup-(\d{8})-(\d{6})-(daily|import|manual|restore)\.json$/;

export interface BackupName {
  name: string;
  /** Local time of the backup, ms since epoch. */
  createdAt: number;
  kind: BackupKind;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** The file name of a backup made at `at` (local time) for `kind`. */
export function backupName(at: Date, kind: BackupKind): string {
  const day = `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}`;
  const time = `${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`;
  return `yandu-backup-${day}-${time}-${kind}.json`;
}

/** The time and kind a backup name encodes; null for any other name. */
export function parseBackupName(name: string): BackupName | null {
  const m = BACKUP_NAME_PATTERN.exec(name);
  if (!m) return null;
  const [, d, t, kind] = m;
  const at = new Date(+d.slice(0, 4), +d.slice(4, 6) - 1, +d.slice(6, 8), +t.slice(0, 2), +t.slice(2, 4), +t.slice(4, 6));
  if (Number.isNaN(at.getTime())) return null;
  return { name, createdAt: at.getTime(), kind: kind as BackupKind };
}

/** 「2026年12月3日 15:30 每日自动备份」 for the list in 设置. */
export function describeBackup(b: BackupName): string {
  const at = new Date(b.createdAt);
  const when = `${at.getFullYear()}年${at.getMonth() + 1}月${at.getDate()}日 ${pad(at.getHours())}:${pad(at.getMinutes())}`;
  const why = { daily: '每日自动备份', import: '导入前自动备份', manual: '手动备份', restore: '恢复前自动备份' }[b.kind];
  return `${when} ${why}`;
}
