/**
 * The 书架全部 search index kept between starts, so a restart does not rebuild it: one row per
 * report (shared/search/engine.ts `ReportIndexSnapshot`: a few typed arrays, not one record per
 * paragraph) in a database of its own, `yandu-search-index`. Each row names the report id,
 * text fingerprint and index layout it was built for; the engine refuses a row that does not
 * match the report it is given, so a changed report is rebuilt (and its row replaced), and rows
 * of reports no longer on the shelf are deleted when the index is saved. Used inside the search
 * worker with the raw IndexedDB API (no Dexie there). Every failure is a cache miss: the index
 * is then built as if there were no cache.
 */
import type { ReportIndexSnapshot } from '../../shared/search/engine';

export interface IndexCache {
  /** The stored snapshots of these reports (those without one are left out). Never rejects. */
  getMany(reportIds: readonly string[]): Promise<ReportIndexSnapshot[]>;
  /** Stores `snapshots` and deletes every stored one whose report is not in `keep`. Never rejects. */
  save(snapshots: readonly ReportIndexSnapshot[], keep: readonly string[]): Promise<void>;
}

const DB = 'yandu-search-index';
/** Version 1 held one snapshot of the whole shelf ('snapshots'); version 2 one row per report. */
const VERSION = 2;
const STORE = 'reports';

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

export function createIndexCache(factory: IDBFactory = indexedDB): IndexCache {
  let db: Promise<IDBDatabase> | null = null;
  const open = () =>
    (db ??= new Promise<IDBDatabase>((resolve, reject) => {
      const r = factory.open(DB, VERSION);
      r.onupgradeneeded = () => {
        const d = r.result;
        // the old whole-shelf snapshot is only a cache: dropping it costs one rebuild
        if (d.objectStoreNames.contains('snapshots')) d.deleteObjectStore('snapshots');
        if (!d.objectStoreNames.contains(STORE)) d.createObjectStore(STORE, { keyPath: 'reportId' });
      };
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    }));
  return {
    async getMany(reportIds) {
      try {
        const store = (await open()).transaction(STORE).objectStore(STORE);
        const rows = await Promise.all(reportIds.map((id) => request(store.get(id) as IDBRequest<ReportIndexSnapshot | undefined>)));
        return rows.filter((r): r is ReportIndexSnapshot => !!r && typeof r === 'object');
      } catch {
        return [];
      }
    },
    async save(snapshots, keep) {
      try {
        const tx = (await open()).transaction(STORE, 'readwrite');
        const store = tx.objectStore(STORE);
        const wanted = new Set(keep);
        for (const key of await request(store.getAllKeys())) if (!wanted.has(String(key))) store.delete(key);
        for (const s of snapshots) store.put(s);
        await done(tx);
      } catch (e) {
        console.warn('搜索索引未能保存（下次启动时重建）', e);
      }
    },
  };
}
