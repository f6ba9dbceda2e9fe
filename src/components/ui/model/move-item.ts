/** The list with the item at `i` swapped with its neighbour in direction `d`; the same list when there is none. */
export function moveItem<T>(list: readonly T[], i: number, d: -1 | 1): T[] {
  const next = [...list];
  const j = i + d;
  if (i < 0 || i >= next.length || j < 0 || j >= next.length) return next;
  [next[i], next[j]] = [next[j]!, next[i]!];
  return next;
}
