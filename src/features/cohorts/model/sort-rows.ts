/**
 * Sorting a displayed table by any column: by the raw figure behind a cell (a count, a rate,
 * a cohort's start), never by its formatted text ("1,234" < "987" as text). Empty figures sort
 * last in either direction; ties keep the table's own order (cohort, then series).
 */
export type SortKey = number | string | null;
export type SortDirection = 'asc' | 'desc';

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

function compare(a: SortKey, b: SortKey): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

/** `rows` sorted by column `col` (a copy); an out-of-range column leaves the order as it is. */
export function sortRows<R extends { sort: readonly SortKey[] }>(
  rows: readonly R[],
  col: number,
  dir: SortDirection,
): R[] {
  const sign = dir === 'asc' ? 1 : -1;
  return rows
    .map((row, i) => ({ row, i }))
    .sort((x, y) => {
      const a = x.row.sort[col] ?? null;
      const b = y.row.sort[col] ?? null;
      if (a === null || b === null) return a === b ? x.i - y.i : a === null ? 1 : -1;
      return sign * compare(a, b) || x.i - y.i;
    })
    .map((x) => x.row);
}
