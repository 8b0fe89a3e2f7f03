import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import * as fsp from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  describeReadError,
  describeWriteError,
  MAX_OPEN_FILE_BYTES,
  MAX_REPORT_BYTES,
  readFileLimited,
  saveFileAtomic,
  writeFileAtomic,
  type FsLike,
} from '../../electron/main/file-io';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'yandu-fileio-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function fsError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated`), { code });
}

/** Real fs whose file writes put half the data on disk and then fail with `code`. */
function failingWritesFs(code: string): FsLike {
  const real = fsp as unknown as FsLike;
  return {
    ...real,
    async open(file, flags, mode) {
      const handle = await fsp.open(file, flags, mode);
      return {
        async writeFile(data) {
          const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
          await handle.writeFile(bytes.subarray(0, Math.floor(bytes.length / 2)));
          throw fsError(code);
        },
        sync: () => handle.sync(),
        close: () => handle.close(),
      };
    },
  };
}

describe('writeFileAtomic', () => {
  it('writes text as UTF-8 and bytes as they are', async () => {
    const text = path.join(dir, '摘录.md');
    await writeFileAtomic(text, '# 研读摘录\n');
    expect(readFileSync(text, 'utf8')).toBe('# 研读摘录\n');
    const bin = path.join(dir, 'a.docx');
    await writeFileAtomic(bin, new Uint8Array([0x50, 0x4b, 3, 4]));
    expect([...readFileSync(bin)]).toEqual([0x50, 0x4b, 3, 4]);
    expect(readdirSync(dir).sort()).toEqual(['a.docx', '摘录.md']);
  });

  it('replaces an existing file and keeps its permissions', async () => {
    const file = path.join(dir, 'notes.json');
    writeFileSync(file, 'old');
    chmodSync(file, 0o600);
    await writeFileAtomic(file, 'new');
    expect(readFileSync(file, 'utf8')).toBe('new');
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('on a full disk leaves the old file intact and no temporary file behind', async () => {
    const file = path.join(dir, 'export.md');
    writeFileSync(file, '旧内容，完整');
    await expect(writeFileAtomic(file, 'x'.repeat(10_000), failingWritesFs('ENOSPC'))).rejects.toMatchObject({
      code: 'ENOSPC',
    });
    expect(readFileSync(file, 'utf8')).toBe('旧内容，完整');
    expect(readdirSync(dir)).toEqual(['export.md']);
  });

  it('on a full disk creates no file at all when there was none', async () => {
    const file = path.join(dir, 'new.pdf');
    await expect(writeFileAtomic(file, new Uint8Array(4096), failingWritesFs('ENOSPC'))).rejects.toThrow();
    expect(existsSync(file)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('saveFileAtomic', () => {
  it('returns the path on success', async () => {
    const file = path.join(dir, 'ok.txt');
    expect(await saveFileAtomic(file, '好')).toEqual({ ok: true, value: file });
  });

  it('reports ENOSPC in Chinese and keeps the old content', async () => {
    const file = path.join(dir, 'full.txt');
    writeFileSync(file, 'keep');
    const result = await saveFileAtomic(file, 'longer content', failingWritesFs('ENOSPC'));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/磁盘空间不足/);
    expect(readFileSync(file, 'utf8')).toBe('keep');
  });

  it('reports a missing directory', async () => {
    const result = await saveFileAtomic(path.join(dir, 'no', 'such', 'dir.txt'), 'x');
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/保存位置不存在/) });
  });
});

describe('describeWriteError', () => {
  it.each([
    ['ENOSPC', /磁盘空间不足/],
    ['EDQUOT', /配额/],
    ['EACCES', /没有权限写入/],
    ['EPERM', /没有权限写入/],
    ['EBUSY', /占用/],
    ['EROFS', /只读/],
    ['ENOENT', /保存位置不存在/],
    ['EISDIR', /文件夹/],
    ['ENAMETOOLONG', /文件名过长/],
    ['EIO', /保存文件失败：EIO/],
  ])('%s → %s', (code, message) => {
    expect(describeWriteError(fsError(code))).toMatch(message);
  });
});

describe('readFileLimited', () => {
  it('reads a file under the limit', async () => {
    const file = path.join(dir, 'r.txt');
    writeFileSync(file, '一二三');
    const result = await readFileLimited(file, MAX_REPORT_BYTES);
    expect(result.ok && new TextDecoder().decode(result.value)).toBe('一二三');
  });

  it('refuses a file over the limit without reading it, saying how large it is', async () => {
    const file = path.join(dir, 'big.txt');
    writeFileSync(file, Buffer.alloc(3 * 1024 * 1024));
    const result = await readFileLimited(file, 2 * 1024 * 1024);
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/文件过大（3\.0 MB）.*2 MB/) });
  });

  it.each([
    ['a missing file', (d: string) => path.join(d, 'missing.txt'), /找不到该文件/],
    ['a directory', (d: string) => d, /文件夹/],
  ])('explains %s', async (_name, target, message) => {
    const result = await readFileLimited(target(dir), MAX_REPORT_BYTES);
    expect(result).toEqual({ ok: false, error: expect.stringMatching(message) });
  });

  it('reads a 60 MB exchange file with the open-file limit, which the report limit would refuse', async () => {
    const fs = { stat: async () => ({ size: 60 * 1024 * 1024, isFile: () => true, mode: 0o644 }), readFile: async () => new Uint8Array([0x7b]) } as unknown as FsLike;
    expect(await readFileLimited('/u/研读批注.json', MAX_OPEN_FILE_BYTES, fs)).toEqual({ ok: true, value: new Uint8Array([0x7b]) });
    expect(await readFileLimited('/u/研读批注.json', MAX_REPORT_BYTES, fs)).toEqual({ ok: false, error: '文件过大（60.0 MB），最大只能打开 50 MB 的文件。' });
  });

  it('maps permission errors', () => {
    expect(describeReadError(fsError('EACCES'))).toMatch(/没有权限读取/);
  });
});
