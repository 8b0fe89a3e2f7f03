import 'fake-indexeddb/auto';
import { afterEach } from 'vitest';
import { YanduDB } from '../../../renderer/db';

let seq = 0;
const opened: YanduDB[] = [];

/** Opens (and registers for cleanup) a YanduDB; a fresh unique name unless given. */
export function openDb(name = `db-${++seq}-${Date.now()}`): YanduDB {
  const db = new YanduDB({ name });
  opened.push(db);
  return db;
}

export function uniqueName(prefix: string): string {
  return `${prefix}-${++seq}-${Date.now()}`;
}

afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});
