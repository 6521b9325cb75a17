import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'core/src/**/*.test.ts',
      'server/src/**/*.test.ts',
      'plugins/*/src/**/*.test.{ts,tsx}',
      'plugins/*/test/**/*.test.{ts,tsx}',
      'scripts/**/*.test.ts',
    ],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Worker threads and child processes run the built bundles (see the file).
    globalSetup: ['server/test-support/build-worker-bundles.ts'],
  },
});
