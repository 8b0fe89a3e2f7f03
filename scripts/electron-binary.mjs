// Finding the Electron binary for `npm start`, and what to say when it cannot be had: the npm
// package downloads the binary (~100 MB) on first use, which fails on an offline machine with an
// English stack trace. A deputy then needs to know, in Chinese, that the same app runs in a
// browser with `npm run web`.

/** The message printed when the Electron binary is missing and cannot be downloaded. */
export function offlineMessage(reason) {
  return [
    '',
    '研读桌面版无法启动：Electron 程序没有下载成功。',
    '首次运行 npm start 需要联网下载 Electron（约 100 MB），这台电脑现在可能没有网络。',
    '',
    '现在可以使用浏览器版（同一个应用，完全离线）：',
    '    npm run web',
    '然后在浏览器中打开 http://127.0.0.1:4173/',
    '（浏览器版的批注保存在该浏览器中，并与端口号绑定：请始终使用同一端口。）',
    '',
    '联网后再运行 npm start，下载完成后桌面版即可离线使用。',
    reason ? `（原因：${String(reason).split('\n')[0]}）` : '',
  ]
    .filter((line, i, all) => line !== '' || i < all.length - 1)
    .join('\n');
}

/**
 * The binary's path via `requireElectron` (the npm package's entry point, which downloads the
 * binary when it is missing), or the offline message when that throws.
 */
export function locateElectron(requireElectron) {
  try {
    const path = requireElectron();
    if (typeof path !== 'string' || !path) return { ok: false, message: offlineMessage('electron 模块没有给出程序路径') };
    return { ok: true, path };
  } catch (error) {
    return { ok: false, message: offlineMessage(error instanceof Error ? error.message : error) };
  }
}
