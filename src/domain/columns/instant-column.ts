/**
 * A column of instants (milliseconds since the epoch, NaN for none, ±Infinity) in 48 bits a row
 * instead of a Float64Array's 64: a signed 16-bit high part and an unsigned 32-bit low part,
 * exact for every whole millisecond within ±4,459 years of 1970. The high part's lowest value
 * marks the rest: NaN, ±Infinity, and any value that does not fit (a fraction of a millisecond,
 * a year past 6,000) kept exactly in a map by row. Twelve instant columns are 96 of a lead's
 * bytes in the grid's engine at 64 bits; 72 in this form.
 */
import { grown, withRoom } from './room-to-grow';

export interface InstantColumn {
  /** Rows held (as a typed array's length). */
  readonly length: number;
  readonly hi: Int16Array;
  readonly lo: Uint32Array;
  /** Values that do not fit in 48 bits, by row (shared by the column's grown copies). */
  readonly odd: Map<number, number>;
}

const TWO_32 = 4_294_967_296;
/** The high part of a row whose value is not hi × 2^32 + lo: lo says which. */
const MARK = -32_768;
const LO_NAN = 0;
const LO_INFINITY = 1;
const LO_MINUS_INFINITY = 2;
const LO_ODD = 3;

/** A column of `n` instants, every one 0 (as a zeroed Float64Array), with room to grow. */
export function instantColumn(n: number): InstantColumn {
  return { length: n, hi: withRoom(Int16Array, n), lo: withRoom(Uint32Array, n), odd: new Map() };
}

/** The instant at row `i`. */
export function instantAt(c: InstantColumn, i: number): number {
  const hi = c.hi[i]!;
  return hi !== MARK ? hi * TWO_32 + c.lo[i]! : marked(c, i);
}

function marked(c: InstantColumn, i: number): number {
  switch (c.lo[i]) {
    case LO_NAN:
      return Number.NaN;
    case LO_INFINITY:
      return Infinity;
    case LO_MINUS_INFINITY:
      return -Infinity;
    default:
      return c.odd.get(i) ?? Number.NaN;
  }
}

/** Write `value` at row `i`, exactly. */
export function setInstant(c: InstantColumn, i: number, value: number): void {
  if (c.odd.size > 0) c.odd.delete(i);
  const hi = Math.floor(value / TWO_32);
  if (hi > MARK && hi <= 32_767 && Number.isInteger(value) && !Object.is(value, -0)) {
    c.hi[i] = hi;
    c.lo[i] = value - hi * TWO_32;
    return;
  }
  c.hi[i] = MARK;
  if (value !== value) c.lo[i] = LO_NAN;
  else if (value === Infinity) c.lo[i] = LO_INFINITY;
  else if (value === -Infinity) c.lo[i] = LO_MINUS_INFINITY;
  else {
    c.lo[i] = LO_ODD;
    c.odd.set(i, value);
  }
}

/**
 * The column grown to `n` rows (into its room when it has it; the added rows 0). Grown in place it
 * shares its odd values, as it shares its buffers; copied, it gets its own, so a write to the new
 * column never changes what the old one reads.
 */
export function grownInstants(c: InstantColumn, n: number): InstantColumn {
  const hi = grown(c.hi, n);
  return { length: n, hi, lo: grown(c.lo, n), odd: hi.buffer === c.hi.buffer ? c.odd : new Map(c.odd) };
}

/**
 * A column of `count` rows from its stored parts (a snapshot chunk's): its high and low parts, and
 * the rows and values of its odd ones. Throws when they do not fit together, so the snapshot is
 * taken as damaged and rebuilt.
 */
export function instantsFromParts(
  hi: Int16Array,
  lo: Uint32Array,
  oddRows: Uint32Array,
  oddValues: Float64Array,
  count: number,
): InstantColumn {
  if (hi.length !== count || lo.length !== count || oddRows.length !== oddValues.length)
    throw new Error(`a column of instants of ${hi.length}/${lo.length} rows, ${oddRows.length} odd, for ${count}`);
  const odd = new Map<number, number>();
  oddRows.forEach((row, k) => {
    if (row >= count || hi[row] !== MARK || lo[row] !== LO_ODD)
      throw new Error(`an odd instant at row ${row} not marked so`);
    odd.set(row, oddValues[k]!);
  });
  return { length: count, hi, lo, odd };
}

/** Rows [start, end) as a column of their own (rows from 0), for a stored chunk. */
export function sliceInstants(c: InstantColumn, start: number, end: number): InstantColumn {
  const odd = new Map<number, number>();
  for (const [i, v] of c.odd) if (i >= start && i < end) odd.set(i - start, v);
  return { length: end - start, hi: c.hi.slice(start, end), lo: c.lo.slice(start, end), odd };
}

/** `part`'s rows written into `c` from row `at` (a stored chunk put back). */
export function setInstantsFrom(c: InstantColumn, part: InstantColumn, at: number): void {
  c.hi.set(part.hi, at);
  c.lo.set(part.lo, at);
  for (const [i, v] of part.odd) c.odd.set(at + i, v);
}

/** Every row's instant as a Float64Array (a sort's input, a test's reading). */
export function instantsToFloat64(c: InstantColumn, n = c.length): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = instantAt(c, i);
  return out;
}
