import { describe, expect, it } from 'vitest';
import { locateElectron, offlineMessage } from '../../scripts/electron-binary.mjs';

describe('npm start without the Electron binary', () => {
  it('says in Chinese that the download failed and points to npm run web', () => {
    const found = locateElectron(() => {
      throw new Error('Electron failed to install correctly. Please delete `node_modules/electron`\n    at FetchDownloader');
    });
    expect(found.ok).toBe(false);
    const message = (found as { message: string }).message;
    expect(message).toContain('Electron 程序没有下载成功');
    expect(message).toContain('npm run web');
    expect(message).toContain('http://127.0.0.1:4173/');
    expect(message).toContain('与端口号绑定');
    // Only the first line of the English error, not its stack.
    expect(message).toContain('（原因：Electron failed to install correctly.');
    expect(message).not.toContain('FetchDownloader');
  });

  it('returns the binary path when the package has one', () => {
    expect(locateElectron(() => '/opt/electron/electron')).toEqual({ ok: true, path: '/opt/electron/electron' });
    expect(locateElectron(() => '').ok).toBe(false);
  });

  it('keeps the message free of a trailing blank line without a reason', () => {
    expect(offlineMessage(undefined).endsWith('即可离线使用。')).toBe(true);
  });
});
