/**
 * Quantile buckets of a column, one byte per lead, built once per snapshot. Equal values
 * share a bucket and buckets rise with the value, so the k-th smallest value of any group
 * lies in the bucket where the group's running count passes k — found with a histogram,
 * then settled by sorting only that bucket's few members (group-medians.ts). Every pass
 * reads memory in order, which is what keeps medians over a million leads fast.
 */
import { sortedOrder } from './sorted-order';

/** Buckets 0…254 hold values; this marks "no value" (NaN). */
export const NO_VALUE = 255;
export const BUCKETS = 255;

/** Bucket of every value of `values` (NaN → NO_VALUE). */
export function valueBuckets(values: Float64Array): Uint8Array {
  const out = new Uint8Array(values.length).fill(NO_VALUE);
  const order = sortedOrder(values);
  const m = order.length;
  let prev = NaN;
  let bucket = 0;
  for (let j = 0; j < m; j++) {
    const i = order[j]!;
    const v = values[i]!;
    // A tie stays in its bucket even across a quantile boundary.
    if (v !== prev) bucket = Math.floor((j * BUCKETS) / m);
    out[i] = bucket;
    prev = v;
  }
  return out;
}
