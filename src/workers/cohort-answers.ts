/**
 * The cohort questions, answered by the engine (decision 035): the cohort snapshot is read off
 * the grid's lead columns (snapshot-from-columns.ts) — no lead, call or consent is read for it —
 * and kept until the engine applies a change or the catalogue or settings move. A write costs
 * the next cohort question one pass over the columns, at a million leads well under a second.
 */
import type { LeadsDb } from '../db/leads-db';
import { listCampaigns, listSources } from '../db/repos/catalog-repo';
import { getSettings } from '../db/repos/settings-repo';
import type { Campaign } from '../domain/catalog/campaign';
import { aggregateCampaigns, type CampaignPerformance } from '../domain/cohorts/campaign-aggregate';
import { aggregateCohorts, type CohortAggregate, type CohortQuery } from '../domain/cohorts/cohort-aggregate';
import type { MedianMetric } from '../domain/cohorts/cohort-rates';
import { cohortTriangle, type CohortTriangle, type TriangleQuery } from '../domain/cohorts/cohort-triangle';
import type { ColumnarSnapshot } from '../domain/cohorts/columnar-snapshot';
import { snapshotFromColumns } from '../domain/cohorts/snapshot-from-columns';
import { stageMix, type StageMix, type StageMixQuery } from '../domain/cohorts/stage-mix';
import type { LeadColumns } from '../domain/leads/index/lead-columns';
import { measureSince } from './grid-timing';

export interface SnapshotMeta {
  leads: number;
  timeZone: string;
  sources: { id: string; name: string; kind: string }[];
  campaigns: Campaign[];
  /** The organisation's dormant period the lifecycle stages are read with (docs/lifecycle.md). */
  dormantDays: number;
  /** How long the snapshot took to read off the engine's columns, ms (0: kept from an earlier question). */
  buildMs: number;
  /** The engine's data version it was read at. */
  version: number;
}

/** A result with the time the engine spent computing it (not counting the snapshot). */
export interface Timed<T> {
  value: T;
  ms: number;
  meta: SnapshotMeta;
}

/** The engine's columns as they are now, and its data version. */
export type CurrentColumns = () => Promise<{ cols: LeadColumns; version: number }>;

export function createCohortAnswers(db: LeadsDb, current: CurrentColumns) {
  let kept: {
    cols: LeadColumns;
    version: number;
    catalogue: string;
    snap: ColumnarSnapshot;
    meta: SnapshotMeta;
  } | null = null;

  async function snapshot(): Promise<{ snap: ColumnarSnapshot; meta: SnapshotMeta }> {
    const { cols, version } = await current();
    const [settings, campaigns, sources] = await Promise.all([getSettings(db), listCampaigns(db), listSources(db)]);
    const timeZone = settings.orgTimeZone;
    const catalogue = JSON.stringify([timeZone, settings.dormantDays, campaigns, sources]);
    if (kept && kept.cols === cols && kept.version === version && kept.catalogue === catalogue)
      return { snap: kept.snap, meta: { ...kept.meta, buildMs: 0 } };
    const t0 = performance.now();
    const snap = snapshotFromColumns(cols, { timeZone, campaigns, sources });
    const buildMs = performance.now() - t0;
    measureSince('engine:cohort-snapshot', t0);
    const meta: SnapshotMeta = {
      leads: snap.n,
      timeZone,
      sources: sources.map(({ id, name, kind }) => ({ id, name, kind })),
      campaigns,
      dormantDays: settings.dormantDays,
      buildMs,
      version,
    };
    kept = { cols, version, catalogue, snap, meta };
    return { snap, meta };
  }

  async function timed<T>(run: (snap: ColumnarSnapshot, meta: SnapshotMeta) => T): Promise<Timed<T>> {
    const { snap, meta } = await snapshot();
    const t0 = performance.now();
    const value = run(snap, meta);
    measureSince('engine:cohort-answer', t0);
    return { value, ms: performance.now() - t0, meta };
  }

  return {
    /**
     * The snapshot read off the columns ahead of the first question: the Cohorts route asks for it
     * as it is entered, so the read runs while the screen's code loads and first renders. The read
     * itself is one synchronous pass, so a question that arrives meanwhile finds it kept. Best effort.
     */
    prepareCohorts: async (): Promise<void> => {
      await snapshot().catch(() => undefined);
    },
    cohorts: (q: CohortQuery, now: number): Promise<Timed<CohortAggregate>> =>
      timed((s) => aggregateCohorts(s, q, now)),
    triangle: (q: TriangleQuery, now: number): Promise<Timed<CohortTriangle>> =>
      timed((s) => cohortTriangle(s, q, now)),
    /** Leads per lifecycle stage for every acquisition cohort, with the organisation's dormant period. */
    stageMix: (q: Omit<StageMixQuery, 'dormantDays'>, now: number): Promise<Timed<StageMix>> =>
      timed((s, meta) => stageMix(s, { ...q, dormantDays: meta.dormantDays }, now)),
    campaigns: (windowDays: number, medians: readonly MedianMetric[]): Promise<Timed<CampaignPerformance[]>> =>
      timed((s) => aggregateCampaigns(s, windowDays, medians)),
  };
}
