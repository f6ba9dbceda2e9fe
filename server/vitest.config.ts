import { defineConfig } from 'vitest/config';

/** Server tests against a real PostgreSQL: one throwaway database per run (test/global-setup.ts). */
export default defineConfig({
  // Vitest's result cache beside the project's, not in a server/node_modules of its own.
  cacheDir: '../node_modules/.vite-server',
  test: {
    root: import.meta.dirname,
    include: ['test/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/global-setup.ts'],
    // One file at a time: the machine is shared, and every file opens its own pools.
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
