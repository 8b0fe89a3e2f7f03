import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackupDir } from '../../electron/main/backup-dir';

describe('backups folder', () => {
  const name = 'yandu-backup-20261203-090000-daily.json';

  it('writes, lists (only backup names), reads and removes; a missing folder lists empty', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'yandu-bk-'));
    const dir = createBackupDir(path.join(root, 'backups'));
    expect(await dir.list()).toEqual({ ok: true, value: [] });
    expect(await dir.write(name, '{"format":"yandu-backup"}')).toEqual({ ok: true, value: undefined });
    writeFileSync(path.join(root, 'backups', 'notes.txt'), 'not a backup');
    expect(await dir.list()).toEqual({ ok: true, value: [name] });
    expect(await dir.read(name)).toEqual({ ok: true, value: '{"format":"yandu-backup"}' });
    expect(await dir.remove(name)).toEqual({ ok: true, value: undefined });
    expect(readdirSync(path.join(root, 'backups'))).toEqual(['notes.txt']);
  });

  it.each(['../secret.json', 'notes.txt', `${name}/../../x`])('refuses the name %s', async (bad) => {
    const dir = createBackupDir(mkdtempSync(path.join(tmpdir(), 'yandu-bk-')));
    for (const r of [await dir.write(bad, 'x'), await dir.read(bad), await dir.remove(bad)]) {
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toContain('备份文件名无效');
    }
  });
});
