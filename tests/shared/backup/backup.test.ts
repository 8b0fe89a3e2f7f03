import { describe, expect, it } from 'vitest';
import {
  backupName,
  backupsToDelete,
  parseBackup,
  parseBackupName,
  planRestore,
  restoreSummaryText,
  serializeBackup,
  type BackupName,
} from '../../../shared/backup';
import { annotationOn, report } from '../annotations/fixtures';
import type { DraftRecord } from '../../../shared/backup';
import { seedDraftJson } from '../../../shared/drafts';

const at = (y: number, m: number, d: number, h = 9) => new Date(y, m - 1, d, h, 0, 0);
const named = (date: Date, kind: BackupName['kind']) => parseBackupName(backupName(date, kind))!;

describe('backup names', () => {
  it('round-trips time and kind, and refuses any other name', () => {
    const n = backupName(new Date(2026, 11, 3, 15, 30, 5), 'import');
    expect(n).toBe('yandu-backup-20261203-153005-import.json');
    expect(parseBackupName(n)).toMatchObject({ kind: 'import', createdAt: new Date(2026, 11, 3, 15, 30, 5).getTime() });
    for (const bad of ['../etc/passwd', 'yandu-backup-20261203-153005-import.json.exe', 'yandu-backup-2026120-153005-daily.json', 'x.json']) {
      expect(parseBackupName(bad)).toBeNull();
    }
  });
});

describe('rotation: 7 daily + 4 weekly + 3 before a change', () => {
  it('keeps the newest of each of the last 7 days and of the 4 weeks before', () => {
    // Sixty days of one daily backup each (2026-10-01 … 2026-11-29), plus a second one on the last day.
    const list: BackupName[] = [];
    for (let i = 0; i < 60; i++) list.push(named(at(2026, 10, 1 + i), 'daily'));
    list.push(named(at(2026, 11, 29, 18), 'manual'));
    const deleted = new Set(backupsToDelete(list));
    const kept = list.filter((b) => !deleted.has(b.name)).map((b) => new Date(b.createdAt)).sort((x, y) => y.getTime() - x.getTime());
    const days = kept.map((d) => `${d.getMonth() + 1}-${d.getDate()}`);
    // Last 7 days (23…29 Nov, the 18:00 one on the 29th), then the newest of 4 earlier weeks (Mondays 16 Nov, 9 Nov, 2 Nov, 26 Oct start them).
    expect(days.slice(0, 7)).toEqual(['11-29', '11-28', '11-27', '11-26', '11-25', '11-24', '11-23']);
    expect(kept[0].getHours()).toBe(18);
    expect(days.slice(7)).toEqual(['11-22', '11-15', '11-8', '11-1']);
    expect(kept).toHaveLength(11);
  });

  it('keeps the 3 newest backups taken before an import, even on the same day as others', () => {
    const list = [1, 2, 3, 4, 5].map((h) => named(at(2026, 12, 3, 8 + h), 'import'));
    list.push(named(at(2026, 12, 3, 20), 'daily'));
    const deleted = backupsToDelete(list);
    expect(deleted.map((n) => parseBackupName(n)!.createdAt).sort()).toEqual([at(2026, 12, 3, 9).getTime(), at(2026, 12, 3, 10).getTime()].sort());
  });

  it('never deletes the only or newest backup', () => {
    const only = [named(at(2026, 1, 1), 'manual')];
    expect(backupsToDelete(only)).toEqual([]);
    expect(backupsToDelete([])).toEqual([]);
  });
});

describe('backup file and restore plan', () => {
  const a = annotationOn('大力发展绿电制氢', { note: { json: null, text: '备份里的批注' } });
  const b = annotationOn('深化城乡融合');
  const c = { ...annotationOn('保障粮食安全'), deleted: true };
  const meta = { id: report.id, title: '长治市2026年政府工作报告', fingerprint: report.fingerprint };

  it('round-trips every record of every report, tombstones included', () => {
    const text = serializeBackup({ createdAt: 5, kind: 'daily', reports: [{ report: meta, annotations: [a, b, c] }] });
    const parsed = parseBackup(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.kind).toBe('daily');
    expect(parsed.value.files[0].annotations.map((x) => x.id).sort()).toEqual([a.id, b.id, c.id].sort());
  });

  it.each([
    ['not JSON', '{', '损坏'],
    ['another file', '{"format":"yandu-annotations"}', '不是研读的备份'],
    ['newer', '{"format":"yandu-backup","version":9,"createdAt":1,"files":[]}', '更新版本'],
    ['a damaged part', '{"format":"yandu-backup","version":1,"createdAt":1,"files":[{"format":"yandu-annotations"}]}', '第 1 份'],
  ])('refuses %s', (_n, text, phrase) => {
    const r = parseBackup(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(phrase);
  });

  it('plans to bring back, change back, repair and remove exactly what differs', () => {
    const parsed = parseBackup(serializeBackup({ createdAt: 5, kind: 'daily', reports: [{ report: meta, annotations: [a, b, c] }] }));
    if (!parsed.ok) throw new Error(parsed.error);
    const later = annotationOn('激发经营主体活力');
    const stored = [{ ...a, color: 'red' }, { ...c }, later, { ...b, color: 'orange' }, { ...annotationOn('x'.length ? '精准务实抓招商' : ''), reportId: 'other-report' }];
    const plan = planRestore(parsed.value, stored);
    expect(plan.changes.map((ch) => [ch.before?.id ?? null, ch.after?.id ?? null])).toEqual([
      [a.id, a.id],
      [b.id, b.id],
      [later.id, null],
    ]);
    expect(plan.summary).toEqual({ restored: 0, changed: 2, removed: 1, reports: 1 });
    expect(restoreSummaryText(plan)).toContain('改回 2 条');
    expect(planRestore(parsed.value, [a, b, c]).changes).toEqual([]);
  });
});

describe('drafts in a backup (起草)', () => {
  const draft = (id: string, title: string, text: string, extra: Partial<DraftRecord> = {}): DraftRecord => ({
    id, reportId: report.id, kind: 'proposal', title, json: seedDraftJson('proposal', title, []).replace('具体建议', text), createdAt: 1, updatedAt: 2, ...extra,
  });
  const created = new Date(2026, 11, 3, 9).getTime();

  it('round-trips the drafts; a backup without drafts (made before they were kept) reads as none', () => {
    const drafts = [draft('d2', '乙', '二'), draft('d1', '甲', '一', { deletedAt: 5 })];
    const text = serializeBackup({ createdAt: created, kind: 'manual', reports: [], drafts });
    const parsed = parseBackup(text);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.value.drafts).toEqual([drafts[1], drafts[0]]);
    const old = serializeBackup({ createdAt: created, kind: 'manual', reports: [] });
    expect(old).not.toContain('drafts');
    expect(parseBackup(old)).toMatchObject({ ok: true, value: { drafts: [] } });
  });

  it('refuses a backup whose drafts are damaged, with a Chinese message', () => {
    const text = serializeBackup({ createdAt: created, kind: 'manual', reports: [], drafts: [draft('d1', '甲', '一')] }).replace('"kind":"proposal"', '"kind":"poem"');
    expect(parseBackup(text)).toEqual({ ok: false, error: '备份中的草稿已损坏。' });
    const huge = JSON.parse(serializeBackup({ createdAt: created, kind: 'manual', reports: [] })) as Record<string, unknown>;
    huge.drafts = [{ ...draft('d1', '甲', '一'), json: 'x'.repeat(5_000_001) }];
    expect(parseBackup(JSON.stringify(huge))).toMatchObject({ ok: false });
  });

  it('restoring never overwrites a draft: missing ones come back, a changed one gets a dated copy, later ones stay', () => {
    const inBackup = [draft('gone', '丢了的', '备份里的一'), draft('edited', '改过的', '备份里的二'), draft('same', '没变的', '三'), draft('binned', '删了的', '四')];
    const stored = [draft('edited', '改过的', '备份之后又写的'), draft('same', '没变的', '三'), draft('binned', '删了的', '四', { deletedAt: 9 }), draft('later', '后来的', '五')];
    const backup = parseBackup(serializeBackup({ createdAt: created, kind: 'daily', reports: [], drafts: inBackup }));
    if (!backup.ok) throw new Error(backup.error);
    const plan = planRestore(backup.value, [], stored);
    // (in id order, as the backup file keeps them)
    expect(plan.drafts.map((d) => [d.id, d.title, d.deletedAt])).toEqual([
      ['binned', '删了的', undefined],
      ['edited~' + created, '改过的（备份 2026-12-03）', undefined],
      ['gone', '丢了的', undefined],
    ]);
    expect(plan.drafts[1].json).toContain('备份里的二');
    expect(restoreSummaryText(plan)).toBe('批注与这份备份相同；将找回 3 份草稿（现有草稿不会被覆盖，内容不同的另存一份，标题注明“备份”）。');
    // The same backup restored again adds nothing more.
    const after = [...stored.filter((d) => d.id !== 'binned'), ...plan.drafts];
    expect(planRestore(backup.value, [], after).drafts).toEqual([]);
    expect(restoreSummaryText(planRestore(backup.value, [], after))).toBe('当前批注和草稿与这份备份完全相同，无需恢复。');
  });
});
