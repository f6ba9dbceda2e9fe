/**
 * The inner loops of every aggregate: counts and exact medians per group over a columnar
 * snapshot. Callers assign each lead a group (or −1 to skip it) and may roll groups up into
 * coarser ones (cohort × series → series) whose figures come from the same passes.
 * Medians come from group-medians.ts over the snapshot's value buckets.
 */
import { MS_PER_DAY } from '../time/calendar';
import { MEDIAN_METRICS, type CohortMetrics, type MedianMetric } from './cohort-rates';
import { BIT_CONNECTED, BIT_DNC_HIT, BIT_WRONG_NUMBER, FLAG_CONTACTED, FLAG_CONVERTED } from '../columns/lead-flags';
import type { ColumnarSnapshot } from './columnar-snapshot';
import { groupMedians } from './group-medians';

/** Counters per group, `STRIDE` apart. */
const CONTACTED = 1,
  CONNECTED = 2,
  CONVERTED = 3,
  WITHIN = 4,
  WRONG = 5,
  DNC = 6,
  STRIDE = 8;

export interface GroupStats {
  groups: number;
  counts: Int32Array;
  medianDaysToContact: Float64Array;
  medianDaysToConversion: Float64Array;
  medianDataAgeDays: Float64Array;
}

export interface Grouping {
  /** Group of lead i, or −1 to leave it out. */
  groupOf: Int32Array;
  groups: number;
  /** Optional coarser group of each group (e.g. the series of a cohort × series cell). */
  rollupOf?: Int32Array;
  rollups?: number;
}

function counting(s: ColumnarSnapshot, groupOf: Int32Array, groups: number, windowMs: number): Int32Array {
  const counts = new Int32Array(groups * STRIDE);
  const { flags, convertedAt, acquiredAt } = s;
  // Branch-free where it can be (outcome flags are close to random, so branches mispredict);
  // the shifts read FLAG_CONNECTED, FLAG_WRONG_NUMBER and FLAG_DNC_HIT (FLAG_CONTACTED is bit 0).
  for (let i = 0; i < s.n; i++) {
    const g = groupOf[i]!;
    if (g < 0) continue;
    const f = flags[i]!;
    const at = g * STRIDE;
    const contacted = f & FLAG_CONTACTED;
    counts[at]!++;
    counts[at + CONTACTED]! += contacted;
    counts[at + CONNECTED]! += (f >> BIT_CONNECTED) & contacted;
    counts[at + WRONG]! += (f >> BIT_WRONG_NUMBER) & contacted;
    counts[at + DNC]! += (f >> BIT_DNC_HIT) & 1;
    if (f & FLAG_CONVERTED) {
      counts[at + CONVERTED]!++;
      if (convertedAt[i]! - acquiredAt[i]! <= windowMs) counts[at + WITHIN]!++;
    }
  }
  return counts;
}

function rollUp(counts: Int32Array, groups: number, rollupOf: Int32Array, rollups: number): Int32Array {
  const out = new Int32Array(rollups * STRIDE);
  for (let g = 0; g < groups; g++) {
    const r = rollupOf[g]!;
    if (r >= 0) for (let k = 0; k < STRIDE; k++) out[r * STRIDE + k]! += counts[g * STRIDE + k]!;
  }
  return out;
}

export interface GroupStatsResult {
  cells: GroupStats;
  rollup: GroupStats | null;
}

/**
 * Counts and medians for every group (and roll-up group) of `grouping`. Each median costs
 * two more passes over the leads, so only the `wanted` ones are computed (others are null).
 */
export function groupStats(
  s: ColumnarSnapshot,
  grouping: Grouping,
  windowDays: number,
  wanted: readonly MedianMetric[] = MEDIAN_METRICS,
): GroupStatsResult {
  const { groupOf, groups, rollupOf, rollups = 0 } = grouping;
  const counts = counting(s, groupOf, groups, windowDays * MS_PER_DAY);
  const up = rollupOf ? rollUp(counts, groups, rollupOf, rollups) : null;
  const none: [Float64Array, Float64Array] = [new Float64Array(groups).fill(NaN), new Float64Array(rollups).fill(NaN)];
  // The buckets are read only for a wanted median: the snapshot works each out on first read.
  const median = (m: MedianMetric, bucket: () => Uint8Array, from: Float64Array, to: Float64Array) =>
    wanted.includes(m) ? groupMedians(bucket(), from, to, groupOf, groups, rollupOf, rollups) : none;
  const [contactC, contactR] = median('medianDaysToContact', () => s.contactBucket, s.createdAt, s.firstContactAt);
  const [convC, convR] = median('medianDaysToConversion', () => s.conversionBucket, s.acquiredAt, s.convertedAt);
  const [ageC, ageR] = median('medianDataAgeDays', () => s.ageBucket, s.acquiredAt, s.createdAt);
  return {
    cells: { groups, counts, medianDaysToContact: contactC, medianDaysToConversion: convC, medianDataAgeDays: ageC },
    rollup: up
      ? {
          groups: rollups,
          counts: up,
          medianDaysToContact: contactR,
          medianDaysToConversion: convR,
          medianDataAgeDays: ageR,
        }
      : null,
  };
}

const orNull = (v: number) => (Number.isNaN(v) ? null : v);

/** Group `g`'s figures as one plain object. */
export function metricsOf(st: GroupStats, g: number): CohortMetrics {
  const c = st.counts;
  const at = g * STRIDE;
  return {
    leads: c[at]!,
    contacted: c[at + CONTACTED]!,
    connected: c[at + CONNECTED]!,
    converted: c[at + CONVERTED]!,
    convertedWithin: c[at + WITHIN]!,
    wrongNumber: c[at + WRONG]!,
    dncHit: c[at + DNC]!,
    medianDaysToContact: orNull(st.medianDaysToContact[g]!),
    medianDaysToConversion: orNull(st.medianDaysToConversion[g]!),
    medianDataAgeDays: orNull(st.medianDataAgeDays[g]!),
  };
}

/** Leads in group `g`. */
export const leadsOf = (st: GroupStats, g: number): number => st.counts[g * STRIDE]!;
