/**
 * The last step of every cohort snapshot, read off the engine's columns or built from leads: the
 * acquisition days counted from the first, the cohort periods of every grain over them, and the
 * median buckets, each worked out the first time it is read.
 */
import { FLAG_CONVERTED, FLAG_HAS_CONTACT_TIME } from '../columns/lead-flags';
import type { ColumnarSnapshot } from './columnar-snapshot';
import { buildGrainIndexes } from './grain-index';
import { valueBuckets } from './value-buckets';

/**
 * A snapshot's columns as read (the instants, flags, codes with their values, each lead's local
 * acquisition day): what `assembleSnapshot` completes. Each column is exactly `n` rows long, but
 * `days`, which may be longer (only its first `n` rows are read).
 */
export type SnapshotColumns = Omit<
  ColumnarSnapshot,
  'timeZone' | 'day' | 'dayBase' | 'grains' | 'contactBucket' | 'conversionBucket' | 'ageBucket'
> & { days: Int32Array };

/**
 * The snapshot of `parts`: the acquisition days counted from the first one, the cohort periods of
 * every grain over them, and the median buckets, each worked out the first time it is read.
 */
export function assembleSnapshot(timeZone: string, parts: SnapshotColumns): ColumnarSnapshot {
  const { n, days, ...columns } = parts;
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < n; i++) {
    const d = days[i]!;
    if (d < first) first = d;
    if (d > last) last = d;
  }
  const dayBase = n ? first : 0;
  const day = new Uint16Array(n);
  for (let i = 0; i < n; i++) day[i] = days[i]! - dayBase;
  const { flags, acquiredAt, createdAt, firstContactAt, convertedAt } = parts;
  const diff = (keep: (i: number) => boolean, from: Float64Array, to: Float64Array) => {
    let buckets: Uint8Array | undefined;
    return () => {
      if (buckets) return buckets;
      const span = new Float64Array(n);
      for (let i = 0; i < n; i++) span[i] = keep(i) ? to[i]! - from[i]! : NaN;
      return (buckets = valueBuckets(span));
    };
  };
  const contactBucket = diff((i) => (flags[i]! & FLAG_HAS_CONTACT_TIME) !== 0, createdAt, firstContactAt);
  const conversionBucket = diff((i) => (flags[i]! & FLAG_CONVERTED) !== 0, acquiredAt, convertedAt);
  const ageBucket = diff(() => true, acquiredAt, createdAt);
  return {
    get contactBucket() {
      return contactBucket();
    },
    get conversionBucket() {
      return conversionBucket();
    },
    get ageBucket() {
      return ageBucket();
    },
    n,
    timeZone,
    ...columns,
    day,
    dayBase,
    grains: buildGrainIndexes(dayBase, n ? last : dayBase - 1, timeZone),
  };
}
