/**
 * The inner loops of every aggregate: counts and medians per group over a columnar snapshot.
 * Callers assign each lead a group (or −1 to skip it); this file knows nothing of cohorts.
 * Medians are exact: values are scattered into one buffer, group by group, and each
 * segment is quick-selected (linear time on average, no full sort).
 */
import { MS_PER_DAY } from '../time/calendar';
import type { CohortMetrics } from './cohort-rates';
import { FLAG_CONNECTED, FLAG_CONTACTED, FLAG_CONVERTED, FLAG_DNC_HIT, FLAG_WRONG_NUMBER, type ColumnarSnapshot } from './columnar-snapshot';

/** Reorders a[left..right] so that a[k] is the value a sort would put there. */
function select(a: Float64Array, left: number, right: number, k: number): void {
  while (right > left) {
    const pivot = a[(left + right) >> 1]!;
    let i = left;
    let j = right;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i++] = a[j]!;
        a[j--] = t;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return;
  }
}

/** Median of a[lo..hi) (mean of the two middle values when even), NaN when empty; reorders the segment. */
export function segmentMedian(a: Float64Array, lo: number, hi: number): number {
  const n = hi - lo;
  if (n <= 0) return NaN;
  const k = lo + ((n - 1) >> 1);
  select(a, lo, hi - 1, k);
  const lower = a[k]!;
  if (n % 2) return lower;
  let upper = Infinity;
  for (let i = k + 1; i < hi; i++) if (a[i]! < upper) upper = a[i]!;
  return (lower + upper) / 2;
}

type Value = (s: ColumnarSnapshot, i: number) => number;

/** Medians per group of `value(i)` over the leads where `value` is not NaN. */
function groupMedians(s: ColumnarSnapshot, groupOf: Int32Array, groups: number, value: Value): Float64Array {
  const counts = new Int32Array(groups + 1);
  for (let i = 0; i < s.n; i++) {
    const g = groupOf[i]!;
    if (g >= 0 && !Number.isNaN(value(s, i))) counts[g + 1]!++;
  }
  for (let g = 0; g < groups; g++) counts[g + 1]! += counts[g]!;
  const offsets = counts.slice();
  const buffer = new Float64Array(counts[groups]!);
  for (let i = 0; i < s.n; i++) {
    const g = groupOf[i]!;
    if (g < 0) continue;
    const v = value(s, i);
    if (!Number.isNaN(v)) buffer[offsets[g]!++] = v;
  }
  const out = new Float64Array(groups);
  for (let g = 0; g < groups; g++) out[g] = segmentMedian(buffer, counts[g]!, counts[g + 1]!);
  return out;
}

// The same float arithmetic as `daysBetween` in cohort-rates.ts, so medians match exactly.
const toContact: Value = (s, i) => ((s.flags[i]! & FLAG_CONTACTED) === 0 ? NaN : (s.firstContactAt[i]! - s.createdAt[i]!) / MS_PER_DAY);
const toConversion: Value = (s, i) => (s.convertedAt[i]! - s.acquiredAt[i]!) / MS_PER_DAY;
const dataAge: Value = (s, i) => (s.createdAt[i]! - s.acquiredAt[i]!) / MS_PER_DAY;

export interface GroupStats {
  groups: number;
  leads: Int32Array;
  contacted: Int32Array;
  connected: Int32Array;
  converted: Int32Array;
  convertedWithin: Int32Array;
  wrongNumber: Int32Array;
  dncHit: Int32Array;
  medianDaysToContact: Float64Array;
  medianDaysToConversion: Float64Array;
  medianDataAgeDays: Float64Array;
}

/** Counts and medians for `groups` groups; `groupOf[i]` is lead i's group or −1. */
export function groupStats(s: ColumnarSnapshot, groupOf: Int32Array, groups: number, windowDays: number): GroupStats {
  const windowMs = windowDays * MS_PER_DAY;
  const leads = new Int32Array(groups);
  const contacted = new Int32Array(groups);
  const connected = new Int32Array(groups);
  const converted = new Int32Array(groups);
  const convertedWithin = new Int32Array(groups);
  const wrongNumber = new Int32Array(groups);
  const dncHit = new Int32Array(groups);
  const { flags, convertedAt, acquiredAt } = s;
  for (let i = 0; i < s.n; i++) {
    const g = groupOf[i]!;
    if (g < 0) continue;
    const f = flags[i]!;
    leads[g]!++;
    if (f & FLAG_CONTACTED) {
      contacted[g]!++;
      if (f & FLAG_CONNECTED) connected[g]!++;
      if (f & FLAG_WRONG_NUMBER) wrongNumber[g]!++;
    }
    if (f & FLAG_CONVERTED) {
      converted[g]!++;
      if (convertedAt[i]! - acquiredAt[i]! <= windowMs) convertedWithin[g]!++;
    }
    if (f & FLAG_DNC_HIT) dncHit[g]!++;
  }
  return {
    groups, leads, contacted, connected, converted, convertedWithin, wrongNumber, dncHit,
    medianDaysToContact: groupMedians(s, groupOf, groups, toContact),
    medianDaysToConversion: groupMedians(s, groupOf, groups, toConversion),
    medianDataAgeDays: groupMedians(s, groupOf, groups, dataAge),
  };
}

const orNull = (v: number) => (Number.isNaN(v) ? null : v);

/** Group `g`'s figures as one plain object. */
export function metricsOf(st: GroupStats, g: number): CohortMetrics {
  return {
    leads: st.leads[g]!, contacted: st.contacted[g]!, connected: st.connected[g]!, converted: st.converted[g]!,
    convertedWithin: st.convertedWithin[g]!, wrongNumber: st.wrongNumber[g]!, dncHit: st.dncHit[g]!,
    medianDaysToContact: orNull(st.medianDaysToContact[g]!), medianDaysToConversion: orNull(st.medianDaysToConversion[g]!), medianDataAgeDays: orNull(st.medianDataAgeDays[g]!),
  };
}
