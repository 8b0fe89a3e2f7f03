/**
 * For benches that need the real renderer: builds the web renderer when out/web is missing,
 * serves it on a free loopback port and launches Debian's Chromium (never a downloaded one).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createServer } from 'node:net';
import type { Browser } from '@playwright/test';
import { CHROMIUM, launch } from '../tests/e2e/chromium';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export interface WebHarness {
  url: string;
  browser: Browser;
  close(): Promise<void>;
}

/** Null (with a printed note) when Chromium is not installed. */
export async function startWebHarness(): Promise<WebHarness | null> {
  if (!existsSync(CHROMIUM)) {
    console.log(`(skipped: ${CHROMIUM} not found; apt-get install -y chromium)`);
    return null;
  }
  // BENCH_WEB: another web build (e.g. one of the commit before, for a before/after table).
  const web = resolve(process.env.BENCH_WEB ?? 'out/web');
  if (!existsSync(`${web}/index.html`)) {
    const b = spawnSync('npx', ['vite', 'build', '--config', 'vite.web.config.mts', '--logLevel', 'error'], { stdio: 'inherit' });
    if (b.status !== 0) throw new Error('web build failed');
  }
  // PORT pins the preview server (machines shared by several people hand each one a port).
  const port = process.env.PORT ? Number(process.env.PORT) : await freePort();
  const server: ChildProcess = spawn('npx', ['vite', 'preview', '--config', 'vite.web.config.mts', '--outDir', web, '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const browser = await launch();
  return {
    url,
    browser,
    async close() {
      await browser.close();
      server.kill('SIGTERM');
    },
  };
}
