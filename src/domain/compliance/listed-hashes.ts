/**
 * A superset of the numbers on any DNC list, held as the distinct 32-bit hashes (hash32) of the
 * numbers, no number kept. A number whose hash is not in it is on no list, so the engine skips its
 * look-up (about 75 µs a number against 2M listed numbers at 1M leads); one whose hash is in it
 * may be listed (or share a hash: one in about 2,000 against 2M listed numbers) and is looked up
 * as before. A hash is never removed (a number taken off a list leaves it in: looked up for
 * nothing, never missed).
 *
 * The hashes are kept bucketed by their high 16 bits: per bucket, where its low halves start in
 * one sorted Uint16Array. About 2 bytes a listed number and 256 kB of starts, against 4 bytes a
 * number as a sorted Uint32Array (8 MB at 2M listed numbers, the engine's largest array after
 * its columns); the same set, the same answers.
 */
import { hash32 } from '../columns/hash-strings';

export interface ListedHashes {
  /** Where bucket b's low halves start in `lows` (b = a hash's high 16 bits; 65,537 entries). */
  readonly starts: Uint32Array;
  /** Each hash's low 16 bits, sorted within its bucket, distinct. */
  readonly lows: Uint16Array;
}

const BUCKETS = 65_536;

/** `hashes` sorted ascending with repeats dropped (a new array). */
export function sortedDistinct(hashes: Uint32Array): Uint32Array {
  const sorted = Uint32Array.from(hashes).sort();
  let n = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[n - 1]) sorted[n++] = sorted[i]!;
  return sorted.slice(0, n);
}

/** The set of the sorted, distinct hashes `sorted`. */
export function listedHashes(sorted: Uint32Array = new Uint32Array(0)): ListedHashes {
  const starts = new Uint32Array(BUCKETS + 1);
  const lows = new Uint16Array(sorted.length);
  for (let i = 0; i < sorted.length; i++) {
    const b = (sorted[i]! >>> 16) + 1;
    starts[b] = starts[b]! + 1;
    lows[i] = sorted[i]! & 0xffff;
  }
  for (let b = 0; b < BUCKETS; b++) starts[b + 1] = starts[b + 1]! + starts[b]!;
  return { starts, lows };
}

/** Every hash of the set, sorted ascending. */
export function hashesOf(set: ListedHashes): Uint32Array {
  const out = new Uint32Array(set.lows.length);
  for (let b = 0; b < BUCKETS; b++)
    for (let i = set.starts[b]!; i < set.starts[b + 1]!; i++) out[i] = ((b << 16) | set.lows[i]!) >>> 0;
  return out;
}

/** `set` with every hash of `added` in it; `set` itself when none is new. */
export function withHashes(set: ListedHashes, added: readonly Uint32Array[]): ListedHashes {
  const fresh = sortedDistinct(Uint32Array.from(added.flatMap((a) => [...a]).filter((h) => !hasHash(set, h))));
  if (fresh.length === 0) return set;
  const sorted = hashesOf(set);
  const out = new Uint32Array(sorted.length + fresh.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < sorted.length || j < fresh.length)
    out[k++] = j >= fresh.length || (i < sorted.length && sorted[i]! < fresh[j]!) ? sorted[i++]! : fresh[j++]!;
  return listedHashes(out);
}

/** Whether the 32-bit hash `h` is in `set`: a binary search within its bucket. */
export function hasHash(set: ListedHashes, h: number): boolean {
  const b = h >>> 16;
  const low = h & 0xffff;
  let lo = set.starts[b]!;
  let hi = set.starts[b + 1]! - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = set.lows[mid]!;
    if (v === low) return true;
    if (v < low) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** Whether `set` is a well-formed set (a stored one read back): starts rising from 0 to its size, each bucket's lows rising. */
export function isListedHashes(value: unknown): value is ListedHashes {
  const set = value as Partial<ListedHashes> | null;
  if (!(set?.starts instanceof Uint32Array && set.lows instanceof Uint16Array)) return false;
  const { starts, lows } = set;
  if (starts.length !== BUCKETS + 1 || starts[0] !== 0 || starts[BUCKETS] !== lows.length) return false;
  for (let b = 0; b < BUCKETS; b++) {
    if (starts[b]! > starts[b + 1]!) return false;
    for (let i = starts[b]! + 1; i < starts[b + 1]!; i++) if (lows[i - 1]! >= lows[i]!) return false;
  }
  return true;
}

/** Whether `phone` may be on a DNC list, by the listed numbers' hashes (false: surely on none). */
export const mayBeListed =
  (set: ListedHashes) =>
  (phone: string): boolean =>
    hasHash(set, hash32(phone));
