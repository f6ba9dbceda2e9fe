/**
 * The indexes of the non-NaN values of a column in ascending value order. Built once per
 * snapshot so a median per group becomes one walk in value order (group-stats.ts) instead
 * of a sort per aggregate. Whole-number values (millisecond durations) take an LSD radix
 * sort, linear in n; anything else falls back to a comparison sort.
 */

const RADIX_BITS = 16;
const RADIX = 1 << RADIX_BITS;
const TWO_32 = 4_294_967_296;

function radixOrder(values: Float64Array, order: Uint32Array, min: number, span: number): Uint32Array {
  const n = order.length;
  // (value − min) split into 16-bit digits; a span under 2^48 needs at most three passes.
  const lo = new Uint32Array(n);
  const hi = new Uint32Array(n);
  for (let j = 0; j < n; j++) {
    const x = values[order[j]!]! - min;
    lo[j] = x % TWO_32;
    hi[j] = Math.floor(x / TWO_32);
  }
  const passes = span < RADIX ? 1 : span < TWO_32 ? 2 : 3;
  let src: Uint32Array = order;
  let dst: Uint32Array = new Uint32Array(n);
  let srcLo: Uint32Array = lo;
  let srcHi: Uint32Array = hi;
  let dstLo: Uint32Array = new Uint32Array(n);
  let dstHi: Uint32Array = new Uint32Array(n);
  const count = new Uint32Array(RADIX);
  for (let p = 0; p < passes; p++) {
    const digit = (j: number) => (p === 0 ? srcLo[j]! & 0xffff : p === 1 ? srcLo[j]! >>> 16 : srcHi[j]! & 0xffff);
    count.fill(0);
    for (let j = 0; j < n; j++) count[digit(j)]!++;
    let sum = 0;
    for (let d = 0; d < RADIX; d++) {
      const c = count[d]!;
      count[d] = sum;
      sum += c;
    }
    for (let j = 0; j < n; j++) {
      const at = count[digit(j)]!++;
      dst[at] = src[j]!;
      dstLo[at] = srcLo[j]!;
      dstHi[at] = srcHi[j]!;
    }
    [src, dst] = [dst, src];
    [srcLo, dstLo] = [dstLo, srcLo];
    [srcHi, dstHi] = [dstHi, srcHi];
  }
  return src;
}

/** Indexes i with `values[i]` not NaN, sorted by value (ties in index order). */
export function sortedOrder(values: Float64Array): Uint32Array {
  let m = 0;
  let min = Infinity;
  let max = -Infinity;
  let whole = true;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) continue;
    m++;
    if (v < min) min = v;
    if (v > max) max = v;
    if (whole && !Number.isInteger(v)) whole = false;
  }
  const order = new Uint32Array(m);
  for (let i = 0, j = 0; i < values.length; i++) if (!Number.isNaN(values[i]!)) order[j++] = i;
  if (m < 2) return order;
  const span = max - min;
  if (whole && span < 2 ** 48) return radixOrder(values, order, min, span);
  return order.sort((a, b) => values[a]! - values[b]! || a - b);
}
