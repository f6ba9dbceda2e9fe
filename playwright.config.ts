import { fileURLToPath } from 'node:url';
import { defineConfig, devices } from '@playwright/test';

/**
 * End-to-end tests drive the built app (`vite preview`) in real Chromium. Playwright cannot
 * download its browsers here, so we launch Debian's /usr/bin/chromium unless
 * CHROMIUM_PATH points elsewhere (set it to '' to use Playwright's own browser).
 */
const PORT = Number(process.env.E2E_PORT ?? 4317);
/** Through scripts/quiet-chromium, which turns the address bar's WebUI popups off (decision 068). */
const executablePath =
  process.env.CHROMIUM_PATH === '' ? '' : fileURLToPath(new URL('scripts/quiet-chromium', import.meta.url));
/** Which build to serve (several engineers on one machine build to their own folders). */
const DIST = process.env.E2E_DIST ?? 'dist';
/**
 * The files that take minutes each (a CI run: quota 6.3, crash safety 3.4, accessibility 3.3,
 * lifecycle 2.9, import 2.3 min). Workers take files in queue order, and a project's files are
 * queued before the next project's: these first, so the last file a worker starts is a short one
 * (queued alphabetically, the quota file started about three quarters through and ran alone).
 */
const LONG_FILES = ['quota', 'crash-safety', 'accessibility', 'lifecycle', 'import'].map((f) => `**/${f}.spec.ts`);

export default defineConfig({
  testDir: './e2e',
  outputDir: process.env.E2E_OUTPUT ?? 'test-results',
  timeout: 120_000,
  expect: { timeout: 20_000 },
  // Files run in two workers, each with its own browser and its own seeded context (fixtures.ts);
  // the tests of one file run in order. Two cores: two workers take ~40 % off the suite's time.
  fullyParallel: false,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    // A trace is recorded for every action and thrown away when the test passes (one compliance
    // test wrote 42 MB): in CI only a retried test records one, so a failure still comes with it.
    trace: process.env.CI ? 'on-first-retry' : 'retain-on-failure',
    screenshot: 'only-on-failure',
    ...devices['Desktop Chrome'],
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-dev-shm-usage',
      ],
    },
  },
  projects: [
    { name: 'long', testMatch: LONG_FILES },
    { name: 'short', testIgnore: LONG_FILES },
  ],
  webServer: {
    command: `npx vite preview --port ${PORT} --strictPort --host 127.0.0.1 --outDir ${DIST}`,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: false,
    timeout: 60_000,
    // The served Content-Security-Policy's connect-src names the API origins the import screen may
    // pull from (vite.config.ts); the e2e partner is a routed, made-up host.
    env: { LEADLEDGER_API_ORIGINS: process.env.LEADLEDGER_API_ORIGINS ?? 'https://partner.example' },
  },
});
