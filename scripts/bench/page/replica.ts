/**
 * Runs inside the benchmark's blank page: a fresh replica's first sync, as the app's sync round
 * pulls (src/features/team/api/sync-runner.ts): pages of the app's default size from the team
 * server, each applied with the app's own `applyPulledPage` into the app's database (its schema,
 * its middlewares), until the server has no more. Fetching and applying are timed apart.
 * Bundled to an IIFE by page-bundles.ts; exposes `globalThis.__benchReplica`.
 */
import { getDb } from '../../../src/db/leads-db';
import { applyPulledPage } from '../../../src/db/repos/sync-pull-repo';
import { getCursor } from '../../../src/db/repos/sync-state-repo';
import { pull } from '../../../src/features/team/api/team-client';

export interface FirstSyncResult {
  ms: number;
  fetchMs: number;
  applyMs: number;
  pages: number;
  leads: number;
  calls: number;
}

async function firstSync(serverUrl: string, token: string, deviceId: string): Promise<FirstSyncResult> {
  const db = getDb();
  const started = performance.now();
  let fetchMs = 0;
  let applyMs = 0;
  let pages = 0;
  for (;;) {
    const t0 = performance.now();
    const page = await pull(serverUrl, token, await getCursor(db));
    const t1 = performance.now();
    await applyPulledPage(db, page, deviceId);
    fetchMs += t1 - t0;
    applyMs += performance.now() - t1;
    pages++;
    if (!page.more) break;
  }
  const ms = performance.now() - started;
  return { ms, fetchMs, applyMs, pages, leads: await db.leads.count(), calls: await db.calls.count() };
}

export const benchReplica = { firstSync };
export type BenchReplica = typeof benchReplica;
(globalThis as unknown as { __benchReplica: BenchReplica }).__benchReplica = benchReplica;
