/**
 * The 书架全部 search index kept between starts, so a restart does not rebuild it: one snapshot
 * (shared/search/engine.ts `EngineSnapshot`) in a database of its own, `yandu-search-index`, keyed
 * by which reports (id and text fingerprint) it covers. Used inside the search worker with the raw
 * IndexedDB API (no Dexie there); only the latest shelf's index is kept, so it never piles up.
 * Every failure is a cache miss: the index is then built as if there were no cache.
 */
import type { EngineSnapshot } from '../../shared/search/engine';

export interface IndexCache {
  /** The snapshot stored for `signature`, or null. Never rejects. */
  get(signature: string): Promise<EngineSnapshot | null>;
  /** Stores the snapshot for `signature`, replacing the previous one. Never rejects. */
  put(signature: string, snapshot: EngineSnapshot): Promise<void>;
}

const DB = 'yandu-search-index';
const STORE = 'snapshots';
const KEY = 'shelf';

interface Row {
  key: string;
  signature: string;
  snapshot: EngineSnapshot;
}

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

export function createIndexCache(factory: IDBFactory = indexedDB): IndexCache {
  let db: Promise<IDBDatabase> | null = null;
  const open = () =>
    (db ??= new Promise<IDBDatabase>((resolve, reject) => {
      const r = factory.open(DB, 1);
      r.onupgradeneeded = () => r.result.createObjectStore(STORE, { keyPath: 'key' });
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    }));
  return {
    async get(signature) {
      try {
        const row = (await request((await open()).transaction(STORE).objectStore(STORE).get(KEY))) as Row | undefined;
        return row && row.signature === signature ? row.snapshot : null;
      } catch {
        return null;
      }
    },
    async put(signature, snapshot) {
      try {
        const tx = (await open()).transaction(STORE, 'readwrite');
        tx.objectStore(STORE).put({ key: KEY, signature, snapshot } satisfies Row);
        await new Promise<void>((resolve, reject) => {
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
          tx.onabort = () => reject(tx.error);
        });
      } catch (e) {
        console.warn('搜索索引未能保存（下次启动时重建）', e);
      }
    },
  };
}

/** Which reports an index covers: ids and text fingerprints, in order. */
export function indexSignature(reports: readonly { id: string; fingerprint: string }[]): string {
  return reports.map((r) => `${r.id}:${r.fingerprint}`).join('|');
}
