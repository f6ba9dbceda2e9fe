import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, expect, type BrowserContext, type BrowserContextOptions, type TestInfo } from '@playwright/test';

/** What is read of the test (or worker) info: the project's options and output folder. */
type Info = Pick<TestInfo, 'project'>;

/**
 * A browser profile with the demo data already seeded, as a copy of one template profile per run.
 *
 * Seeding a fresh profile writes ~20,000 leads (23 s on an idle machine, 50–135 s under CI's
 * load), and every spec that needs a seeded profile of its own used to pay it again. The first
 * test that asks seeds one persistent Chromium profile (in the run's output folder, so each run
 * seeds with its own day), closes it — which flushes IndexedDB to disk — and marks it ready;
 * every caller then gets a copy of that folder, opened as a persistent context. A copy is the
 * same origin's IndexedDB byte for byte, so the profile starts exactly where a first start ends.
 *
 * Workers run in separate processes: whoever creates the lock folder seeds, the others wait for
 * the ready mark (a lock whose process died is taken over). Tests of seeding itself (first
 * start, two tabs, the progress line, upgrade) keep opening empty profiles.
 */

/** How the project's browser is launched, for a persistent profile (launchPersistentContext takes both). */
export function profileOptions(info: Info, extra: BrowserContextOptions = {}) {
  const use = info.project.use;
  return {
    ...(use.launchOptions?.executablePath ? { executablePath: use.launchOptions.executablePath } : {}),
    args: use.launchOptions?.args ?? [],
    headless: true,
    baseURL: use.baseURL,
    viewport: use.viewport ?? { width: 1440, height: 900 },
    ...(use.userAgent ? { userAgent: use.userAgent } : {}),
    deviceScaleFactor: use.deviceScaleFactor ?? 1,
    locale: 'en-US',
    ...extra,
  };
}

const root = (info: Info) => path.join(info.project.outputDir, '.seeded-profile');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The pid written in a lock folder; 0 while its owner has not written it yet. */
function ownerOf(lock: string): number {
  try {
    return Number(readFileSync(path.join(lock, 'pid'), 'utf8').trim() || 0);
  } catch {
    return 0;
  }
}

async function seedTemplate(dir: string, info: Info) {
  const context = await chromium.launchPersistentContext(dir, { ...profileOptions(info), serviceWorkers: 'block' });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto('/');
    await expect(page.getByTestId('figure-leads')).toContainText(/[1-9]/, { timeout: 420_000 });
  } finally {
    await context.close();
  }
}

/** The ready template's folder: seeded here, or by another worker of this run. */
async function template(info: Info): Promise<string> {
  const base = root(info);
  const dir = path.join(base, 'profile');
  const ready = path.join(base, 'ready');
  const lock = path.join(base, 'lock');
  mkdirSync(base, { recursive: true });
  for (;;) {
    if (existsSync(ready)) return dir;
    try {
      mkdirSync(lock);
    } catch {
      // Another worker is seeding; take over only if its process is gone (no pid yet: it has just begun).
      const owner = ownerOf(lock);
      if (owner && !alive(owner)) rmSync(lock, { recursive: true, force: true });
      else await new Promise((r) => setTimeout(r, 250));
      continue;
    }
    writeFileSync(path.join(lock, 'pid'), String(process.pid));
    try {
      rmSync(dir, { recursive: true, force: true });
      const t0 = Date.now();
      await seedTemplate(dir, info);
      console.log(`seeded-profile · template seeded in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      writeFileSync(ready, String(Date.now()));
      return dir;
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}

/** A fresh folder holding a copy of the seeded template (the caller launches it and removes it). */
export async function seededProfileDir(info: Info): Promise<string> {
  const source = await template(info);
  const dir = mkdtempSync(path.join(tmpdir(), 'leadledger-seeded-'));
  const t0 = Date.now();
  // Never a lock of the browser that seeded it (it closed cleanly, so there should be none).
  cpSync(source, dir, { recursive: true, filter: (from) => !/[/\\]Singleton(Lock|Socket|Cookie)$/.test(from) });
  console.log(`seeded-profile · copied in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return dir;
}

/**
 * A persistent context on a copy of the seeded template, with the project's viewport and user
 * agent (and `options`, e.g. a locale). Closing it removes the copy.
 */
export async function seededProfile(info: Info, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const dir = await seededProfileDir(info);
  const context = await chromium.launchPersistentContext(dir, profileOptions(info, options));
  // The browser may still be writing its last files as the context reports closed: retry, never throw.
  context.once('close', () => void rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 }).catch(() => {}));
  return context;
}
