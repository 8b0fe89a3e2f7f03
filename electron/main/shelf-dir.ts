/**
 * The 书架's reports on disk: `<userData>/shelf/<id>.json`, one segmented report per file. Only
 * ids matching SHELF_ID_PATTERN are ever read, written or removed, so the renderer cannot reach
 * any other file through these channels.
 */
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { SHELF_ID_PATTERN } from '../../shared/library/entry';
import { MAX_STORED_REPORT_CHARS } from '../../shared/library/stored-report';
import type { Result } from '../../shared/result';
import { describeWriteError, readFileLimited, saveFileAtomic } from './file-io';

export interface ShelfDir {
  write(id: string, text: string): Promise<Result<void>>;
  read(id: string): Promise<Result<string>>;
  remove(id: string): Promise<Result<void>>;
}

const badId = (id: string): Result<never> => ({ ok: false, error: `报告编号无效：${id.slice(0, 80)}` });

export function createShelfDir(dir: string): ShelfDir {
  const file = (id: string) => path.join(dir, `${id}.json`);
  return {
    async write(id, text) {
      if (!SHELF_ID_PATTERN.test(id)) return badId(id);
      try {
        await mkdir(dir, { recursive: true });
      } catch (error) {
        return { ok: false, error: describeWriteError(error) };
      }
      const saved = await saveFileAtomic(file(id), text);
      return saved.ok ? { ok: true, value: undefined } : saved;
    },
    async read(id) {
      if (!SHELF_ID_PATTERN.test(id)) return badId(id);
      // UTF-8 may take up to 3 bytes a UTF-16 unit.
      const bytes = await readFileLimited(file(id), MAX_STORED_REPORT_CHARS * 3);
      if (!bytes.ok) return bytes;
      try {
        return { ok: true, value: new TextDecoder('utf-8', { fatal: true }).decode(bytes.value) };
      } catch {
        return { ok: false, error: '书架中的报告文件已损坏（不是 UTF-8 文本），请从原文件重新打开。' };
      }
    },
    async remove(id) {
      if (!SHELF_ID_PATTERN.test(id)) return badId(id);
      try {
        await rm(file(id), { force: true });
        return { ok: true, value: undefined };
      } catch (error) {
        return { ok: false, error: describeWriteError(error) };
      }
    },
  };
}
