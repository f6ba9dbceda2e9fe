/**
 * Runs inside the benchmark's page: a fresh replica's first sync with the app's own pull loop
 * (src/features/team/api/pull-loop.ts: pages of the app's size, the next asked for while one is
 * applied by `applyPulledPage` into a database with the app's schema and middlewares), in a
 * worker as the app's sync worker runs them (workers/sync.worker.ts; here with one token, not
 * asked of the page before each request), while the page counts its own long tasks.
 * With `engine`, the app's grid engine (workers/grid-engine.ts) runs in a worker of its own
 * beside it, as in the app with the Leads screen open: it follows the writes by their signal and
 * is asked again after each change it reports; once the sync is over, the time until it answers
 * with every lead and has stored its snapshot, then a new engine's start over that replica (the
 * app's next cold start, its engine's part).
 * Bundled to an IIFE by page-bundles.ts; exposes `globalThis.__benchReplica`. The same script is
 * the workers' (started from a blob of it): there it answers what it is asked.
 */
import { getDb } from '../../../src/db/leads-db';
import { readDataVersion, storedSnapshotVersion } from '../../../src/db/repos/engine-snapshot-repo';
import { pullToEnd } from '../../../src/features/team/api/pull-loop';
import { createGridEngine } from '../../../src/workers/grid-engine';

/** The engine that followed a first sync, and the next start over its replica. */
export interface EngineFollow {
  /** Full builds while it followed (each a read of every table) and what sent it to them. */
  fullBuilds: number;
  buildMs: number;
  rebuildsFor: Record<string, number>;
  catchUps: number;
  /** The engine's own time catching up, and storing its snapshot (saves that completed). */
  catchUpMs: number;
  storeMs: number;
  /** Saves of its snapshot skipped because the data moved on meanwhile. */
  savesMoved: number;
  /** The engine's steps (its User Timing measures) that took longest in all, summed by name. */
  steps: Record<string, number>;
  /** From the sync's end to the engine answering with every lead. */
  caughtUpMs: number;
  /** From the sync's end to its snapshot stored for the data as they are. */
  storedMs: number;
  /** A new engine over the replica (the app opened again): its first answer, and how it opened. */
  reopenMs: number;
  reopenedFrom: string;
}

export interface FirstSyncResult {
  ms: number;
  /** Waiting for pages not already fetched while the previous one was applied. */
  fetchMs: number;
  applyMs: number;
  pages: number;
  leads: number;
  calls: number;
  /** Whether the pull kept a filter of held sync ids (pull-loop.ts). */
  heldFilter: boolean;
  /** The page's longest task while the worker ran the sync. */
  longestTaskMs: number;
  engine?: EngineFollow;
}

type SyncResult = Omit<FirstSyncResult, 'longestTaskMs' | 'engine'>;
type Ask =
  | { kind: 'sync'; serverUrl: string; token: string; deviceId: string }
  | { kind: 'engine' }
  | { kind: 'settle'; leads: number; syncEnded: number };
type Answer = { ok: true; result: unknown } | { ok: false; message: string };

/** The sync itself (in a worker). */
async function syncHere({ serverUrl, token, deviceId }: Extract<Ask, { kind: 'sync' }>): Promise<SyncResult> {
  const db = getDb();
  const started = performance.now();
  // The server says each page's scope; the fallback is for one that would not.
  // Alone on its database, as a round holding the sync lock is.
  const times = await pullToEnd(
    db,
    serverUrl,
    async () => token,
    deviceId,
    { role: 'steward', teamIds: [] },
    undefined,
    { exclusive: true },
  );
  const ms = performance.now() - started;
  return {
    ms,
    fetchMs: times.waitMs,
    applyMs: times.applyMs,
    pages: times.pages,
    heldFilter: times.heldFilter,
    leads: await db.leads.count(),
    calls: await db.calls.count(),
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let engine: ReturnType<typeof createGridEngine> | null = null;

/** The engine, started in this worker and asked again after each change it reports (as the grid on screen does); its first answer's time. */
async function startEngine(): Promise<{ ms: number; from: string }> {
  const started = performance.now();
  const e = (engine = createGridEngine(getDb()));
  let asking = false;
  let again = false;
  const ask = (): void => {
    if (asking) return void (again = true);
    asking = true;
    void e
      .query({}, undefined)
      .catch(() => undefined)
      .finally(() => {
        asking = false;
        if (again) {
          again = false;
          ask();
        }
      });
  };
  e.onChange(ask);
  const first = await e.query({}, undefined);
  return { ms: performance.now() - started, from: first.engine.snapshot };
}

/** Once the sync is over: until the engine answers with `leads` leads and its snapshot holds the data as they are. */
async function settle(leads: number, syncEnded: number): Promise<Omit<EngineFollow, 'reopenMs' | 'reopenedFrom'>> {
  const e = engine!;
  const db = getDb();
  // The sync's end on the page's clock, as this worker's: both count from their own origin.
  const since = () => performance.timeOrigin + performance.now() - syncEnded;
  for (;;) {
    await e.catchUpNow();
    if ((await e.query({}, undefined)).total >= leads) break;
    await sleep(50);
  }
  const caughtUpMs = since();
  while ((await storedSnapshotVersion(db)) !== (await readDataVersion(db))) {
    if (since() - caughtUpMs > 300_000)
      throw new Error('the engine stored no snapshot within 5 minutes of catching up');
    await sleep(100);
  }
  const storedMs = since();
  const measures = performance.getEntriesByType('measure');
  const rebuildsFor: Record<string, number> = {};
  for (const m of measures)
    if (m.name.startsWith('engine:catch-up:rebuild:')) {
      const why = m.name.slice('engine:catch-up:rebuild:'.length);
      rebuildsFor[why] = (rebuildsFor[why] ?? 0) + 1;
    }
  const builds = measures.filter((m) => m.name === 'engine:build:read' || m.name === 'engine:build:judge');
  const total = (names: (name: string) => boolean) =>
    measures.filter((m) => names(m.name)).reduce((s, m) => s + m.duration, 0);
  const stats = await e.stats();
  return {
    fullBuilds: measures.filter((m) => m.name === 'engine:build:read').length,
    buildMs: builds.reduce((s, m) => s + m.duration, 0),
    rebuildsFor,
    catchUps: stats.catchUps,
    catchUpMs: total((name) => name === 'engine:catch-up'),
    storeMs: total((name) => name.startsWith('engine:store:')),
    savesMoved: stats.snapshotSavesMoved,
    steps: Object.fromEntries(
      [...sumByName(measures)]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 10)
        .map(([name, ms]) => [name, Math.round(ms)]),
    ),
    caughtUpMs,
    storedMs,
  };
}

/** Each measure name's durations summed. */
function sumByName(measures: readonly PerformanceEntry[]): Map<string, number> {
  const by = new Map<string, number>();
  for (const m of measures) by.set(m.name, (by.get(m.name) ?? 0) + m.duration);
  return by;
}

if (typeof document === 'undefined')
  self.addEventListener('message', (e: MessageEvent<Ask>) => {
    const ask = e.data;
    const work: Promise<unknown> =
      ask.kind === 'sync' ? syncHere(ask) : ask.kind === 'engine' ? startEngine() : settle(ask.leads, ask.syncEnded);
    work.then(
      (result) => self.postMessage({ ok: true, result } satisfies Answer),
      (error: unknown) => self.postMessage({ ok: false, message: String(error) } satisfies Answer),
    );
  });

/** A worker of this bundle, asked one thing at a time. */
function startWorker(script: string, name: string) {
  const url = URL.createObjectURL(new Blob([script], { type: 'text/javascript' }));
  const worker = new Worker(url, { name });
  const ask = <R>(message: Ask) =>
    new Promise<R>((resolve, reject) => {
      worker.onmessage = (e: MessageEvent<Answer>) =>
        e.data.ok ? resolve(e.data.result as R) : reject(new Error(e.data.message));
      worker.onerror = (e) => reject(new Error(`the replica's ${name} worker failed: ${e.message}`));
      worker.postMessage(message);
    });
  const stop = () => {
    worker.terminate();
    URL.revokeObjectURL(url);
  };
  return { ask, stop };
}

/** On the page: starts the workers from `script` (this bundle) and waits for their answers. */
async function firstSync(
  serverUrl: string,
  token: string,
  deviceId: string,
  script: string,
  withEngine = false,
): Promise<FirstSyncResult> {
  let longestTaskMs = 0;
  const tasks = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longestTaskMs = Math.max(longestTaskMs, e.duration);
  });
  tasks.observe({ type: 'longtask', buffered: false });
  const sync = startWorker(script, 'bench-replica-sync');
  const engine = withEngine ? startWorker(script, 'bench-replica-engine') : null;
  try {
    await engine?.ask({ kind: 'engine' });
    const result = await sync.ask<SyncResult>({ kind: 'sync', serverUrl, token, deviceId });
    const syncEnded = performance.timeOrigin + performance.now();
    if (!engine) return { ...result, longestTaskMs };
    const followed = await engine.ask<Omit<EngineFollow, 'reopenMs' | 'reopenedFrom'>>({
      kind: 'settle',
      leads: result.leads,
      syncEnded,
    });
    engine.stop();
    const again = startWorker(script, 'bench-replica-engine-again');
    try {
      const reopened = await again.ask<{ ms: number; from: string }>({ kind: 'engine' });
      return {
        ...result,
        longestTaskMs,
        engine: { ...followed, reopenMs: reopened.ms, reopenedFrom: reopened.from },
      };
    } finally {
      again.stop();
    }
  } finally {
    tasks.disconnect();
    sync.stop();
    engine?.stop();
  }
}

export const benchReplica = { firstSync };
export type BenchReplica = typeof benchReplica;
(globalThis as unknown as { __benchReplica: BenchReplica }).__benchReplica = benchReplica;
