/**
 * Chinese messages for a write to the browser's storage (IndexedDB through Dexie) that failed
 * because the disk or the browser's quota is full. The store shows the message and keeps the
 * unsaved change in memory until a retry succeeds; this module only recognises the error, so it
 * works on DOMExceptions, Dexie's wrapped errors and plain objects alike (no DOM types in shared/).
 */

export const STORAGE_MESSAGES = {
  quota: '存储空间已满，刚才的修改还没有保存。请清理磁盘空间（或浏览器的网站数据）后重试；在保存成功之前请不要关闭研读。',
  readOnly: '存储目前无法写入（可能处于隐私浏览模式或磁盘只读），刚才的修改还没有保存。',
  failed: (detail: string) => `保存失败：${detail}。刚才的修改还没有保存，稍后会重试。`,
} as const;

const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);
const READ_ONLY_NAMES = new Set(['ReadOnlyError']);

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  inner?: unknown;
  cause?: unknown;
  code?: unknown;
}

/** The error and the errors it wraps (Dexie's `inner`, standard `cause`), at most a few levels. */
function chain(error: unknown): ErrorLike[] {
  const out: ErrorLike[] = [];
  let e: unknown = error;
  for (let i = 0; i < 5 && typeof e === 'object' && e !== null; i++) {
    out.push(e as ErrorLike);
    e = (e as ErrorLike).inner ?? (e as ErrorLike).cause;
  }
  return out;
}

/** Whether a failed write means "no space left" (quota or disk), looking through wrapped errors. */
export function isQuotaError(error: unknown): boolean {
  // Legacy DOMException code 22 is QUOTA_EXCEEDED_ERR; Node reports ENOSPC for a full disk.
  return chain(error).some((e) => QUOTA_NAMES.has(String(e.name)) || e.code === 22 || e.code === 'ENOSPC' || e.code === 'EDQUOT');
}

/** Chinese message for a failed storage write. */
export function describeStorageError(error: unknown): string {
  if (isQuotaError(error)) return STORAGE_MESSAGES.quota;
  const links = chain(error);
  if (links.some((e) => READ_ONLY_NAMES.has(String(e.name)))) return STORAGE_MESSAGES.readOnly;
  const first = links[0];
  const detail = first && typeof first.message === 'string' && first.message !== '' ? first.message : String(error);
  return STORAGE_MESSAGES.failed(detail.slice(0, 200));
}
