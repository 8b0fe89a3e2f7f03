import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as fsp from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  backupFileName,
  listBackups,
  parseBackupFileName,
  readBackup,
  writeBackup,
  type BackupFs,
} from '../../electron/main/backups';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 3, 6, 0, 0);
let dir: string;

beforeEach(() => {
  dir = path.join(mkdtempSync(path.join(tmpdir(), 'yandu-backups-')), 'backups');
});
afterEach(() => rmSync(path.dirname(dir), { recursive: true, force: true }));

describe('backup file names', () => {
  it('round-trip time and reason, in UTC', () => {
    const name = backupFileName(NOW, 'import');
    expect(name).toBe('yandu-backup-20261203-060000-import.json');
    expect(parseBackupFileName(name)).toEqual({ name, createdAt: NOW, reason: 'import' });
  });

  it.each(['notes.json', 'yandu-backup-20261203-060000-daily.json.tmp', '../yandu-backup-20261203-060000-daily.json', 'yandu-backup-20261332-060000-daily.json', 'yandu-backup-20261203-060000-other.json'])(
    'are not confused with %s',
    (name) => {
      expect(parseBackupFileName(name)).toBeNull();
    },
  );
});

describe('writeBackup', () => {
  it('creates the folder, writes the content and lists it', async () => {
    const r = await writeBackup(dir, '{"format":"yandu-annotations"}\n', { now: NOW, reason: 'daily' });
    expect(r).toEqual({ ok: true, value: { name: 'yandu-backup-20261203-060000-daily.json', removed: [] } });
    expect(readFileSync(path.join(dir, 'yandu-backup-20261203-060000-daily.json'), 'utf8')).toBe('{"format":"yandu-annotations"}\n');
    expect(await listBackups(dir)).toEqual({ ok: true, value: [{ name: 'yandu-backup-20261203-060000-daily.json', createdAt: NOW, reason: 'daily' }] });
  });

  it('rotates to 7 daily + 4 weekly over 60 days of backups, and never touches other files', async () => {
    for (let i = 59; i >= 0; i--) await writeBackup(dir, `day ${i}`, { now: NOW - i * DAY, reason: 'daily' });
    writeFileSync(path.join(dir, '我的笔记.json'), 'mine');
    await writeBackup(dir, 'today again', { now: NOW + 3600_000, reason: 'import' });
    const names = readdirSync(dir).sort();
    expect(names).toContain('我的笔记.json');
    expect(names.filter((n) => n.startsWith('yandu-backup-'))).toHaveLength(11);
    expect(names).toContain(backupFileName(NOW + 3600_000, 'import'));
  });

  it('says in Chinese when the disk is full and deletes nothing', async () => {
    await writeBackup(dir, 'old', { now: NOW - 30 * DAY, reason: 'daily' });
    const full: BackupFs = {
      ...(fsp as unknown as BackupFs),
      open: async () => {
        throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' });
      },
    };
    const r = await writeBackup(dir, 'new', { now: NOW, reason: 'daily' }, full);
    expect(r).toEqual({ ok: false, error: '磁盘空间不足，文件未保存。请清理磁盘后重试；原有文件未被改动。' });
    expect(readdirSync(dir)).toEqual([backupFileName(NOW - 30 * DAY, 'daily')]);
  });
});

describe('readBackup / listBackups', () => {
  it('reads a backup back', async () => {
    await writeBackup(dir, '研读', { now: NOW, reason: 'manual' });
    const r = await readBackup(dir, backupFileName(NOW, 'manual'));
    expect(r.ok && new TextDecoder().decode(r.value)).toBe('研读');
  });

  it('refuses a name that is not a backup (no way out of the folder)', async () => {
    expect(await readBackup(dir, '../../etc/passwd')).toEqual({ ok: false, error: '“../../etc/passwd”不是研读的备份文件。' });
  });

  it('an absent folder has no backups', async () => {
    expect(await listBackups(path.join(dir, 'nope'))).toEqual({ ok: true, value: [] });
  });
});
