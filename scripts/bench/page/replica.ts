/**
 * Runs inside the benchmark's page: a fresh replica's first sync with the app's own pull loop
 * (src/features/team/api/pull-loop.ts: pages of the app's size, the next asked for while one is
 * applied by `applyPulledPage` into a database with the app's schema and middlewares).
 * Bundled to an IIFE by page-bundles.ts; exposes `globalThis.__benchReplica`.
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
  /** The longest main-thread task while it ran (the sync round runs on the page). */
  longestTaskMs: number;
}

async function firstSync(serverUrl: string, token: string, deviceId: string): Promise<FirstSyncResult> {
  const db = getDb();
  let longestTaskMs = 0;
  const tasks = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longestTaskMs = Math.max(longestTaskMs, e.duration);
  });
  tasks.observe({ type: 'longtask', buffered: false });
  const started = performance.now();
  const times = await pullToEnd(db, serverUrl, async () => token, deviceId);
  const ms = performance.now() - started;
  tasks.disconnect();
  return {
    longestTaskMs,
    ms,
    fetchMs: times.waitMs,
    applyMs: times.applyMs,
    pages: times.pages,
    leads: await db.leads.count(),
    calls: await db.calls.count(),
  };
}

export const benchReplica = { firstSync };
export type BenchReplica = typeof benchReplica;
(globalThis as unknown as { __benchReplica: BenchReplica }).__benchReplica = benchReplica;
