import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['./src/testing/setup.ts'],
    testTimeout: 20_000,
    pool: 'threads',
    // Vitest's default is one worker less than the cores: one on this 2-core machine. Two took the
    // unit tests from 375 s to 280 s in a full run here (the slowest tests have timeouts of their own).
    maxWorkers: 2,
  },
});
