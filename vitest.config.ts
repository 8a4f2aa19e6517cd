import { defineConfig } from 'vitest/config';

// Unit and integration tests live beside the code (`*.test.ts`); browser e2e lives in e2e/.
export default defineConfig({
  test: {
    globalSetup: ['scripts/vitest-build.js'],
    include: ['src/**/*.test.ts', 'main/**/*.test.ts', 'scripts/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}', 'e2e/**/*.e2e.ts', 'bench/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    fileParallelism: true,
    maxWorkers: 2,
  },
});
