/**
 * The offsets of a joined string column (row i's text runs from offset i to offset i + 1) in 16
 * bits a row instead of 32: each block of 64 offsets keeps its first offset whole (`base`), and
 * every offset is kept as its distance from its block's base. A distance that does not fit (a
 * block of rows longer than 65,534 characters) is marked and kept whole in a map by row. Four
 * such columns are 16 of a lead's bytes in the grid's engine as Uint32Arrays; about 8 this way.
 *
 * Written in row order (from any row on): a block's first offset sets its base, so an offset
 * written before its block's first one, or a block's first written again to another value while
 * the rest of the block is not, would be read wrong. Every writer writes forward to the end.
 */
import { grown, withRoom } from './room-to-grow';

export interface StartColumn {
  /** Offsets held (a row more than the rows: the last is the end). */
  readonly length: number;
  /** Each block's first offset. */
  readonly base: Uint32Array;
  /** Each offset less its block's base; ODD: kept in `odd`. */
  readonly rel: Uint16Array;
  /** Offsets too far from their block's base, by row. */
  readonly odd: Map<number, number>;
}

const SHIFT = 6;
const BLOCK = 1 << SHIFT;
const ODD = 0xffff;

/** Blocks holding `n` offsets. */
const blocksFor = (n: number) => (n + BLOCK - 1) >> SHIFT;

/** A column of `n` offsets, every one 0, with room to grow. */
export function startColumn(n: number): StartColumn {
  return { length: n, base: withRoom(Uint32Array, blocksFor(n)), rel: withRoom(Uint16Array, n), odd: new Map() };
}

/** The offset at row `i`. */
export function startAt(c: StartColumn, i: number): number {
  const r = c.rel[i]!;
  return r !== ODD ? c.base[i >> SHIFT]! + r : c.odd.get(i)!;
}

/** Write offset `value` at row `i` (in row order: see above). */
export function setStart(c: StartColumn, i: number, value: number): void {
  if ((i & (BLOCK - 1)) === 0) c.base[i >> SHIFT] = value;
  if (c.odd.size > 0) c.odd.delete(i);
  const r = value - c.base[i >> SHIFT]!;
  if (r >= 0 && r < ODD) c.rel[i] = r;
  else {
    c.rel[i] = ODD;
    c.odd.set(i, value);
  }
}

/**
 * The column grown to `n` offsets (into its room when it has it; the added ones 0). Grown in place
 * it shares its odd offsets, as it shares its buffers; copied, it gets its own, so a write to the
 * new column never changes what the old one reads.
 */
export function grownStarts(c: StartColumn, n: number): StartColumn {
  const rel = grown(c.rel, n);
  const base = grown(c.base, blocksFor(n));
  return { length: n, base, rel, odd: rel.buffer === c.rel.buffer ? c.odd : new Map(c.odd) };
}

/** A new column of `n` offsets with room to grow (and its own odd offsets), the first `keep` of them `c`'s. */
export function copiedStarts(c: StartColumn, keep: number, n: number): StartColumn {
  const out = startColumn(n);
  out.base.set(c.base.subarray(0, blocksFor(keep)));
  out.rel.set(c.rel.subarray(0, keep));
  for (const [i, v] of c.odd) if (i < keep) out.odd.set(i, v);
  return out;
}

/** Offsets `start` to `end` (both included) less the one at `start`, as a stored chunk keeps them. */
export function rebasedStarts(c: StartColumn, start: number, end: number): Uint32Array {
  const out = new Uint32Array(end - start + 1);
  const from = startAt(c, start);
  for (let i = start; i <= end; i++) out[i - start] = startAt(c, i) - from;
  return out;
}

/** A column of the offsets in `values` (a test's, or a stored chunk's read whole). */
export function startsOf(values: ArrayLike<number>): StartColumn {
  const c = startColumn(values.length);
  for (let i = 0; i < values.length; i++) setStart(c, i, values[i]!);
  return c;
}

/** Every offset as a Uint32Array (a test's reading). */
export function startsToArray(c: StartColumn): Uint32Array {
  const out = new Uint32Array(c.length);
  for (let i = 0; i < c.length; i++) out[i] = startAt(c, i);
  return out;
}

/**
 * The row of the first `rows` rows whose text holds character `pos`: the last row whose offset is
 * at most `pos` (rows before it of the same offset are empty). A search of the blocks' bases, then
 * of the offsets within the block.
 */
export function rowAtPosition(c: StartColumn, rows: number, pos: number): number {
  if (rows <= 0) return 0;
  let lo = 0;
  let hi = (rows - 1) >> SHIFT;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (c.base[mid]! <= pos) lo = mid;
    else hi = mid - 1;
  }
  let first = lo << SHIFT;
  let last = Math.min(rows, first + BLOCK) - 1;
  while (first < last) {
    const mid = (first + last + 1) >>> 1;
    if (startAt(c, mid) <= pos) first = mid;
    else last = mid - 1;
  }
  return first;
}
