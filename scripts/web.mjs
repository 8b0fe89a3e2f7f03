#!/usr/bin/env node
// `npm run web`: builds the renderer with the browser host and serves it on 127.0.0.1:$PORT
// (default 4173) until stopped. Only loopback: the reader is a local, offline tool.
import { spawn, spawnSync } from 'node:child_process';

const port = Number(process.env.PORT ?? 4173);
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  console.error(`PORT 无效：${process.env.PORT}`);
  process.exit(2);
}
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
if (!process.argv.includes('--no-build')) {
  const build = spawnSync(npx, ['vite', 'build', '--config', 'vite.web.config.mts', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const server = spawn(
  npx,
  ['vite', 'preview', '--config', 'vite.web.config.mts', '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
  { stdio: ['ignore', 'ignore', 'inherit'] },
);
console.log(`研读（浏览器模式）：http://127.0.0.1:${port}/`);
console.log('按 Ctrl+C 停止。');
const stop = () => server.kill('SIGTERM');
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
server.on('exit', (code) => process.exit(code ?? 0));
