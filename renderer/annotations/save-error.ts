/** Why a write to the annotation store failed, in words for the user. */

/** True for a full disk or an exhausted browser storage quota (IndexedDB reports both alike). */
export function isQuotaError(e: unknown): boolean {
  const names = [(e as { name?: string })?.name, (e as { inner?: { name?: string } })?.inner?.name];
  return names.some((n) => n === 'QuotaExceededError');
}

export function saveErrorText(e: unknown): string {
  if (isQuotaError(e)) return '磁盘空间不足，批注未能保存。请清理磁盘后重试；正在编辑的内容仍保留在窗口中。';
  return `批注未能保存：${e instanceof Error ? e.message : String(e)}`;
}
