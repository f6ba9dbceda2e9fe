import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['./src/testing/setup.ts'],
    testTimeout: 20_000,
    // Two workers (Vitest's default is one less than the cores: one on this 2-core machine), each a
    // process of its own: threads of one process share every BroadcastChannel, so Dexie's change
    // signal and the engine's hand-over of written leads (db/written-leads.ts) crossed between two
    // test files and a test counting them failed. Unit tests here: 375 s in one worker, 289 s in two.
    pool: 'forks',
    maxWorkers: 2,
  },
});
