/**
 * Serves the built web renderer (out/web, built by `npm run test:e2e` first) on loopback for the
 * end-to-end tests and stops it afterwards.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';

let server: ChildProcess | undefined;

async function waitFor(url: string, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`e2e server did not answer at ${url} within ${ms} ms`);
}

export async function setup(): Promise<void> {
  if (!existsSync('out/web/index.html')) throw new Error('out/web is missing: run `npm run build:web` first (npm run test:e2e does).');
  const port = process.env.E2E_PORT ?? '4391';
  server = spawn(
    'npx',
    ['vite', 'preview', '--config', 'vite.web.config.mts', '--host', '127.0.0.1', '--port', port, '--strictPort'],
    { stdio: 'ignore' },
  );
  process.env.E2E_URL = `http://127.0.0.1:${port}/`;
  await waitFor(process.env.E2E_URL, 30_000);
}

export async function teardown(): Promise<void> {
  server?.kill('SIGTERM');
}
