/**
 * File reading with a size limit and atomic writing, with Chinese messages for the errors a
 * user can act on (full disk, no permission, file locked by another program).
 */
import { randomBytes } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import path from 'node:path';
import { MAX_EXCHANGE_BYTES } from '../../shared/exchange/format';
import type { Result } from '../../shared/ipc/contract';
import { MSG } from './messages';

/** Largest report file 打开报告 accepts: the loader's own limit (shared/report/load/sniff.ts). */
export { MAX_REPORT_BYTES } from '../../shared/report/load/sniff';
/**
 * Largest file `file:open` reads (exchange files, backups): the exchange format's own limit, so
 * whatever 导出批注 can write (up to 100,000 records, > 50 MB) can be imported again here.
 */
export const MAX_OPEN_FILE_BYTES = MAX_EXCHANGE_BYTES;

/** The subset of a FileHandle the atomic writer uses. */
export interface FileHandleLike {
  writeFile(data: string | Uint8Array, options?: { encoding?: 'utf8' }): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

/** The subset of `node:fs/promises` this module uses; tests pass a faulty one. */
export interface FsLike {
  open(file: string, flags: string, mode?: number): Promise<FileHandleLike>;
  rename(from: string, to: string): Promise<void>;
  rm(file: string, options: { force: boolean }): Promise<void>;
  stat(file: string): Promise<{ size: number; isFile(): boolean; mode: number }>;
  readFile(file: string): Promise<Uint8Array>;
}

const realFs: FsLike = fsp as unknown as FsLike;

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error
    ? String((error as { code: unknown }).code)
    : undefined;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Chinese message for a failed write, by Node error code (ENOSPC, EACCES, EBUSY, …). */
export function describeWriteError(error: unknown): string {
  switch (errorCode(error)) {
    case 'ENOSPC':
      return MSG.writeNoSpace;
    case 'EDQUOT':
      return MSG.writeQuota;
    case 'EACCES':
    case 'EPERM':
      return MSG.writeDenied;
    case 'EBUSY':
    case 'ETXTBSY':
      return MSG.writeBusy;
    case 'EROFS':
      return MSG.writeReadOnly;
    case 'ENOENT':
    case 'ENOTDIR':
      return MSG.writeDirMissing;
    case 'EISDIR':
      return MSG.writeIsDirectory;
    case 'ENAMETOOLONG':
      return MSG.writeNameTooLong;
    default:
      return MSG.writeFailed(errorText(error));
  }
}

/** Chinese message for a failed read, by Node error code. */
export function describeReadError(error: unknown): string {
  switch (errorCode(error)) {
    case 'ENOENT':
    case 'ENOTDIR':
      return MSG.readNotFound;
    case 'EACCES':
    case 'EPERM':
      return MSG.readDenied;
    case 'EISDIR':
      return MSG.readIsDirectory;
    default:
      return MSG.readFailed(errorText(error));
  }
}

/**
 * Reads a whole file if it is at most `maxBytes` long (checked with stat before reading, so a
 * huge file is never loaded). Errors come back as Chinese messages.
 */
export async function readFileLimited(
  file: string,
  maxBytes: number,
  fs: FsLike = realFs,
): Promise<Result<Uint8Array>> {
  try {
    const info = await fs.stat(file);
    if (!info.isFile()) return { ok: false, error: MSG.readIsDirectory };
    if (info.size > maxBytes) {
      return {
        ok: false,
        error: MSG.fileTooLarge((info.size / 1024 / 1024).toFixed(1), Math.round(maxBytes / 1024 / 1024)),
      };
    }
    return { ok: true, value: await fs.readFile(file) };
  } catch (error) {
    return { ok: false, error: describeReadError(error) };
  }
}

/**
 * Writes `content` (string as UTF-8, or bytes) to `target` atomically: it goes to a temporary
 * file in the same directory, is flushed to disk, then renamed over `target`. If anything fails
 * (full disk, permissions) the temporary file is removed and `target` keeps its old content —
 * a failed save never leaves a truncated file. Throws the underlying fs error.
 */
export async function writeFileAtomic(
  target: string,
  content: string | Uint8Array,
  fs: FsLike = realFs,
): Promise<void> {
  const dir = path.dirname(target);
  const temp = path.join(dir, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  // Keep the permissions of a file we replace (rename would otherwise reset them).
  let mode = 0o666;
  try {
    mode = (await fs.stat(target)).mode & 0o777;
  } catch {
    // No existing file: default mode (minus umask).
  }
  let created = false;
  try {
    const handle = await fs.open(temp, 'wx', mode);
    created = true;
    try {
      await handle.writeFile(content, typeof content === 'string' ? { encoding: 'utf8' } : undefined);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, target);
  } catch (error) {
    if (created) await fs.rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
}

/** `writeFileAtomic` as a Result: the path on success, a Chinese message on failure. */
export async function saveFileAtomic(
  target: string,
  content: string | Uint8Array,
  fs: FsLike = realFs,
): Promise<Result<string>> {
  try {
    await writeFileAtomic(target, content, fs);
    return { ok: true, value: target };
  } catch (error) {
    return { ok: false, error: describeWriteError(error) };
  }
}
