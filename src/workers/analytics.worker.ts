/**
 * The analytics worker (DESIGN.md §5, §6 P3). It keeps one columnar snapshot of the leads
 * and their calls, built from IndexedDB page by page — or read back from the engine's cache when
 * the data have not moved since it was stored (cohort-snapshot-repo.ts) — and answers every
 * cohort question from it; no interaction scans Dexie rows. Dexie's `storagemutated` event (which reaches this
 * worker from any tab or worker through a BroadcastChannel) marks the snapshot stale when
 * leads, calls, campaigns, sources or settings change; the next question rebuilds it, and
 * subscribers hear of the change so their screens ask again.
 */
import '../domain/zod-jitless';
import { expose } from 'comlink';
import Dexie from 'dexie';
import { LeadsDb } from '../db/leads-db';
import { getSettings } from '../db/repos/settings-repo';
import { loadCohortSnapshot, saveCohortSnapshot } from '../db/repos/cohort-snapshot-repo';
import { readDataVersion } from '../db/repos/engine-snapshot-repo';
import type { Campaign } from '../domain/catalog/campaign';
import type { Source } from '../domain/catalog/source';
import { aggregateCampaigns, type CampaignPerformance } from '../domain/cohorts/campaign-aggregate';
import { aggregateCohorts, type CohortAggregate, type CohortQuery } from '../domain/cohorts/cohort-aggregate';
import type { MedianMetric } from '../domain/cohorts/cohort-rates';
import { cohortTriangle, type CohortTriangle, type TriangleQuery } from '../domain/cohorts/cohort-triangle';
import { SnapshotBuilder, type ColumnarSnapshot } from '../domain/cohorts/columnar-snapshot';
import { stageMix, type StageMix, type StageMixQuery } from '../domain/cohorts/stage-mix';

export interface SnapshotMeta {
  leads: number;
  timeZone: string;
  sources: { id: string; name: string; kind: string }[];
  campaigns: Campaign[];
  /** The organisation's dormant period the lifecycle stages are read with (docs/lifecycle.md). */
  dormantDays: number;
  /** How long the last snapshot took to build from IndexedDB (or to read back, when `stored`), ms. */
  buildMs: number;
  /** The snapshot was read back from the engine's cache (cohort-snapshot-repo.ts), not built. */
  stored: boolean;
  version: number;
}

/** A result with the time the worker spent computing it (not counting a rebuild). */
export interface Timed<T> {
  value: T;
  ms: number;
  meta: SnapshotMeta;
}

// A scrub changes the leads' DNC status without writing them (scrub-overlay.ts).
const WATCHED = ['leads', 'calls', 'consents', 'dncScrubs', 'campaigns', 'sources', 'settings'];
const PAGE = 20_000;
const db = new LeadsDb();
let version = 0;
let stale = true;
let current: Promise<{ snap: ColumnarSnapshot; meta: SnapshotMeta }> | null = null;
const subscribers = new Set<(version: number) => void>();
let notify: ReturnType<typeof setTimeout> | undefined;

Dexie.on('storagemutated', (parts) => {
  const prefixes = WATCHED.map((t) => `idb://${db.name}/${t}/`);
  if (!Object.keys(parts).some((p) => prefixes.some((x) => p.startsWith(x)))) return;
  stale = true;
  version++;
  // An import commits many transactions in a row: tell screens once it settles.
  clearTimeout(notify);
  notify = setTimeout(() => subscribers.forEach((cb) => cb(version)), 300);
});

/** Every row of a table in primary-key pages, so no more than one page is held at a time. */
async function eachPage<T extends { id: number }>(
  read: (after: number) => Promise<T[]>,
  each: (row: T) => void,
): Promise<void> {
  let after = -Infinity;
  for (;;) {
    const page = await read(after);
    for (const row of page) each(row);
    if (page.length < PAGE) return;
    after = page[page.length - 1]!.id;
  }
}

async function build(): Promise<{ snap: ColumnarSnapshot; meta: SnapshotMeta }> {
  const started = performance.now();
  const builtFor = version;
  // The version first: a write after this read makes the stored snapshot (and this build) stale.
  const dataVersion = await readDataVersion(db);
  const [settings, campaigns, sources, stored] = await Promise.all([
    getSettings(db),
    db.campaigns.toArray(),
    db.sources.toArray(),
    loadCohortSnapshot(db, dataVersion),
  ]);
  const snap = stored ?? (await buildFromTables(settings.orgTimeZone, campaigns, sources));
  if (!stored) await saveCohortSnapshot(db, snap, dataVersion).catch(() => false);
  const buildMs = performance.now() - started;
  performance.measure(stored ? 'leadledger:analytics-snapshot-read' : 'leadledger:analytics-snapshot', {
    start: started,
  });
  return {
    snap,
    meta: {
      leads: snap.n,
      timeZone: settings.orgTimeZone,
      sources: sources.map(({ id, name, kind }) => ({ id, name, kind })),
      campaigns,
      dormantDays: settings.dormantDays,
      buildMs,
      stored: stored !== null,
      version: builtFor,
    },
  };
}

/** Every lead, call and consent read page by page into a new snapshot. */
async function buildFromTables(timeZone: string, campaigns: Campaign[], sources: Source[]): Promise<ColumnarSnapshot> {
  const builder = new SnapshotBuilder({ timeZone, campaigns, sources }, await db.leads.count());
  await eachPage(
    (after) => db.leads.where(':id').above(after).limit(PAGE).toArray(),
    (lead) => builder.addLead(lead),
  );
  await eachPage(
    (after) => db.calls.where(':id').above(after).limit(PAGE).toArray(),
    (call) => builder.addCall(call),
  );
  // Only a withdrawal matters here (the lifecycle's "suppressed"), but a later grant lifts it: read them all.
  await eachPage(
    (after) => db.consents.where(':id').above(after).limit(PAGE).toArray(),
    (event) => builder.addConsent(event),
  );
  return builder.build();
}

function snapshot() {
  if (stale || !current) {
    stale = false;
    current = build();
    current.catch(() => (stale = true));
  }
  return current;
}

async function timed<T>(run: (snap: ColumnarSnapshot, meta: SnapshotMeta) => T): Promise<Timed<T>> {
  const { snap, meta } = await snapshot();
  const t0 = performance.now();
  const value = run(snap, meta);
  return { value, ms: performance.now() - t0, meta };
}

const api = {
  cohorts: (q: CohortQuery, now: number): Promise<Timed<CohortAggregate>> => timed((s) => aggregateCohorts(s, q, now)),
  triangle: (q: TriangleQuery, now: number): Promise<Timed<CohortTriangle>> => timed((s) => cohortTriangle(s, q, now)),
  /** Leads per lifecycle stage for every acquisition cohort, with the organisation's dormant period. */
  stageMix: (q: Omit<StageMixQuery, 'dormantDays'>, now: number): Promise<Timed<StageMix>> =>
    timed((s, meta) => stageMix(s, { ...q, dormantDays: meta.dormantDays }, now)),
  campaigns: (windowDays: number, medians: readonly MedianMetric[]): Promise<Timed<CampaignPerformance[]>> =>
    timed((s) => aggregateCampaigns(s, windowDays, medians)),
  /** `callback` must be wrapped in comlink's `proxy`. */
  onChange(callback: (version: number) => void): void {
    subscribers.add(callback);
  },
};

export type AnalyticsApi = typeof api;

expose(api);
