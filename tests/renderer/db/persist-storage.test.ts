import { describe, expect, it, vi } from 'vitest';
import { requestPersistentStorage } from '../../../renderer/db/persist-storage';

describe('requestPersistentStorage', () => {
  it('asks once and passes the answer on; null without the API or on error', async () => {
    const persist = vi.fn(async () => true);
    expect(await requestPersistentStorage({ storage: { persist } })).toBe(true);
    expect(persist).toHaveBeenCalledTimes(1);
    expect(await requestPersistentStorage({})).toBeNull();
    expect(await requestPersistentStorage({ storage: { persist: async () => Promise.reject(new Error('x')) } })).toBeNull();
  });
});
