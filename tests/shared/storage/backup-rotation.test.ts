import { describe, expect, it } from 'vitest';
import { backupsToKeep, type BackupEntry } from '../../../shared/storage';

const DAY = 86_400_000;
// Thursday 2026-12-03 14:00 in Beijing.
const NOW = Date.UTC(2026, 11, 3, 6, 0);
/** A backup made `daysAgo` days before NOW, at Beijing hour `hour`. */
const at = (daysAgo: number, hour = 9): BackupEntry => {
  const ms = Date.UTC(2026, 11, 3 - daysAgo, hour - 8, 0);
  return { name: `研读备份-${new Date(ms + 8 * 3600_000).toISOString().slice(0, 13)}`, createdAt: ms };
};

describe('backupsToKeep (7 daily + 4 weekly)', () => {
  it('keeps one a day for 60 days as the last 7 days and the 4 weeks before them', () => {
    const all = Array.from({ length: 60 }, (_, i) => at(i));
    const keep = backupsToKeep(all, NOW);
    expect(keep).toHaveLength(11);
    // Days 0–6 (Thu back to Fri), then the newest of each earlier Monday-based week.
    expect(keep.slice(0, 7)).toEqual(all.slice(0, 7).map((e) => e.name));
    // Day 6 is Friday 11-27; its week (Mon 11-23 …) already has a kept backup, so weekly ones
    // are the Sundays of the four weeks before: 11-22, 11-15, 11-08, 11-01.
    expect(keep.slice(7)).toEqual([at(11), at(18), at(25), at(32)].map((e) => e.name));
  });

  it('keeps the newest backup of a day (one before an import, one in the evening)', () => {
    const morning = at(0, 8);
    const beforeImport = at(0, 11);
    const evening = at(0, 20);
    expect(backupsToKeep([morning, beforeImport, evening], Date.UTC(2026, 11, 3, 13, 0))).toEqual([evening.name]);
  });

  it('counts days in Beijing time: 23:30 and 00:30 are two days', () => {
    const late = { name: 'late', createdAt: Date.UTC(2026, 11, 1, 15, 30) }; // 12-01 23:30 Beijing
    const early = { name: 'early', createdAt: Date.UTC(2026, 11, 1, 16, 30) }; // 12-02 00:30 Beijing
    expect(backupsToKeep([late, early], NOW)).toEqual(['early', 'late']);
    // In UTC both are 12-01: the earlier would be dropped.
    expect(backupsToKeep([late, early], NOW, { daily: 7, weekly: 4, utcOffsetMinutes: 0 })).toEqual(['early']);
  });

  it('keeps everything when there are fewer than 7 days of backups, and nothing when there are none', () => {
    const few = [at(0), at(3), at(40)];
    expect(backupsToKeep(few, NOW)).toEqual(few.map((e) => e.name));
    expect(backupsToKeep([], NOW)).toEqual([]);
  });

  it('never lets a clock that ran ahead delete the good backups', () => {
    const future = { name: 'future', createdAt: NOW + 30 * DAY };
    const all = [future, ...Array.from({ length: 20 }, (_, i) => at(i))];
    const keep = backupsToKeep(all, NOW);
    expect(keep[0]).toBe('future');
    expect(keep).toContain(at(0).name);
    expect(keep).toHaveLength(1 + 7 + 2);
  });
});
