import { defineConfig } from 'vitest/config';

// End-to-end tests drive Debian's Chromium with Playwright against the built web renderer.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: ['default', ['json', { outputFile: 'test-results/e2e.json' }]],
  },
});
