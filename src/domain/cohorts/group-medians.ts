/**
 * Exact medians per group (and per roll-up group) of `to[i] − from[i]` in days, over the
 * leads whose bucket is not NO_VALUE. Pass 1 counts leads per group and bucket; the buckets
 * holding each group's middle ranks follow from the running counts; pass 2 collects only
 * the members of those buckets, which are sorted to read the exact middle values.
 */
import { MS_PER_DAY } from '../time/calendar';
import { BUCKETS, NO_VALUE } from './value-buckets';

/**
 * How many bits of the bucket to drop. The histograms cost groups × buckets, the second
 * pass about 2n / buckets: with many groups over few leads (5 years of weeks × 10 sources
 * over 20k leads), coarser buckets are far cheaper; over a million leads, the full 255.
 */
export function bucketShift(n: number, groups: number): number {
  let shift = 0;
  while (shift < 7 && groups * (BUCKETS >> shift) > Math.max(4096, n / 4)) shift++;
  return shift;
}

interface Targets {
  /** Bucket of the lower and upper middle rank (−1: no values), and the rank inside it. */
  lowBucket: Int16Array;
  lowRank: Int32Array;
  highBucket: Int16Array;
  highRank: Int32Array;
  count: Int32Array;
}

function targetsOf(hist: Int32Array, groups: number, B: number): Targets {
  const t: Targets = {
    lowBucket: new Int16Array(groups).fill(-1),
    lowRank: new Int32Array(groups),
    highBucket: new Int16Array(groups).fill(-1),
    highRank: new Int32Array(groups),
    count: new Int32Array(groups),
  };
  for (let g = 0; g < groups; g++) {
    let c = 0;
    for (let b = 0; b < B; b++) c += hist[g * B + b]!;
    t.count[g] = c;
    if (c === 0) continue;
    const lo = (c - 1) >> 1;
    const hi = c >> 1;
    let before = 0;
    for (let b = 0; b < B; b++) {
      const h = hist[g * B + b]!;
      if (t.lowBucket[g] === -1 && lo < before + h) [t.lowBucket[g], t.lowRank[g]] = [b, lo - before];
      if (hi < before + h) {
        [t.highBucket[g], t.highRank[g]] = [b, hi - before];
        break;
      }
      before += h;
    }
  }
  return t;
}

const pushTo = (lists: (number[] | undefined)[], k: number, v: number) => (lists[k] ??= []).push(v);

/** The median of each group from its collected bucket members. */
function settle(t: Targets, low: (number[] | undefined)[], high: (number[] | undefined)[]): Float64Array {
  const out = new Float64Array(t.count.length).fill(NaN);
  for (let g = 0; g < out.length; g++) {
    if (t.count[g] === 0) continue;
    // Typed-array sort is numeric and needs no comparator call per step.
    const lows = Float64Array.from(low[g]!).sort();
    const highs = t.highBucket[g] === t.lowBucket[g] ? lows : Float64Array.from(high[g]!).sort();
    // Same float steps as `median(daysBetween(...))` in cohort-rates.ts, so results are equal.
    const a = lows[t.lowRank[g]!]! / MS_PER_DAY;
    const b = highs[t.highRank[g]!]! / MS_PER_DAY;
    out[g] = t.count[g]! % 2 ? b : (a + b) / 2;
  }
  return out;
}

export function groupMedians(
  bucket: Uint8Array,
  from: Float64Array,
  to: Float64Array,
  groupOf: Int32Array,
  groups: number,
  rollupOf: Int32Array | undefined,
  rollups: number,
): [cells: Float64Array, rollups: Float64Array] {
  const n = groupOf.length;
  // Cells and roll-ups get their own bucket widths: a few roll-ups over many leads want fine buckets.
  const shift = bucketShift(n, groups);
  const B = ((BUCKETS - 1) >> shift) + 1;
  const shiftUp = bucketShift(n, rollups);
  const BU = ((BUCKETS - 1) >> shiftUp) + 1;
  const hist = new Int32Array(groups * B);
  const histUp = new Int32Array(rollups * BU);
  for (let i = 0; i < n; i++) {
    const g = groupOf[i]!;
    const b = bucket[i]!;
    if (g < 0 || b === NO_VALUE) continue;
    hist[g * B + (b >> shift)]!++;
    if (rollupOf && rollupOf[g]! >= 0) histUp[rollupOf[g]! * BU + (b >> shiftUp)]!++;
  }
  const t = targetsOf(hist, groups, B);
  const tu = targetsOf(histUp, rollups, BU);
  const low: (number[] | undefined)[] = new Array(groups);
  const high: (number[] | undefined)[] = new Array(groups);
  const lowUp: (number[] | undefined)[] = new Array(rollups);
  const highUp: (number[] | undefined)[] = new Array(rollups);
  for (let i = 0; i < n; i++) {
    const g = groupOf[i]!;
    if (g < 0 || bucket[i] === NO_VALUE) continue;
    const b = bucket[i]! >> shift;
    if (b === t.lowBucket[g]) pushTo(low, g, to[i]! - from[i]!);
    else if (b === t.highBucket[g]) pushTo(high, g, to[i]! - from[i]!);
    if (!rollupOf) continue;
    const u = rollupOf[g]!;
    if (u < 0) continue;
    const bu = bucket[i]! >> shiftUp;
    if (bu === tu.lowBucket[u]) pushTo(lowUp, u, to[i]! - from[i]!);
    else if (bu === tu.highBucket[u]) pushTo(highUp, u, to[i]! - from[i]!);
  }
  return [settle(t, low, high), settle(tu, lowUp, highUp)];
}
