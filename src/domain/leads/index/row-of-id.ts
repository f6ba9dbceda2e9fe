/**
 * The row of a lead id in the engine's columns. Rows are in ascending id order (built from the
 * table in key order, new leads appended only when their id is above every row's, a lead put back
 * revived in its old row); `idsAscending` checks it once per columns for the readers that must
 * not trust it blindly.
 */
import type { LeadColumns } from './lead-columns';

/** The row holding `id` (binary search over ascending ids), or -1. */
export function rowOfId(cols: LeadColumns, id: number): number {
  return indexInAscending(cols.ids, cols.n, id);
}

/** Where `id` is among the first `length` values of ascending `values` (binary search), or -1. */
export function indexInAscending(values: ArrayLike<number>, length: number, id: number): number {
  let lo = 0;
  let hi = length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = values[mid]!;
    if (v === id) return mid;
    if (v < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

const ascendingOf = new WeakMap<LeadColumns, boolean>();
/** Whether each row's id is greater than the one before (checked once per columns object). */
export function idsAscending(cols: LeadColumns): boolean {
  let known = ascendingOf.get(cols);
  if (known === undefined) {
    known = true;
    for (let i = 1; i < cols.n && known; i++) if (cols.ids[i]! <= cols.ids[i - 1]!) known = false;
    ascendingOf.set(cols, known);
  }
  return known;
}
