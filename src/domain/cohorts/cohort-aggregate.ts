/**
 * Cohort figures over a columnar snapshot: leads grouped by acquisition period (in the
 * organisation's zone, as the snapshot was built) and split by source, campaign, region or
 * entry method. Also the per-series totals over the whole range (medians cannot be added
 * up from cohort medians) and, per cohort, whether its N-day window is complete yet.
 */
import { MS_PER_DAY, cohortRange, type CohortGrain } from '../time/calendar';
import type { CohortMetrics, MedianMetric } from './cohort-rates';
import type { CodeColumn, ColumnarSnapshot } from './columnar-snapshot';
import { periodAtOrAfter, periodBefore, type GrainIndex } from './grain-index';
import { groupStats, leadsOf, metricsOf } from './group-stats';

export const COHORT_SPLITS = ['none', 'source', 'campaign', 'region', 'entry'] as const;
export type CohortSplit = (typeof COHORT_SPLITS)[number];

export interface CohortQuery {
  grain: CohortGrain;
  split: CohortSplit;
  /** First and last cohort of the range (keys of any grain; inclusive). */
  from?: string | undefined;
  to?: string | undefined;
  /** N of "converted within N days of acquisition". */
  windowDays: number;
  /** Medians to compute (default all); each one costs more than all the counts together. */
  medians?: readonly MedianMetric[] | undefined;
}

export interface CohortPeriod {
  key: string;
  start: number;
  end: number;
  /** Every lead of the cohort has had its full N days (the period ended N days before now). */
  windowComplete: boolean;
}

export interface CohortCell extends CohortMetrics {
  cohort: number;
  series: number;
}

export interface SeriesTotal extends CohortMetrics {
  series: number;
}

export interface CohortAggregate {
  grain: CohortGrain;
  split: CohortSplit;
  windowDays: number;
  now: number;
  timeZone: string;
  /** Every period of this grain that holds leads, for range pickers, and when each starts. */
  keys: string[];
  keyStarts: number[];
  /** The periods in range that hold leads, oldest first. */
  cohorts: CohortPeriod[];
  /** Split values (`''` is "none"), most leads first; `['']` when not split. */
  series: string[];
  /** One per cohort and series with at least one lead. */
  cells: CohortCell[];
  totals: SeriesTotal[];
}

/** The split column and its dictionary, or null when not split. */
export function splitColumn(s: ColumnarSnapshot, split: CohortSplit): { codes: CodeColumn; values: string[] } | null {
  switch (split) {
    case 'none':
      return null;
    case 'source':
      return { codes: s.source, values: s.sources };
    case 'campaign':
      return { codes: s.campaign, values: s.campaigns };
    case 'region':
      return { codes: s.region, values: s.regions };
    case 'entry':
      return { codes: s.entry, values: s.entries };
  }
}

/** Period indexes [first, last] of the query's range in `index`. */
export function rangeIndexes(index: GrainIndex, timeZone: string, from?: string, to?: string): [number, number] {
  const a = from ? cohortRange(from, timeZone) : null;
  const b = to ? cohortRange(to, timeZone) : null;
  return [a ? periodAtOrAfter(index, a.from) : 0, b ? periodBefore(index, b.to) : index.keys.length - 1];
}

/** Cohort index (from k0) per lead within [k0, k1], times S plus the split code when given; else −1. */
export function cohortOfLeads(
  s: ColumnarSnapshot,
  index: GrainIndex,
  k0: number,
  k1: number,
  codes?: CodeColumn,
  S = 1,
): Int32Array {
  const out = new Int32Array(s.n);
  const { day } = s;
  const { ofDay } = index;
  if (codes) {
    for (let i = 0; i < s.n; i++) {
      const c = ofDay[day[i]!]!;
      out[i] = c >= k0 && c <= k1 ? (c - k0) * S + codes[i]! : -1;
    }
  } else {
    for (let i = 0; i < s.n; i++) {
      const c = ofDay[day[i]!]!;
      out[i] = c >= k0 && c <= k1 ? c - k0 : -1;
    }
  }
  return out;
}

/** The figures of every cohort × series in the query's range. */
export function aggregateCohorts(s: ColumnarSnapshot, q: CohortQuery, now: number): CohortAggregate {
  const index = s.grains[q.grain];
  const [k0, k1] = rangeIndexes(index, s.timeZone, q.from, q.to);
  const K = Math.max(0, k1 - k0 + 1);
  const col = splitColumn(s, q.split);
  const S = col ? col.values.length : 1;
  // Group = cohort × S + split code; its roll-up is the split code alone (the series total).
  const groupOf = cohortOfLeads(s, index, k0, k1, col?.codes, S);
  const rollupOf = new Int32Array(K * S);
  for (let g = 0; g < K * S; g++) rollupOf[g] = g % S;
  const { cells: cellStats, rollup } = groupStats(
    s,
    { groupOf, groups: K * S, rollupOf, rollups: S },
    q.windowDays,
    q.medians,
  );
  const totalStats = rollup!;

  const order = Array.from({ length: S }, (_, v) => v).filter((v) => leadsOf(totalStats, v) > 0);
  const values = col ? col.values : [''];
  order.sort((a, b) => leadsOf(totalStats, b) - leadsOf(totalStats, a) || values[a]!.localeCompare(values[b]!));
  const seriesIndex = new Int32Array(S).fill(-1);
  order.forEach((v, j) => (seriesIndex[v] = j));

  const cohorts: CohortPeriod[] = [];
  const cells: CohortCell[] = [];
  const windowMs = q.windowDays * MS_PER_DAY;
  for (let c = 0; c < K; c++) {
    const before = cells.length;
    for (const v of order) {
      const g = c * S + v;
      if (leadsOf(cellStats, g) > 0)
        cells.push({ ...metricsOf(cellStats, g), cohort: cohorts.length, series: seriesIndex[v]! });
    }
    if (cells.length === before) continue;
    const k = k0 + c;
    cohorts.push({
      key: index.keys[k]!,
      start: index.starts[k]!,
      end: index.ends[k]!,
      windowComplete: index.ends[k]! + windowMs <= now,
    });
  }
  const held = index.keys.map((_, k) => k).filter((k) => hasLeads(s, index, k));
  return {
    grain: q.grain,
    split: q.split,
    windowDays: q.windowDays,
    now,
    timeZone: s.timeZone,
    keys: held.map((k) => index.keys[k]!),
    keyStarts: held.map((k) => index.starts[k]!),
    cohorts,
    series: order.map((v) => values[v]!),
    cells,
    totals: order.map((v, j) => ({ ...metricsOf(totalStats, v), series: j })),
  };
}

const occupied = new WeakMap<GrainIndex, Uint8Array>();

/** Whether period k of `index` holds any lead (cached per snapshot grain). */
function hasLeads(s: ColumnarSnapshot, index: GrainIndex, k: number): boolean {
  let seen = occupied.get(index);
  if (!seen) {
    seen = new Uint8Array(index.keys.length);
    for (let i = 0; i < s.n; i++) seen[index.ofDay[s.day[i]!]!] = 1;
    occupied.set(index, seen);
  }
  return seen[k] === 1;
}
