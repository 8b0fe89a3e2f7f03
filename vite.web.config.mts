import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { woff2Only } from './scripts/vite-woff2-only.mjs';
import { dirname, resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const __dirname = dirname(fileURLToPath(import.meta.url));

const pkg = JSON.parse(readFileSync(resolve(__dirname, 'package.json'), 'utf8')) as { version: string };

// Browser build of the renderer: the same app with the browser ReaderHost, bundled reports
// served as static files from resources/.
export default defineConfig({
  root: resolve(__dirname, 'renderer'),
  base: './',
  publicDir: resolve(__dirname, 'resources'),
  plugins: [react(), woff2Only()],
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  preview: { host: '127.0.0.1' },
  worker: { format: 'es' },
  build: { outDir: resolve(__dirname, 'out/web'), emptyOutDir: true, chunkSizeWarningLimit: 4000 },
});
