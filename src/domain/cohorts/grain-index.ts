/**
 * Cohort periods of every grain over a span of local days, built once per snapshot so the
 * aggregate maps a lead to its cohort with two array reads instead of formatting a key.
 * A lead's local day is `floor((acquiredAt + zone offset) / 1 day)` on the organisation's
 * wall clock; every period (day, ISO week, month, quarter) is a run of whole local days, so
 * a table from local day to period index is exact across DST changes and year ends.
 */
import {
  COHORT_GRAINS,
  MS_PER_DAY,
  MS_PER_HOUR,
  cohortKey,
  startOfLocalDay,
  zoneOffsetMs,
  type CohortGrain,
} from '../time/calendar';

export interface GrainIndex {
  /** Period keys in ascending order (`2026-W11`, …). */
  keys: string[];
  /** Instant each period starts (local midnight of its first day). */
  starts: Float64Array;
  /** Instant the next period starts. */
  ends: Float64Array;
  /** Period index of local day `dayBase + i`. */
  ofDay: Uint16Array;
}

export type GrainIndexes = Record<CohortGrain, GrainIndex>;

/** The local day number (days since 1970-01-01 on the wall clock of `timeZone`) of an instant. */
export function localDay(ms: number, timeZone: string): number {
  return Math.floor((ms + zoneOffsetMs(ms, timeZone)) / MS_PER_DAY);
}

/** An instant safely inside local day `day` (its local noon, give or take a DST hour). */
function insideDay(day: number, timeZone: string): number {
  const noon = day * MS_PER_DAY + 12 * MS_PER_HOUR;
  return noon - zoneOffsetMs(noon, timeZone);
}

/** No period is longer than 92 days, so this margin holds the whole first and last period. */
const MARGIN = 93;

/** Period tables for local days `firstDay … lastDay` (inclusive). */
export function buildGrainIndexes(firstDay: number, lastDay: number, timeZone: string): GrainIndexes {
  const out = {} as GrainIndexes;
  const empty = lastDay < firstDay;
  const lo = firstDay - MARGIN;
  const hi = lastDay + MARGIN;
  const inside: number[] = [];
  if (!empty) for (let d = lo; d <= hi; d++) inside.push(insideDay(d, timeZone));
  for (const grain of COHORT_GRAINS) {
    const keys: string[] = [];
    const starts: number[] = [];
    const ends: number[] = [];
    const ofDay = new Uint16Array(empty ? 0 : lastDay - firstDay + 1);
    if (!empty) {
      const dayKeys = inside.map((ms) => cohortKey(ms, grain, timeZone));
      let runStart = 0;
      for (let i = 1; i <= dayKeys.length; i++) {
        if (i < dayKeys.length && dayKeys[i] === dayKeys[runStart]) continue;
        // Run [runStart, i) of days is one period; keep it when it touches [firstDay, lastDay].
        const d0 = lo + runStart;
        const d1 = lo + i - 1;
        if (d1 >= firstDay && d0 <= lastDay && runStart > 0 && i < dayKeys.length) {
          const index = keys.length;
          keys.push(dayKeys[runStart]!);
          starts.push(startOfLocalDay(inside[runStart]!, timeZone));
          ends.push(startOfLocalDay(inside[i]!, timeZone));
          for (let d = Math.max(d0, firstDay); d <= Math.min(d1, lastDay); d++) ofDay[d - firstDay] = index;
        }
        runStart = i;
      }
    }
    out[grain] = { keys, starts: Float64Array.from(starts), ends: Float64Array.from(ends), ofDay };
  }
  return out;
}

/** The first index in [0, n) at which `past` holds (n when none), for a `past` false then true (binary search). */
function firstWhere(n: number, past: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (past(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Index of the first period that ends after `ms`, i.e. the one containing it or the next. */
export function periodAtOrAfter(index: GrainIndex, ms: number): number {
  return firstWhere(index.keys.length, (i) => index.ends[i]! > ms);
}

/** Index of the last period that starts before `ms` (−1 when none). */
export function periodBefore(index: GrainIndex, ms: number): number {
  return firstWhere(index.keys.length, (i) => !(index.starts[i]! < ms)) - 1;
}
