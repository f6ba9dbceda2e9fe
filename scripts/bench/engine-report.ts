/**
 * What the grid engine did, read from the page: how it opened its index (the engine's own
 * counters, shown on the Leads page as data attributes of the engine note), whether the stored
 * snapshot is at the data version (IndexedDB, read directly), and the worker's own step timings
 * (User Timing measures `engine:*` and `block:*` in the grid worker, see src/workers/grid-timing.ts).
 * Counters and worker-side timings say where time went even on a loaded machine.
 */
import type { Page } from '@playwright/test';

export interface StepStats {
  count: number;
  total_ms: number;
  median_ms: number;
  max_ms: number;
}

export interface EngineReport {
  snapshot: string | null;
  rowsRead: number | null;
  saveFailed: string | null;
  /** The stored snapshot's data version equals the database's. */
  snapshotCurrent: boolean | null;
  steps: Record<string, StepStats>;
}

const GRID_WORKER = /grid[.-]worker|grid\.worker/;

/** The measures of the worker whose URL matches `which` (the grid worker by default) that started at or after `since` (its clock), summarised by name. */
export async function workerSteps(page: Page, since = 0, which = GRID_WORKER): Promise<Record<string, StepStats>> {
  const worker = page.workers().find((w) => which.test(w.url()));
  if (!worker) return {};
  const entries = (await worker
    .evaluate(
      (from) =>
        performance
          .getEntriesByType('measure')
          .filter((e) => e.startTime >= from)
          .map((e) => [e.name, e.duration] as [string, number]),
      since,
    )
    .catch(() => [])) as [string, number][];
  const by = new Map<string, number[]>();
  for (const [name, ms] of entries) (by.get(name) ?? by.set(name, []).get(name)!).push(ms);
  const out: Record<string, StepStats> = {};
  for (const [name, xs] of [...by].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const s = [...xs].sort((a, b) => a - b);
    const r = (x: number) => Math.round(x * 10) / 10;
    out[name] = {
      count: s.length,
      total_ms: r(s.reduce((a, b) => a + b, 0)),
      median_ms: r(s[s.length >> 1]!),
      max_ms: r(s[s.length - 1]!),
    };
  }
  return out;
}

/**
 * The grid worker's steps named `names` on the page's clock (ms since the page's navigation):
 * `worker` is when the worker's global scope was created, each step its [start, end] (the last
 * of a name). For a cold start, to tell the engine's path from the page's.
 */
export async function workerOnPageClock(
  page: Page,
  names: readonly string[],
): Promise<{ worker: number | null; steps: Record<string, [number, number]> }> {
  const worker = page.workers().find((w) => GRID_WORKER.test(w.url()));
  if (!worker) return { worker: null, steps: {} };
  const pageOrigin = (await page.evaluate(() => performance.timeOrigin)) as number;
  const got = (await worker
    .evaluate(
      (wanted) => ({
        origin: performance.timeOrigin,
        entries: performance
          .getEntriesByType('measure')
          .filter((e) => wanted.includes(e.name))
          .map((e) => [e.name, e.startTime, e.duration] as [string, number, number]),
      }),
      [...names],
    )
    .catch(() => null)) as { origin: number; entries: [string, number, number][] } | null;
  if (!got) return { worker: null, steps: {} };
  const shift = got.origin - pageOrigin;
  const steps: Record<string, [number, number]> = {};
  for (const [name, start, ms] of got.entries) steps[name] = [shift + start, shift + start + ms];
  return { worker: shift, steps };
}

/** The clock now of the worker whose URL matches `which` (the grid worker by default), for `workerSteps(page, since, which)`. */
export async function workerNow(page: Page, which = GRID_WORKER): Promise<number> {
  const worker = page.workers().find((w) => which.test(w.url()));
  return worker ? ((await worker.evaluate(() => performance.now()).catch(() => 0)) as number) : 0;
}

/** Whether the engine's stored snapshot is of the data as they are now (null: not readable). */
function snapshotIsCurrent(page: Page, since = 0): Promise<boolean | null> {
  return page.evaluate(
    (since) =>
      new Promise<boolean | null>((resolve) => {
        const open = indexedDB.open('leadledger');
        open.onerror = () => resolve(null);
        open.onsuccess = () => {
          // The snapshot's head in the engine's cache; the data version in the change-log table (v008).
          const tx = open.result.transaction(['engine', 'changes'], 'readonly');
          const head = tx.objectStore('engine').get('grid:head');
          const version = tx.objectStore('changes').get('dataVersion');
          version.onsuccess = () => {
            const stored = head.result as { dataVersion?: string; builtAt?: number } | undefined;
            const h = stored?.dataVersion ?? null;
            const v = (version.result as { value?: string } | undefined)?.value ?? null;
            resolve(h !== null && h === v && (stored?.builtAt ?? 0) >= since);
            open.result.close();
          };
        };
      }),
    since,
  );
}

/**
 * Wait until the engine has stored the snapshot of the data as they are now: the warm-up's full
 * build stores it chunk by chunk after its first answer, and a session closed before that would
 * leave every run to build again. Returns how long it waited, or null when it never was stored.
 */
export async function waitForSnapshot(page: Page, timeoutMs: number, since = 0): Promise<number | null> {
  const t0 = Date.now();
  while (Date.now() - t0 < timeoutMs) {
    if (await snapshotIsCurrent(page, since)) return Date.now() - t0;
    await page.waitForTimeout(1_000);
  }
  return null;
}

/** The engine note's counters and the snapshot's state, with the worker's steps so far. */
export async function engineReport(page: Page): Promise<EngineReport> {
  const note = page.getByTestId('engine-note');
  await note.waitFor({ state: 'visible', timeout: 60_000 }).catch(() => undefined);
  const attr = async (name: string) => ((await note.count()) ? await note.getAttribute(name) : null);
  const rowsRead = await attr('data-rows-read');
  const snapshotCurrent = await snapshotIsCurrent(page);
  return {
    snapshot: await attr('data-snapshot'),
    rowsRead: rowsRead === null ? null : Number(rowsRead),
    saveFailed: await attr('data-save-failed'),
    snapshotCurrent,
    steps: await workerSteps(page),
  };
}

/** One line for the bench log. */
export function formatSteps(steps: Record<string, StepStats>): string {
  return Object.entries(steps)
    .map(([name, s]) =>
      s.count === 1 ? `${name} ${s.total_ms} ms` : `${name} ×${s.count} med ${s.median_ms} max ${s.max_ms} ms`,
    )
    .join('; ');
}

/**
 * Wait until the engine's set of listed numbers is stored (src/db/repos/listed-numbers-repo.ts),
 * as it is on any machine the engine has been open on a while: a profile loaded before the set
 * existed reads it once (the keys of every listed number). Returns how long that took (0: stored).
 */
export async function listedNumbersReady(page: Page, timeoutMs: number): Promise<number> {
  const t0 = Date.now();
  const stored = () =>
    page.evaluate(
      () =>
        new Promise<boolean>((resolve) => {
          const open = indexedDB.open('leadledger');
          open.onerror = () => resolve(false);
          open.onsuccess = () => {
            const get = open.result.transaction('engine', 'readonly').objectStore('engine').getKey('dnc-listed');
            get.onsuccess = () => {
              resolve(get.result !== undefined);
              open.result.close();
            };
            get.onerror = () => resolve(false);
          };
        }),
    );
  while (!(await stored())) {
    if (Date.now() - t0 > timeoutMs) throw new Error('the engine never stored its listed numbers');
    await page.waitForTimeout(1_000);
  }
  return Date.now() - t0;
}
