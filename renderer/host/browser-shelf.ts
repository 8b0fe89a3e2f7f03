/**
 * The 书架's reports for the browser host: a page cannot write files, so each segmented report is
 * kept in a database of its own (`yandu-shelf`), the counterpart of Electron's `<userData>/shelf`.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { ReaderHost } from '../../shared/ipc/contract';
import { SHELF_ID_PATTERN } from '../../shared/library/entry';

interface ShelfFileRow {
  id: string;
  text: string;
}

class ShelfFilesDB extends Dexie {
  files!: EntityTable<ShelfFileRow, 'id'>;
  constructor() {
    super('yandu-shelf', { chromeTransactionDurability: 'strict' });
    this.version(1).stores({ files: 'id' });
  }
}

type ShelfMethods = Pick<ReaderHost, 'writeShelfReport' | 'readShelfReport' | 'removeShelfReport'>;

const failed = (e: unknown) => ({ ok: false as const, error: `书架存取失败：${e instanceof Error ? e.message : String(e)}` });

export function createBrowserShelf(): ShelfMethods {
  let db: ShelfFilesDB | null = null;
  const open = () => (db ??= new ShelfFilesDB());
  const checked = (id: string) => {
    if (!SHELF_ID_PATTERN.test(id)) throw new Error(`报告编号无效：${id.slice(0, 80)}`);
  };
  return {
    async writeShelfReport(id, text) {
      try {
        checked(id);
        await open().files.put({ id, text });
        return { ok: true, value: undefined };
      } catch (e) {
        return failed(e);
      }
    },
    async readShelfReport(id) {
      try {
        checked(id);
        const row = await open().files.get(id);
        return row ? { ok: true, value: row.text } : { ok: false, error: '书架中找不到这份报告的正文，请从原文件重新打开。' };
      } catch (e) {
        return failed(e);
      }
    },
    async removeShelfReport(id) {
      try {
        checked(id);
        await open().files.delete(id);
        return { ok: true, value: undefined };
      } catch (e) {
        return failed(e);
      }
    },
  };
}
