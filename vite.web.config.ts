import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';

// Browser build of the renderer: the same app with the browser ReaderHost, bundled reports
// served as static files from resources/.
export default defineConfig({
  root: resolve(__dirname, 'renderer'),
  base: './',
  publicDir: resolve(__dirname, 'resources'),
  plugins: [react()],
  worker: { format: 'es' },
  build: { outDir: resolve(__dirname, 'out/web'), emptyOutDir: true, chunkSizeWarningLimit: 4000 },
});
