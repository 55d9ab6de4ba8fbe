import { defineConfig } from 'vitest/config';

/** End-to-end suites: a real server and Debian's Chromium. One file at a time; browsers are heavy. */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    exclude: ['node_modules/**'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    teardownTimeout: 120_000,
    // A browser on a busy two-core machine can take more than the default second to show what it
    // fetched; a poll that never succeeds still fails, ten seconds later.
    expect: { poll: { timeout: 10_000 } },
  },
});
