/**
 * sortOrder against a plain comparator sort: ascending by exact value, missing values last,
 * ties by row index. Both the packed-key path (whole units × 2^bits + row, native sort) and the
 * comparator fallback (range too wide for 53 bits) must give that order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Lead } from '../lead';
import type { LeadDerived } from '../lead-filter';
import { buildLeadColumns } from './lead-columns';
import { SORT_KEYS, caseBlind, orderOf, parseSort, sortInput, sortOrder } from './lead-sort';
import { rowsArb } from './lead-arbitraries.test-helpers';

const DERIVED: LeadDerived = { consent: 'valid', dnc: 'clear', reasons: [], callable: true };
const T = Date.UTC(2026, 2, 1);

function lead(id: number, over: Partial<Lead>): Lead {
  return {
    id,
    phoneE164: '+12025550100',
    phoneRaw: '',
    region: 'US',
    timeZone: 'UTC',
    name: '',
    company: '',
    email: '',
    tags: [],
    sourceId: 'web',
    acquiredAt: T,
    acquiredAtPrecision: 'exact',
    createdAt: T,
    updatedAt: T,
    entryMethod: 'manual',
    attempts: 0,
    dncStatus: 'unchecked',
    dncCheckedVersions: [],
    ...over,
  };
}

/** verifiedAt column from `values` (undefined = missing) and its comparator order. */
function verifiedColumn(values: readonly (number | undefined)[]) {
  const cols = buildLeadColumns(
    values.map((v, i) => lead(i + 1, v === undefined ? {} : { verifiedAt: v })),
    values.map(() => DERIVED),
  );
  const rank = (v: number | undefined) => (v === undefined ? Infinity : v);
  const expected = values
    .map((_, i) => i)
    .sort((a, b) => {
      const va = rank(values[a]);
      const vb = rank(values[b]);
      return va === vb ? a - b : va < vb ? -1 : 1;
    });
  return { cols, expected };
}

/** Whether sortOrder's packed key can hold `values` (mirrors lead-sort.ts: seconds × 2^bits + row < 2^53). */
function fitsPackedKey(values: readonly (number | undefined)[]): boolean {
  const present = values.filter((v): v is number => v !== undefined);
  if (!present.length) return true;
  const range = Math.floor((Math.max(...present) - Math.min(...present)) / 1000) + 1;
  return (range + 1) * 2 ** Math.max(1, Math.ceil(Math.log2(values.length + 1))) < 2 ** 53;
}

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 4 });

describe('sortOrder: packed key = comparator sort', () => {
  it('timestamps 1990–2030 with same-second and equal values (packed path)', () => {
    const near = fc
      .tuple(fc.constantFrom(T, T + 999, T - 1), fc.integer({ min: 0, max: 2_000 }))
      .map(([a, d]) => a + d);
    const value = maybe(fc.oneof(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2030, 0, 1) }), near));
    fc.assert(
      fc.property(fc.array(value, { maxLength: 200 }), (values) => {
        expect(fitsPackedKey(values)).toBe(true);
        const { cols, expected } = verifiedColumn(values);
        expect([...sortOrder(cols, 'verifiedAt')]).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('a range too wide for the packed key (corrupt or far-future instants) takes the comparator path and agrees', () => {
    const EDGE = 8.64e15; // the Date range: 2 × 8.64e12 seconds need 44 bits, plus 10 bits of row index
    const value = maybe(fc.oneof(fc.integer({ min: -EDGE, max: EDGE }), fc.integer({ min: T, max: T + 5_000 })));
    fc.assert(
      fc.property(fc.array(value, { minLength: 600, maxLength: 700 }), (raw) => {
        const values = [-EDGE, EDGE, ...raw];
        expect(fitsPackedKey(values)).toBe(false);
        const { cols, expected } = verifiedColumn(values);
        expect([...sortOrder(cols, 'verifiedAt')]).toEqual(expected);
      }),
      { numRuns: 30 },
    );
  });

  it('just inside the packed key: the largest range that still fits 53 bits', () => {
    // 64 rows → 7 bits of row index; (range + 1) × 2^7 < 2^53 ⇔ range ≤ 2^46 − 2 seconds.
    const span = (2 ** 46 - 3) * 1000;
    const values: (number | undefined)[] = [
      span,
      0,
      1,
      undefined,
      span - 1,
      999,
      1000,
      ...Array.from({ length: 57 }, (_, i) => (i * 7919 * 1_000_003) % span),
    ];
    expect(fitsPackedKey(values)).toBe(true);
    expect(fitsPackedKey([...values, span + 2000])).toBe(false);
    const { cols, expected } = verifiedColumn(values);
    expect([...sortOrder(cols, 'verifiedAt')]).toEqual(expected);
  });

  it('worked example: milliseconds within one second, ties and missing values', () => {
    const { cols } = verifiedColumn([1999, 1500, undefined, 1500, 999, 1001, undefined]);
    expect([...sortOrder(cols, 'verifiedAt')]).toEqual([4, 5, 1, 3, 0, 2, 6]);
  });

  it('dataAge (createdAt − acquiredAt) may be negative and differ by a millisecond', () => {
    const ages = [5, -1, 0, -1000, 1, -999, 0];
    const cols = buildLeadColumns(
      ages.map((a, i) => lead(i + 1, { createdAt: T + a })),
      ages.map(() => DERIVED),
    );
    expect([...sortOrder(cols, 'dataAge')]).toEqual([3, 5, 1, 2, 6, 4, 0]);
  });

  it('attempts: small integers, many ties in row order', () => {
    const attempts = [3, 0, 0, 65535, 1, 0, 3];
    const cols = buildLeadColumns(
      attempts.map((a, i) => lead(i + 1, { attempts: a })),
      attempts.map(() => DERIVED),
    );
    expect([...sortOrder(cols, 'attempts')]).toEqual([1, 2, 5, 4, 0, 6, 3]);
  });

  it('names: sorted by their search-text copies exactly as by the names as written (fast-check)', () => {
    // Case pairs that change length or have no one-to-one partner, and the search text's separator:
    // a name recased from its lower-cased copy must rank where the name itself ranks.
    const nameArb = fc.string({
      unit: fc.constantFrom(
        'a',
        'A',
        'ä',
        'Ä',
        'ß',
        's',
        'S',
        'Σ',
        'σ',
        'ς',
        'İ',
        'i',
        'I',
        'ı',
        'ǅ',
        'ǆ',
        'Ǆ',
        'é',
        'É',
        'e\u0301',
        ' ',
        '-',
        '\n',
        '张',
      ),
      maxLength: 4,
    });
    const collator = new Intl.Collator(undefined, { sensitivity: 'base' });
    let recased = 0;
    fc.assert(
      fc.property(fc.array(nameArb, { minLength: 2, maxLength: 30 }), (names) => {
        const cols = buildLeadColumns(
          names.map((name, i) => lead(i + 1, { name })),
          names.map(() => DERIVED),
        );
        recased += names.filter((n) => n !== '' && n !== n.toLowerCase()).length;
        const expected = names.map((_, i) => i).sort((a, b) => collator.compare(names[a]!, names[b]!) || a - b);
        expect([...sortOrder(cols, 'name')]).toEqual(expected);
        // In Turkish and Azeri I and i are two letters at base strength: there the names as written are compared.
        for (const locale of ['en', 'tr', 'az', 'de']) {
          const theirs = new Intl.Collator(locale, { sensitivity: 'base' });
          const want = names.map((_, i) => i).sort((a, b) => theirs.compare(names[a]!, names[b]!) || a - b);
          expect([...orderOf(sortInput(cols, 'name'), cols.n, locale)], locale).toEqual(want);
        }
      }),
      { numRuns: 500 },
    );
    expect([caseBlind('en'), caseBlind('de-CH'), caseBlind('tr'), caseBlind('az-Latn')]).toEqual([
      true,
      true,
      false,
      false,
    ]);
    // Anti-vacuity: names written in capitals, sorted by their lower-cased copies, were among them.
    expect(recased).toBeGreaterThan(1_000);
  });

  it('names: locale order, equal-to-the-collator names tie in row order', () => {
    const names = ['bob', 'Ada', 'ada', '张伟', 'Äda', '', 'Bob'];
    const cols = buildLeadColumns(
      names.map((name, i) => lead(i + 1, { name })),
      names.map(() => DERIVED),
    );
    const collator = new Intl.Collator(undefined, { sensitivity: 'base' });
    const expected = names.map((_, i) => i).sort((a, b) => collator.compare(names[a]!, names[b]!) || a - b);
    expect([...sortOrder(cols, 'name')]).toEqual(expected);
    // "Ada", "ada" and "Äda" are one name at base strength: rows 1, 2, 4 in row order.
    expect([...sortOrder(cols, 'name')].slice(0, 4)).toEqual([5, 1, 2, 4]);
  });

  it('every key returns a permutation of the rows, also for no rows and one row', () => {
    for (const n of [0, 1, 2]) {
      const cols = buildLeadColumns(
        Array.from({ length: n }, (_, i) => lead(i + 1, {})),
        Array.from({ length: n }, () => DERIVED),
      );
      for (const key of SORT_KEYS)
        expect([...sortOrder(cols, key)].sort()).toEqual(Array.from({ length: n }, (_, i) => i));
    }
  });
});

describe('sort input handed to another worker', () => {
  it('gives the same order as the columns, for every key, after a structured clone (what a helper worker receives)', () => {
    let rows = 0;
    fc.assert(
      fc.property(rowsArb(30), (generated) => {
        const cols = buildLeadColumns(
          generated.map((r) => r.lead),
          generated.map((r) => r.derived),
        );
        rows += cols.n;
        for (const key of SORT_KEYS)
          expect([...orderOf(structuredClone(sortInput(cols, key)), cols.n)]).toEqual([...sortOrder(cols, key)]);
      }),
      { numRuns: 150 },
    );
    expect(rows).toBeGreaterThan(1_000);
  });
});

describe('parseSort', () => {
  it.each([
    ['acquiredAt', { key: 'acquiredAt', desc: false }],
    ['-dataAge', { key: 'dataAge', desc: true }],
    ['-name', { key: 'name', desc: true }],
    ['bogus', null],
    ['--name', null],
    ['-', null],
    ['', null],
    [undefined, null],
  ])('%j → %j', (spec, expected) => {
    expect(parseSort(spec)).toEqual(expected);
  });
});
