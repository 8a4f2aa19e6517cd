import { defineConfig } from 'vitest/config';

// Browser end-to-end tests only (`npm run test:e2e`): the real host, the built renderer, Chromium.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['scripts/vitest-build.js', 'e2e/globalSetup.ts'],
    testTimeout: 120_000,
    hookTimeout: 240_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
