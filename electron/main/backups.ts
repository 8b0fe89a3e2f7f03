/**
 * The backup folder in the user-data directory (`<userData>/backups`): writing a backup
 * atomically, rotating (7 daily + 4 weekly, shared/storage/backup-rotation.ts), listing and reading
 * one back. The content is whatever the renderer serialises (exchange files of every report); this
 * module only keeps files safe and the folder tidy. Not yet reachable over IPC: the annotation
 * store that produces and restores backups wires it (see README).
 */
import path from 'node:path';
import * as fsp from 'node:fs/promises';
import { MAX_EXCHANGE_BYTES } from '../../shared/exchange/format';
import type { Result } from '../../shared/ipc/contract';
import { backupsToKeep, type RotationPolicy } from '../../shared/storage/backup-rotation';
import { describeReadError, describeWriteError, readFileLimited, writeFileAtomic, type FsLike } from './file-io';

export const BACKUP_DIR_NAME = 'backups';

/** Why a backup was made; part of its file name. */
export type BackupReason = 'daily' | 'import' | 'manual';

export interface BackupInfo {
  name: string;
  /** ms since epoch, from the name (file times change when folders are copied). */
  createdAt: number;
  reason: BackupReason;
}

// ASCII names: some sync tools and old Windows shares mangle CJK file names.
const NAME = /^yandu-backup-(\d{8})-(\d{6})-(daily|import|manual)\.json$/;

/** `yandu-backup-20261203-060000-daily.json` (UTC, so the name sorts and parses the same everywhere). */
export function backupFileName(createdAt: number, reason: BackupReason): string {
  const iso = new Date(createdAt).toISOString();
  return `yandu-backup-${iso.slice(0, 10).replace(/-/g, '')}-${iso.slice(11, 19).replace(/:/g, '')}-${reason}.json`;
}

/** The backup a file name stands for, or null for any other file (which the folder code never touches). */
export function parseBackupFileName(name: string): BackupInfo | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const [d, t] = [m[1], m[2]];
  const createdAt = Date.UTC(+d.slice(0, 4), +d.slice(4, 6) - 1, +d.slice(6, 8), +t.slice(0, 2), +t.slice(2, 4), +t.slice(4, 6));
  if (Number.isNaN(createdAt) || backupFileName(createdAt, m[3] as BackupReason) !== name) return null;
  return { name, createdAt, reason: m[3] as BackupReason };
}

/** The fs functions this module uses beyond file-io's; tests pass failing ones. */
export interface BackupFs extends FsLike {
  mkdir(dir: string, options: { recursive: true }): Promise<unknown>;
  readdir(dir: string): Promise<string[]>;
  unlink(file: string): Promise<void>;
}

const realFs = fsp as unknown as BackupFs;

/** Backups in `dir`, newest first; other files are ignored. An absent folder has none. */
export async function listBackups(dir: string, fs: BackupFs = realFs): Promise<Result<BackupInfo[]>> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return { ok: true, value: [] };
    return { ok: false, error: describeReadError(error) };
  }
  const list = names.map(parseBackupFileName).filter((b): b is BackupInfo => b !== null);
  list.sort((a, b) => b.createdAt - a.createdAt || (a.name < b.name ? 1 : -1));
  return { ok: true, value: list };
}

/**
 * Writes `content` as a new backup (atomically: a full disk never leaves a half file), then deletes
 * the backups rotation no longer keeps. The new backup is always kept. Returns its name and the
 * names removed; `{ok:false}` with a Chinese message when it could not be written (nothing is
 * deleted then). A failure to delete an old one is not an error: it is retried next time.
 */
export async function writeBackup(
  dir: string,
  content: string,
  options: { now: number; reason: BackupReason; policy?: RotationPolicy },
  fs: BackupFs = realFs,
): Promise<Result<{ name: string; removed: string[] }>> {
  const name = backupFileName(options.now, options.reason);
  try {
    await fs.mkdir(dir, { recursive: true });
    await writeFileAtomic(path.join(dir, name), content, fs);
  } catch (error) {
    return { ok: false, error: describeWriteError(error) };
  }
  const listed = await listBackups(dir, fs);
  const removed: string[] = [];
  if (listed.ok) {
    const keep = new Set(backupsToKeep(listed.value, options.now, options.policy));
    keep.add(name);
    for (const b of listed.value) {
      if (keep.has(b.name)) continue;
      try {
        await fs.unlink(path.join(dir, b.name));
        removed.push(b.name);
      } catch {
        // Left for the next rotation.
      }
    }
  }
  return { ok: true, value: { name, removed } };
}

/** The bytes of backup `name` in `dir`; refuses any name that is not a backup's (no paths, no other files). */
export async function readBackup(dir: string, name: string, fs: BackupFs = realFs): Promise<Result<Uint8Array>> {
  if (!parseBackupFileName(name)) return { ok: false, error: `“${name.slice(0, 80)}”不是研读的备份文件。` };
  return readFileLimited(path.join(dir, name), MAX_EXCHANGE_BYTES, fs);
}
