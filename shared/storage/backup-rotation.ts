/**
 * Which automatic backups to keep: the newest of each of the last 7 days that have one, plus the
 * newest of each of the 4 weeks before those (issue 11: "keep 7 daily + 4 weekly"). A day is a
 * Beijing calendar day and a week starts on Monday, so the choice does not depend on the machine's
 * time zone and two members' folders rotate alike. Pure: the host lists its backup files, asks which
 * to keep, and deletes the rest.
 */

export interface BackupEntry {
  /** File name or any key the host uses. */
  name: string;
  /** ms since epoch when it was written. */
  createdAt: number;
}

export interface RotationPolicy {
  daily: number;
  weekly: number;
  /** Minutes east of UTC that define a calendar day; default 480 (Beijing). */
  utcOffsetMinutes?: number;
}

export const DEFAULT_ROTATION: RotationPolicy = { daily: 7, weekly: 4 };

const DAY = 86_400_000;

/** Day number (days since 1970-01-01) of `ms` at the offset. */
const dayOf = (ms: number, offset: number) => Math.floor((ms + offset * 60_000) / DAY);
/** Monday-based week number: 1970-01-01 was a Thursday, so shift by 3 days. */
const weekOf = (day: number) => Math.floor((day + 3) / 7);

/**
 * Names of the backups to keep, newest first. Backups made before an import (or by hand) are
 * ordinary entries: the newest per day wins like any other. Backups dated in the future (a clock
 * that was wrong) are kept too, so a bad clock can never delete every good backup.
 */
export function backupsToKeep(entries: readonly BackupEntry[], now: number, policy: RotationPolicy = DEFAULT_ROTATION): string[] {
  const offset = policy.utcOffsetMinutes ?? 480;
  const today = dayOf(now, offset);
  const sorted = [...entries].sort((a, b) => b.createdAt - a.createdAt || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const keep = new Set<string>();
  const days = new Set<number>();
  // A week with a kept backup needs no weekly one.
  const weeks = new Set<number>();
  let weekly = 0;
  for (const e of sorted) {
    const day = dayOf(e.createdAt, offset);
    if (day > today) {
      keep.add(e.name);
      continue;
    }
    if (days.has(day)) continue;
    if (days.size < policy.daily) {
      days.add(day);
      weeks.add(weekOf(day));
      keep.add(e.name);
      continue;
    }
    const week = weekOf(day);
    if (weeks.has(week) || weekly >= policy.weekly) continue;
    weeks.add(week);
    weekly++;
    keep.add(e.name);
  }
  return sorted.filter((e) => keep.has(e.name)).map((e) => e.name);
}
