/**
 * The backups folder in the user-data folder (`<userData>/backups`). Only names matching
 * BACKUP_NAME_PATTERN are ever listed, read, written or removed, so the renderer cannot reach
 * any other file through these channels.
 */
import { mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { BACKUP_NAME_PATTERN } from '../../shared/backup/names';
import { MAX_EXCHANGE_BYTES } from '../../shared/exchange/format';
import type { Result } from '../../shared/result';
import { describeReadError, describeWriteError, readFileLimited, saveFileAtomic } from './file-io';

export interface BackupDir {
  list(): Promise<Result<string[]>>;
  write(name: string, content: string): Promise<Result<void>>;
  read(name: string): Promise<Result<string>>;
  remove(name: string): Promise<Result<void>>;
}

const badName = (name: string): Result<never> => ({ ok: false, error: `备份文件名无效：${name.slice(0, 80)}` });

export function createBackupDir(dir: string): BackupDir {
  const file = (name: string) => path.join(dir, name);
  return {
    async list() {
      try {
        const names = await readdir(dir);
        return { ok: true, value: names.filter((n) => BACKUP_NAME_PATTERN.test(n)).sort() };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ok: true, value: [] };
        return { ok: false, error: describeReadError(error) };
      }
    },
    async write(name, content) {
      if (!BACKUP_NAME_PATTERN.test(name)) return badName(name);
      try {
        await mkdir(dir, { recursive: true });
      } catch (error) {
        return { ok: false, error: describeWriteError(error) };
      }
      const saved = await saveFileAtomic(file(name), content);
      return saved.ok ? { ok: true, value: undefined } : saved;
    },
    async read(name) {
      if (!BACKUP_NAME_PATTERN.test(name)) return badName(name);
      const bytes = await readFileLimited(file(name), MAX_EXCHANGE_BYTES);
      if (!bytes.ok) return bytes;
      try {
        return { ok: true, value: new TextDecoder('utf-8', { fatal: true }).decode(bytes.value) };
      } catch {
        return { ok: false, error: '备份文件已损坏（不是 UTF-8 文本）。' };
      }
    },
    async remove(name) {
      if (!BACKUP_NAME_PATTERN.test(name)) return badName(name);
      try {
        await rm(file(name), { force: true });
        return { ok: true, value: undefined };
      } catch (error) {
        return { ok: false, error: describeWriteError(error) };
      }
    },
  };
}
