/**
 * Sort orders over the columns, computed once per key and cached until the data changes.
 * Numeric keys use a packed-key trick: (value in seconds or units) × 2^bits + row index fits
 * in a double's 53-bit mantissa, so the native Float64Array sort (no comparator callback)
 * sorts a million rows in ~100 ms; missing values sort last, ties keep row order. Values that
 * share a unit (two instants in the same second) are then put in exact order run by run.
 */
import type { CodeColumn } from '../../columns/code-column';
import type { StartColumn } from '../../columns/start-column';
import type { LeadColumns } from './lead-columns';
import { nameToSort, rowOf } from './lead-columns-joined';
import { instantAt, instantsToFloat64 } from '../../columns/instant-column';

export const SORT_KEYS = [
  'acquiredAt',
  'createdAt',
  'lastContactAt',
  'verifiedAt',
  'dncCheckedAt',
  'attempts',
  'name',
  'source',
  'dataAge',
] as const;
export type SortKey = (typeof SORT_KEYS)[number];

/** A sort spec as written in the URL: `acquiredAt` ascending, `-acquiredAt` descending. */
export function parseSort(spec: string | undefined): { key: SortKey; desc: boolean } | null {
  if (!spec) return null;
  const desc = spec.startsWith('-');
  const key = (desc ? spec.slice(1) : spec) as SortKey;
  return SORT_KEYS.includes(key) ? { key, desc } : null;
}

function numericValues(cols: LeadColumns, key: SortKey): { values: Float64Array; unit: number } | null {
  switch (key) {
    case 'acquiredAt':
    case 'createdAt':
    case 'lastContactAt':
    case 'verifiedAt':
    case 'dncCheckedAt':
      return { values: instantsToFloat64(cols[key], cols.n), unit: 1000 };
    case 'attempts':
      return { values: Float64Array.from(cols.attempts), unit: 1 };
    case 'dataAge': {
      const v = new Float64Array(cols.n);
      for (let i = 0; i < cols.n; i++) v[i] = instantAt(cols.createdAt, i) - instantAt(cols.acquiredAt, i);
      return { values: v, unit: 1000 };
    }
    default:
      return null;
  }
}

/** Packed keys order by whole units: re-sort each run of one unit whose exact values differ (rare, short). */
function orderWithinUnits(order: Uint32Array, keys: Float64Array, values: Float64Array, scale: number): void {
  const n = order.length;
  let start = 0;
  while (start < n) {
    const unit = Math.floor(keys[start]! / scale);
    const first = values[order[start]!]!;
    let mixed = false;
    let end = start + 1;
    for (; end < n && Math.floor(keys[end]! / scale) === unit; end++) if (values[order[end]!] !== first) mixed = true;
    // NaN !== NaN marks the run of missing values as mixed: sorting it by row index is a no-op, skip it.
    if (mixed && first === first) order.subarray(start, end).sort((a, b) => values[a]! - values[b]! || a - b);
    start = end;
  }
}

function sortNumeric(values: Float64Array, unit: number, n: number): Uint32Array {
  const bits = Math.max(1, Math.ceil(Math.log2(n + 1)));
  const scale = 2 ** bits;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (v === v) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  const range = max === -Infinity ? 0 : Math.floor((max - min) / unit) + 1;
  const order = new Uint32Array(n);
  if ((range + 1) * scale < 2 ** 53) {
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const v = values[i]!;
      const q = v === v ? Math.floor((v - min) / unit) : range;
      keys[i] = q * scale + i;
    }
    keys.sort();
    for (let i = 0; i < n; i++) order[i] = keys[i]! % scale;
    orderWithinUnits(order, keys, values, scale);
    return order;
  }
  for (let i = 0; i < n; i++) order[i] = i;
  const key = (i: number) => (values[i]! === values[i]! ? values[i]! : Infinity);
  return order.sort((a, b) => key(a) - key(b) || a - b);
}

function sortByStrings(strings: readonly string[], n: number, locale?: string): Uint32Array {
  // Rank the distinct values once with the locale collator, then sort rows by rank.
  const compare = new Intl.Collator(locale, { sensitivity: 'base' }).compare;
  const distinct = [...new Set(strings)].sort(compare);
  // Values the collator calls equal ("Web", "web") share a rank, so their rows tie and keep row order.
  const rank = new Map<string, number>();
  let r = 0;
  for (let i = 0; i < distinct.length; i++) {
    if (i > 0 && compare(distinct[i - 1]!, distinct[i]!) !== 0) r++;
    rank.set(distinct[i]!, r);
  }
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = rank.get(strings[i]!)!;
  return sortNumeric(values, 1, n);
}

/**
 * What a key's order is computed from, as plain data: it can be handed to another worker (the
 * engine's idle-time sorts run in a helper, so its own thread stays free to answer).
 */
export type SortInput =
  | { kind: 'numeric'; values: Float64Array; unit: number }
  /** The search text and the `written` column with their offsets: a name is read back from both. */
  | { kind: 'names'; text: string; textStart: StartColumn; written: string; writtenStart: StartColumn }
  | { kind: 'codes'; codes: CodeColumn; values: readonly string[] };

/** The data `key`'s order is computed from (the columns' own arrays where they serve as they are). */
export function sortInput(cols: LeadColumns, key: SortKey): SortInput {
  const numeric = numericValues(cols, key);
  if (numeric) return { kind: 'numeric', ...numeric };
  if (key === 'name')
    return {
      kind: 'names',
      text: cols.text,
      textStart: cols.textStart,
      written: cols.writtenText,
      writtenStart: cols.writtenStart,
    };
  return { kind: 'codes', codes: cols.source, values: cols.dict.source.values };
}

/**
 * Whether the collator of `locale` at base strength ignores case as lower-casing does: not in
 * Turkish and Azeri, where I and i are two letters ("Iz" sorts before "ia" there, "iz" after).
 */
export function caseBlind(locale?: string): boolean {
  return !/^(tr|az)(-|$)/i.test(new Intl.Collator(locale).resolvedOptions().locale);
}

/** The ascending row order of `n` rows from their sort input (in the order of `locale`: the browser's by default). */
export function orderOf(input: SortInput, n: number, locale?: string): Uint32Array {
  switch (input.kind) {
    case 'numeric':
      return sortNumeric(input.values, input.unit, n);
    case 'names': {
      const byCopy = caseBlind(locale);
      return sortByStrings(
        Array.from({ length: n }, (_, i) =>
          nameToSort(rowOf(input.text, input.textStart, i), rowOf(input.written, input.writtenStart, i), byCopy),
        ),
        n,
        locale,
      );
    }
    case 'codes':
      return sortByStrings(
        Array.from(input.codes.subarray(0, n), (c) => input.values[c]!),
        n,
        locale,
      );
  }
}

/** Row order for a key, ascending (cache it: it only changes with the data). */
export function sortOrder(cols: LeadColumns, key: SortKey): Uint32Array {
  return orderOf(sortInput(cols, key), cols.n);
}
