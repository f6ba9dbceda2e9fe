/**
 * The columnar index must answer exactly what the reference semantics (`matchesLeadFilter`)
 * answers, in the order a naive stable sort gives: ascending by the key, rows without a value
 * last, ties by row index; descending is that order reversed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths } from '../../time/calendar';
import type { Lead } from '../lead';
import { acquiredRange, leadFilterSchema, matchesLeadFilter, type LeadDerived, type LeadFilter, type FilterContext } from '../lead-filter';
import { buildLeadColumns } from './lead-columns';
import { queryRows } from './lead-query';
import { SORT_KEYS, sortOrder, type SortKey } from './lead-sort';
import { TAGS, cohortArb, ctxArb, dayArb, filterArb, rowsArb } from './lead-arbitraries.test-helpers';

const collator = new Intl.Collator(undefined, { sensitivity: 'base' });

/** The value a key sorts by; undefined = missing. */
function sortValue(lead: Lead, key: SortKey): number | string | undefined {
  switch (key) {
    case 'name':
      return lead.name;
    case 'source':
      return lead.sourceId;
    case 'dataAge':
      return lead.createdAt - lead.acquiredAt;
    default:
      return lead[key];
  }
}

/** Naive stable ascending sort of row indexes: missing values last, ties by row index. */
export function referenceSort(leads: readonly Lead[], rows: readonly number[], key: SortKey): number[] {
  const cmp = (a: number, b: number): number => {
    const va = sortValue(leads[a]!, key);
    const vb = sortValue(leads[b]!, key);
    if (va === undefined || vb === undefined) return (va === undefined ? 1 : 0) - (vb === undefined ? 1 : 0);
    if (typeof va === 'string') return collator.compare(va, vb as string);
    return Math.sign(va - (vb as number));
  };
  return [...rows].sort((a, b) => cmp(a, b) || a - b);
}

function reference(leads: readonly Lead[], derived: readonly LeadDerived[], filter: LeadFilter, ctx: FilterContext): number[] {
  return leads.map((_, i) => i).filter((i) => matchesLeadFilter(leads[i]!, derived[i]!, filter, ctx));
}

const split = (rows: { lead: Lead; derived: LeadDerived }[]) => ({ leads: rows.map((r) => r.lead), derived: rows.map((r) => r.derived) });

describe('queryRows against matchesLeadFilter (fast-check)', () => {
  it('returns exactly the matching rows, in natural and reversed order', () => {
    let nonEmpty = 0;
    let runs = 0;
    fc.assert(
      fc.property(rowsArb(), filterArb, ctxArb, (rows, filter, ctx) => {
        const { leads, derived } = split(rows);
        const cols = buildLeadColumns(leads, derived);
        const expected = reference(leads, derived, filter, ctx);
        runs++;
        if (expected.length) nonEmpty++;
        expect([...queryRows(cols, filter, ctx, null, false)]).toEqual(expected);
        expect([...queryRows(cols, filter, ctx, null, true)]).toEqual([...expected].reverse());
      }),
      { numRuns: 500 },
    );
    // The generators are tuned so filters often match: an oracle that is always empty proves nothing.
    expect(nonEmpty / runs).toBeGreaterThan(0.3);
  });

  it('orders the matching rows like a naive stable sort, for every sort key, ascending and descending', () => {
    fc.assert(
      fc.property(rowsArb(), filterArb, ctxArb, (rows, filter, ctx) => {
        const { leads, derived } = split(rows);
        const cols = buildLeadColumns(leads, derived);
        const matching = reference(leads, derived, filter, ctx);
        for (const key of SORT_KEYS) {
          const order = sortOrder(cols, key);
          const asc = referenceSort(leads, matching, key);
          expect([...queryRows(cols, filter, ctx, order, false)], `${key} ascending`).toEqual(asc);
          expect([...queryRows(cols, filter, ctx, order, true)], `${key} descending`).toEqual(asc.reverse());
        }
      }),
      { numRuns: 200 },
    );
  });

  it('free text over a tiny alphabet: case folding, final sigma, separators, needles spanning fields or rows', () => {
    // Names, companies, e-mails and queries drawn from a few characters, so a needle often sits at a
    // field edge, at a row edge, or holds the '\n' and '\t' the joined text uses.
    const tiny = fc.string({ unit: fc.constantFrom('a', 'A', 'b', 'Σ', 'ς', 'σ', 'İ', '\n', '\t', ' '), maxLength: 3 });
    const textRows = fc
      .tuple(rowsArb(12), fc.array(fc.tuple(tiny, tiny, tiny), { minLength: 12, maxLength: 12 }))
      .map(([rows, texts]) => rows.map((r, i) => ({ ...r, lead: { ...r.lead, name: texts[i]![0], company: texts[i]![1], email: texts[i]![2] } })));
    const q = fc.string({ unit: fc.constantFrom('a', 'A', 'b', 'Σ', 'ς', 'σ', 'i̇', '\n', '\t', ' '), minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(textRows, q, ctxArb, (rows, text, ctx) => {
        const { leads, derived } = split(rows);
        const filter = leadFilterSchema.parse({ q: text });
        expect([...queryRows(buildLeadColumns(leads, derived), filter, ctx, null, false)]).toEqual(reference(leads, derived, filter, ctx));
      }),
      { numRuns: 1500 },
    );
  });

  it('acquisition range and notVerifiedMonths: rows one millisecond either side of every edge', () => {
    const rangeFilter = fc
      .record({ cohort: cohortArb, acquiredFrom: dayArb, acquiredTo: dayArb }, { requiredKeys: [] })
      .map((raw) => leadFilterSchema.parse(raw));
    fc.assert(
      fc.property(rowsArb(12), rangeFilter, fc.integer({ min: 1, max: 240 }), ctxArb, (rows, filter, months, ctx) => {
        const { from, to } = acquiredRange(filter, ctx.orgTimeZone);
        const cutoff = addMonths(ctx.now, -months, ctx.orgTimeZone);
        const edges = [from, to, cutoff].filter(Number.isFinite).flatMap((t) => [t - 1, t, t + 1]);
        const { leads, derived } = split(rows);
        // Put each row's acquisition or verification (whichever is later) on an edge.
        const edged = leads.map((lead, i) => {
          const t = edges[i % Math.max(1, edges.length)] ?? lead.acquiredAt;
          return i % 2 ? { ...lead, acquiredAt: t, verifiedAt: lead.verifiedAt === undefined ? undefined : Math.min(lead.verifiedAt, t) } : { ...lead, acquiredAt: Math.min(lead.acquiredAt, t), verifiedAt: t };
        });
        for (const f of [filter, { ...filter, notVerifiedMonths: months }]) {
          expect([...queryRows(buildLeadColumns(edged, derived), f, ctx, null, false)]).toEqual(reference(edged, derived, f, ctx));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('the generated data really exercises more than 32 distinct tags and the empty tag', () => {
    // Guard for the properties above: the bitmask holds 32 tags, the rest go through `extraTags`.
    const samples = fc.sample(rowsArb(), { numRuns: 100, seed: 1 }).map(split);
    const wide = samples.filter(({ leads }) => new Set(leads.flatMap((l) => l.tags)).size > 32);
    expect(wide.length).toBeGreaterThan(10);
    expect(wide.some(({ leads, derived }) => buildLeadColumns(leads, derived).extraTags.size > 0)).toBe(true);
    expect(samples.some(({ leads }) => leads.some((l) => l.tags.includes('')))).toBe(true);
  });
});
