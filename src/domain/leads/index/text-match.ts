/** Rows whose searchable text contains a needle: one native indexOf pass over the joined text. */
import { rowAtPosition, startAt, type StartColumn } from '../../columns/start-column';

/** A byte per row: 1 when the row's text (without its terminator) contains `needle`. */
export function rowsContaining(haystack: string, starts: StartColumn, n: number, needle: string): Uint8Array {
  const hit = new Uint8Array(n);
  if (!needle) return hit.fill(1);
  let pos = haystack.indexOf(needle);
  while (pos !== -1) {
    const row = rowAtPosition(starts, n, pos);
    const end = startAt(starts, row + 1);
    // A match running into the terminator or the next row is no match (rows hold '\n' and '\t' too);
    // a later start in this row would end later still, so either way go on at the next row.
    if (pos + needle.length < end) hit[row] = 1;
    pos = haystack.indexOf(needle, end);
  }
  return hit;
}
