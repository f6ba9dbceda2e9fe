/**
 * Answering a filter and a sort over the columns: compile the filter into typed-array tests
 * once, then walk the rows in sort order. The reference for every branch is
 * `matchesLeadFilter` in ../lead-filter.ts; lead-query.test.ts holds the two to the same answers.
 */
import type { CodeColumn } from '../../columns/code-column';
import { REASON_CODES } from '../../compliance/verdict-types';
import { addMonths } from '../../time/calendar';
import {
  CONSENT_FILTER_STATES,
  DNC_FILTER_STATES,
  acquiredRange,
  normaliseQuery,
  type FilterContext,
  type LeadFilter,
} from '../lead-filter';
import { ENTRY_METHODS } from '../lead';
import { SUPPRESSING_REASONS, storedStage } from '../lifecycle-facts';
import type { Dictionary } from '../../columns/dictionary';
import { FLAG_CALLABLE, FLAG_CONNECTED, FLAG_CONTACTED, FLAG_CONVERTED, FLAG_DELETED } from '../../columns/lead-flags';
import { batchCode, reasonBit, type LeadColumns } from './lead-columns';
import { rowsContaining } from './text-match';
import { packText } from '../../columns/one-byte-text';
import { instantAt } from '../../columns/instant-column';

type Test = (i: number) => boolean;

function codeSet(dict: Dictionary, values: readonly string[], size: number): Uint8Array {
  const set = new Uint8Array(size);
  for (const v of values) {
    const code = v === '' ? 0 : dict.lookup(v);
    if (code >= 0) set[code] = 1;
  }
  return set;
}

function flagTest(flags: Uint16Array, bit: number, want: 'yes' | 'no' | undefined): Test | null {
  if (!want) return null;
  const on = want === 'yes';
  return (i) => ((flags[i]! & bit) !== 0) === on;
}

/** The row tests a filter implies (cheapest first). */
export function compileFilter(cols: LeadColumns, filter: LeadFilter, ctx: FilterContext): Test[] {
  const tests: Test[] = [];
  const { from, to } = acquiredRange(filter, ctx.orgTimeZone);
  if (from !== -Infinity || to !== Infinity)
    tests.push((i) => instantAt(cols.acquiredAt, i) >= from && instantAt(cols.acquiredAt, i) < to);
  const byDict = (values: readonly string[] | undefined, dict: Dictionary, column: CodeColumn) => {
    if (!values?.length) return;
    const set = codeSet(dict, values, dict.values.length);
    tests.push((i) => set[column[i]!] === 1);
  };
  byDict(filter.source, cols.dict.source, cols.source);
  byDict(filter.campaign, cols.dict.campaign, cols.campaign);
  byDict(filter.region, cols.dict.region, cols.region);
  const byEnum = (values: readonly string[] | undefined, all: readonly string[], column: Uint8Array) => {
    if (!values?.length) return;
    const set = new Uint8Array(all.length);
    for (const v of values) set[all.indexOf(v)] = 1;
    tests.push((i) => set[column[i]!] === 1);
  };
  byEnum(filter.entry, ENTRY_METHODS, cols.entry);
  byEnum(filter.consent, CONSENT_FILTER_STATES, cols.consent);
  byEnum(filter.dnc, DNC_FILTER_STATES, cols.dnc);
  const outside = ctx.outsideHours;
  if (filter.reason?.length) {
    const mask = filter.reason.reduce((m, r) => (REASON_CODES.includes(r) ? m | reasonBit(r) : m), 0);
    if (outside && filter.reason.includes('outside-calling-hours'))
      tests.push((i) => (cols.reasons[i]! & mask) !== 0 || outside(i));
    else tests.push((i) => (cols.reasons[i]! & mask) !== 0);
  }
  if (filter.callable && outside) {
    const want = filter.callable === 'yes';
    tests.push((i) => ((cols.flags[i]! & FLAG_CALLABLE) !== 0 && !outside(i)) === want);
  } else if (filter.callable) tests.push(flagTest(cols.flags, FLAG_CALLABLE, filter.callable)!);
  if (filter.stage?.length) {
    const wanted = new Set(filter.stage);
    const suppressing = SUPPRESSING_REASONS.reduce((m, r) => m | reasonBit(r), 0);
    const { now, dormantMs } = ctx;
    const facts = { acquiredAt: 0, lastContactAt: NaN, contacted: false, connected: false, converted: false };
    tests.push((i) => {
      const f = cols.flags[i]!;
      facts.acquiredAt = instantAt(cols.acquiredAt, i);
      facts.lastContactAt = instantAt(cols.lastContactAt, i);
      facts.contacted = (f & FLAG_CONTACTED) !== 0;
      facts.connected = (f & FLAG_CONNECTED) !== 0;
      facts.converted = (f & FLAG_CONVERTED) !== 0;
      return wanted.has(storedStage(facts, (cols.reasons[i]! & suppressing) !== 0, now, dormantMs));
    });
  }
  for (const t of [
    flagTest(cols.flags, FLAG_CONTACTED, filter.contacted),
    flagTest(cols.flags, FLAG_CONNECTED, filter.connected),
    flagTest(cols.flags, FLAG_CONVERTED, filter.converted),
  ]) {
    if (t) tests.push(t);
  }
  if (filter.batch !== undefined) {
    // An id past 32 bits or fractional has code 0, "no batch": it cannot be asked for.
    const code = batchCode(filter.batch);
    tests.push(code === 0 ? () => false : (i) => cols.batch[i] === code);
  }
  if (filter.tags?.length) {
    const codes = filter.tags.map((t) => cols.dict.tags.lookup(t));
    if (codes.some((c) => c < 0)) tests.push(() => false);
    else {
      const mask = codes.filter((c) => c >= 1 && c <= 32).reduce((m, c) => (m | (1 << (c - 1))) >>> 0, 0);
      const extra = codes.filter((c) => c === 0 || c > 32);
      tests.push(
        (i) => (cols.tagBits[i]! & mask) >>> 0 === mask && extra.every((c) => cols.extraTags.get(i)?.includes(c)),
      );
    }
  }
  if (filter.notVerifiedMonths !== undefined) {
    // "Not verified for N months" ⇔ the later of acquisition and verification is on or before now − N months.
    const cutoff = addMonths(ctx.now, -filter.notVerifiedMonths, ctx.orgTimeZone);
    tests.push((i) => {
      const v = instantAt(cols.verifiedAt, i);
      const last = v === v && v > instantAt(cols.acquiredAt, i) ? v : instantAt(cols.acquiredAt, i);
      return last <= cutoff;
    });
  }
  if (filter.q) {
    const { text, digits } = normaliseQuery(filter.q);
    const hits = digits
      ? rowsContaining(cols.phones, cols.phoneStart, cols.n, digits)
      : rowsContaining(cols.text, cols.textStart, cols.n, packText(text));
    tests.push((i) => hits[i] === 1);
  }
  return tests;
}

/** Row indexes matching `filter`, in `order` (natural order when none), optionally reversed. */
export function queryRows(
  cols: LeadColumns,
  filter: LeadFilter,
  ctx: FilterContext,
  order: Uint32Array | null,
  desc: boolean,
): Uint32Array {
  const tests = compileFilter(cols, filter, ctx);
  const out = new Uint32Array(cols.n);
  let count = 0;
  const n = cols.n;
  const flags = cols.flags;
  for (let k = 0; k < n; k++) {
    const i = order ? order[desc ? n - 1 - k : k]! : desc ? n - 1 - k : k;
    if (flags[i]! & FLAG_DELETED) continue;
    let ok = true;
    for (let t = 0; t < tests.length; t++) {
      if (!tests[t]!(i)) {
        ok = false;
        break;
      }
    }
    if (ok) out[count++] = i;
  }
  return out.slice(0, count);
}
