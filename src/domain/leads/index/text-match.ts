/** Rows whose searchable text contains a needle: one native indexOf pass over the joined text. */

/** Index of the row containing character position `pos` (binary search over row starts). */
function rowAt(starts: Uint32Array, n: number, pos: number): number {
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (starts[mid]! <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** A byte per row: 1 when the row's text (without its terminator) contains `needle`. */
export function rowsContaining(haystack: string, starts: Uint32Array, n: number, needle: string): Uint8Array {
  const hit = new Uint8Array(n);
  if (!needle) return hit.fill(1);
  let pos = haystack.indexOf(needle);
  while (pos !== -1) {
    const row = rowAt(starts, n, pos);
    // A match running into the terminator or the next row is no match (rows hold '\n' and '\t' too);
    // a later start in this row would end later still, so either way go on at the next row.
    if (pos + needle.length < starts[row + 1]!) hit[row] = 1;
    pos = haystack.indexOf(needle, starts[row + 1]!);
  }
  return hit;
}
