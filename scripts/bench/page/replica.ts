/**
 * Runs inside the benchmark's page: a fresh replica's first sync with the app's own pull loop
 * (src/features/team/api/pull-loop.ts: pages of the app's size, the next asked for while one is
 * applied by `applyPulledPage` into a database with the app's schema and middlewares), in a
 * worker as the app's sync worker runs them (workers/sync.worker.ts; here with one token, not
 * asked of the page before each request), while the page counts its own long tasks.
 * Bundled to an IIFE by page-bundles.ts; exposes `globalThis.__benchReplica`. The same script is
 * the worker's (started from a blob of it): there it answers the one sync it is asked for.
 */
import { getDb } from '../../../src/db/leads-db';
import { pullToEnd } from '../../../src/features/team/api/pull-loop';

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
}

interface Ask {
  serverUrl: string;
  token: string;
  deviceId: string;
}
type Answer = { ok: true; result: Omit<FirstSyncResult, 'longestTaskMs'> } | { ok: false; message: string };

/** The sync itself (in the worker). */
async function syncHere({ serverUrl, token, deviceId }: Ask): Promise<Omit<FirstSyncResult, 'longestTaskMs'>> {
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

if (typeof document === 'undefined')
  self.addEventListener('message', (e: MessageEvent<Ask>) => {
    syncHere(e.data).then(
      (result) => self.postMessage({ ok: true, result } satisfies Answer),
      (error: unknown) => self.postMessage({ ok: false, message: String(error) } satisfies Answer),
    );
  });

/** On the page: starts the worker from `script` (this bundle) and waits for its answer. */
async function firstSync(serverUrl: string, token: string, deviceId: string, script: string): Promise<FirstSyncResult> {
  let longestTaskMs = 0;
  const tasks = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longestTaskMs = Math.max(longestTaskMs, e.duration);
  });
  tasks.observe({ type: 'longtask', buffered: false });
  const url = URL.createObjectURL(new Blob([script], { type: 'text/javascript' }));
  const worker = new Worker(url, { name: 'bench-replica-sync' });
  try {
    const answer = await new Promise<Answer>((resolve, reject) => {
      worker.onmessage = (e: MessageEvent<Answer>) => resolve(e.data);
      worker.onerror = (e) => reject(new Error(`the replica's worker failed: ${e.message}`));
      worker.postMessage({ serverUrl, token, deviceId } satisfies Ask);
    });
    if (!answer.ok) throw new Error(answer.message);
    return { ...answer.result, longestTaskMs };
  } finally {
    tasks.disconnect();
    worker.terminate();
    URL.revokeObjectURL(url);
  }
}

export const benchReplica = { firstSync };
export type BenchReplica = typeof benchReplica;
(globalThis as unknown as { __benchReplica: BenchReplica }).__benchReplica = benchReplica;
