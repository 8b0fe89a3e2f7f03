/**
 * Which backups to keep: the newest of each of the last 7 days that have one, the newest of each
 * of the 4 weeks before those, and the 3 newest taken before an import or a restore (a bad import
 * is often noticed only after the next daily backup already holds it).
 */
import type { BackupName } from './names';

export const KEEP_DAILY = 7;
export const KEEP_WEEKLY = 4;
export const KEEP_BEFORE_CHANGE = 3;

const startOfDay = (t: number) => {
  const d = new Date(t);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
};
/** Monday of the local week. */
const startOfWeek = (t: number) => {
  const d = new Date(t);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() - ((d.getDay() + 6) % 7)).getTime();
};

/** Newest backup per key, newest key first (input newest first). */
function newestPer(list: readonly BackupName[], key: (t: number) => number): BackupName[] {
  const seen = new Map<number, BackupName>();
  for (const b of list) if (!seen.has(key(b.createdAt))) seen.set(key(b.createdAt), b);
  return [...seen.values()];
}

/** The names of the backups to delete (the newest backup is always kept). */
export function backupsToDelete(backups: readonly BackupName[]): string[] {
  const newestFirst = [...backups].sort((a, b) => b.createdAt - a.createdAt || (a.name < b.name ? 1 : -1));
  const keep = new Set<string>();
  const daily = newestPer(newestFirst, startOfDay).slice(0, KEEP_DAILY);
  daily.forEach((b) => keep.add(b.name));
  const dailyFrom = daily.length > 0 ? startOfDay(daily[daily.length - 1].createdAt) : Infinity;
  newestPer(newestFirst.filter((b) => b.createdAt < dailyFrom), startOfWeek)
    .slice(0, KEEP_WEEKLY)
    .forEach((b) => keep.add(b.name));
  newestFirst
    .filter((b) => b.kind === 'import' || b.kind === 'restore')
    .slice(0, KEEP_BEFORE_CHANGE)
    .forEach((b) => keep.add(b.name));
  return newestFirst.filter((b) => !keep.has(b.name)).map((b) => b.name);
}
