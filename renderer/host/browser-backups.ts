/**
 * Backups for the browser host: a page cannot write into a folder, so automatic backups go to a
 * database of their own (`yandu-backups`, apart from the annotations' database so that a damaged
 * or cleared annotation store does not take its backups with it). 设置 → 备份与恢复 also saves
 * one as a file to keep outside the browser.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { ReaderHost } from '../../shared/ipc/contract';
import { BACKUP_NAME_PATTERN } from '../../shared/backup/names';

interface BackupRow {
  name: string;
  content: string;
}

class BackupDB extends Dexie {
  backups!: EntityTable<BackupRow, 'name'>;
  constructor() {
    super('yandu-backups', { chromeTransactionDurability: 'strict' });
    this.version(1).stores({ backups: 'name' });
  }
}

type BackupMethods = Pick<ReaderHost, 'listBackups' | 'writeBackup' | 'readBackup' | 'removeBackup'>;

const failed = (e: unknown) => ({ ok: false as const, error: `备份失败：${e instanceof Error ? e.message : String(e)}` });

export function createBrowserBackups(): BackupMethods {
  let db: BackupDB | null = null;
  const open = () => (db ??= new BackupDB());
  const checked = (name: string) => {
    if (!BACKUP_NAME_PATTERN.test(name)) throw new Error(`备份文件名无效：${name.slice(0, 80)}`);
  };
  return {
    async listBackups() {
      try {
        return { ok: true, value: ((await open().backups.toCollection().primaryKeys()) as string[]).sort() };
      } catch (e) {
        return failed(e);
      }
    },
    async writeBackup(name, content) {
      try {
        checked(name);
        await open().backups.put({ name, content });
        return { ok: true, value: undefined };
      } catch (e) {
        return failed(e);
      }
    },
    async readBackup(name) {
      try {
        checked(name);
        const row = await open().backups.get(name);
        return row ? { ok: true, value: row.content } : { ok: false, error: '找不到这份备份。' };
      } catch (e) {
        return failed(e);
      }
    },
    async removeBackup(name) {
      try {
        checked(name);
        await open().backups.delete(name);
        return { ok: true, value: undefined };
      } catch (e) {
        return failed(e);
      }
    },
  };
}
