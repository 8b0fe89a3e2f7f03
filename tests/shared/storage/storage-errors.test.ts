import { describe, expect, it } from 'vitest';
import { describeStorageError, isQuotaError, STORAGE_MESSAGES } from '../../../shared/storage';

class FakeDomException extends Error {
  constructor(message: string, name: string, readonly code = 0) {
    super(message);
    this.name = name;
  }
}

describe('storage errors', () => {
  it.each([
    ['a DOMException QuotaExceededError', new FakeDomException('The quota has been exceeded.', 'QuotaExceededError', 22)],
    ['Dexie\'s wrapper around it (inner)', Object.assign(new Error('QuotaExceededError Encountered full disk'), { name: 'QuotaExceededError', inner: new FakeDomException('x', 'QuotaExceededError') })],
    ['an AbortError whose inner error is the quota', Object.assign(new Error('Transaction aborted'), { name: 'AbortError', inner: new FakeDomException('full', 'QuotaExceededError') })],
    ['Firefox\'s legacy name', { name: 'NS_ERROR_DOM_QUOTA_REACHED', message: 'Persistent storage maximum size reached' }],
    ['the legacy code 22 only', { name: 'Error', code: 22 }],
    ['a full disk in Node (cause)', new Error('write failed', { cause: Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }) })],
  ])('recognises %s as "storage full"', (_name, error) => {
    expect(isQuotaError(error)).toBe(true);
    expect(describeStorageError(error)).toBe(STORAGE_MESSAGES.quota);
  });

  it('says when storage is read-only', () => {
    expect(describeStorageError(new FakeDomException('read only', 'ReadOnlyError'))).toBe(STORAGE_MESSAGES.readOnly);
  });

  it.each([
    [new FakeDomException('Constraint failed', 'ConstraintError'), '保存失败：Constraint failed。刚才的修改还没有保存，稍后会重试。'],
    ['boom', '保存失败：boom。刚才的修改还没有保存，稍后会重试。'],
    [null, '保存失败：null。刚才的修改还没有保存，稍后会重试。'],
  ])('describes any other failure with its detail: %s', (error, message) => {
    expect(isQuotaError(error)).toBe(false);
    expect(describeStorageError(error)).toBe(message);
  });

  it('does not loop on an error that wraps itself', () => {
    const e: { name: string; inner?: unknown } = { name: 'AbortError' };
    e.inner = e;
    expect(isQuotaError(e)).toBe(false);
  });
});
