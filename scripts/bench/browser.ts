/**
 * Real Chromium for the benchmark: Debian's /usr/bin/chromium (or CHROMIUM_PATH) through
 * Playwright, launched by scripts/quiet-chromium (the address bar's WebUI popups off: each new
 * browser's renderer for them took a second of CPU beside every cold start, decision 068), one
 * fresh browser process per run on a profile folder the harness owns. The probe script is
 * installed in every page; `/__bench.html` is a blank same-origin page served by the harness
 * itself (not part of the app, server.ts) where the loader writes the database with no other
 * connection open. Nothing is routed through Playwright: a route turns the browser's HTTP cache off
 * (and with it V8's code cache), and until session 40 every run fetched and compiled every script
 * again, which no returning user does.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import type { BenchLoader } from './page/loader';
import type { BenchProbe } from './page/probe';
import type { PageBundles } from './page-bundles';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** What is launched: CHROMIUM_PATH through the wrapper, or Playwright's own browser when CHROMIUM_PATH is ''. */
const LAUNCH_PATH = CHROMIUM_PATH ? fileURLToPath(new URL('../quiet-chromium', import.meta.url)) : '';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
export const BENCH_PAGE = '/__bench.html';

export interface Session {
  context: BrowserContext;
  page: Page;
  close: () => Promise<void>;
}

/** A new browser process on `profileDir`, with the probe in every page and one page open. */
export async function openSession(profileDir: string, baseURL: string, bundles: PageBundles): Promise<Session> {
  const context = await chromium.launchPersistentContext(profileDir, {
    ...(LAUNCH_PATH ? { executablePath: LAUNCH_PATH } : {}),
    args: CHROMIUM_ARGS,
    headless: true,
    baseURL,
    viewport: { width: 1440, height: 900 },
    locale: 'en-US',
    // The app's service worker would precache every asset in the background of the first
    // runs and skew them; the HTTP cache is the same for every run instead.
    serviceWorkers: 'block',
  });
  await context.addInitScript({ content: bundles.probe });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(180_000);
  // A page error or an error logged by the app is part of what a run measured: print it.
  page.on('pageerror', (e) => console.error(`      page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') console.error(`      console error: ${m.text()}`);
  });
  return { context, page, close: () => context.close() };
}

/** Open the blank bench page with the loader in it. */
export async function openLoader(page: Page, bundles: PageBundles): Promise<void> {
  await page.goto(BENCH_PAGE);
  await page.addScriptTag({ content: bundles.loader });
}

/** Call the in-page loader. */
export function loader<K extends keyof BenchLoader>(
  page: Page,
  fn: K,
  ...args: Parameters<BenchLoader[K]>
): Promise<Awaited<ReturnType<BenchLoader[K]>>> {
  return page.evaluate(
    ([f, a]) =>
      (globalThis as unknown as { __benchLoader: Record<string, (...x: unknown[]) => unknown> }).__benchLoader[f]!(
        ...a,
      ),
    [fn, args] as const,
  ) as Promise<Awaited<ReturnType<BenchLoader[K]>>>;
}

/** Call the in-page probe. */
export function probe<K extends keyof BenchProbe>(
  page: Page,
  fn: K,
  ...args: Parameters<BenchProbe[K]>
): Promise<Awaited<ReturnType<BenchProbe[K]>>> {
  return page.evaluate(
    ([f, a]) =>
      (globalThis as unknown as { __benchProbe: Record<string, (...x: unknown[]) => unknown> }).__benchProbe[f]!(...a),
    [fn, args] as const,
  ) as Promise<Awaited<ReturnType<BenchProbe[K]>>>;
}

/** "Chromium 156.0.8078.108 …" as the binary reports it. */
export function chromiumVersion(): string {
  try {
    return execFileSync(CHROMIUM_PATH || 'chromium', ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return 'unknown';
  }
}
