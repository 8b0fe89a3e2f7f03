// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { createBrowserHost } from '../../../renderer/host/browser-host';

describe('browser host: onBeforeClose', () => {
  it('starts the saves when the page is hidden for good, until unsubscribed', () => {
    const host = createBrowserHost();
    const save = vi.fn(async () => undefined);
    const off = host.onBeforeClose(save);
    window.dispatchEvent(new Event('pagehide'));
    expect(save).toHaveBeenCalledTimes(1);
    off();
    window.dispatchEvent(new Event('pagehide'));
    expect(save).toHaveBeenCalledTimes(1);
  });
});
