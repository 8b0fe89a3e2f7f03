#!/usr/bin/env node
// `npm start`: builds the app (electron-vite) and starts Electron; without the Electron binary
// and no network to fetch it, says in Chinese to use `npm run web` instead.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { locateElectron } from './electron-binary.mjs';

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const build = spawnSync(npx, ['electron-vite', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const require = createRequire(import.meta.url);
const electron = locateElectron(() => require('electron'));
if (!electron.ok) {
  console.error(electron.message);
  process.exit(1);
}
const child = spawn(electron.path, ['.', ...process.argv.slice(2)], { stdio: 'inherit', windowsHide: false });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
