/**
 * The columnar index must answer exactly what the reference semantics (`matchesLeadFilter`)
 * answers, in the order a naive stable sort gives: ascending by the key, rows without a value
 * last, ties by row index; descending is that order reversed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths } from '../../time/calendar';
import type { Lead } from '../lead';
import {
  acquiredRange,
  leadFilterSchema,
  matchesLeadFilter,
  type LeadDerived,
  type LeadFilter,
  type FilterContext,
} from '../lead-filter';
import { buildLeadColumns } from './lead-columns';
import { queryRows } from './lead-query';
import { SORT_KEYS, sortOrder, type SortKey } from './lead-sort';
import { cohortArb, ctxArb, dayArb, filterArb, rowsArb } from './lead-arbitraries.test-helpers';

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

function reference(
  leads: readonly Lead[],
  derived: readonly LeadDerived[],
  filter: LeadFilter,
  ctx: FilterContext,
): number[] {
  return leads.map((_, i) => i).filter((i) => matchesLeadFilter(leads[i]!, derived[i]!, filter, ctx));
}

const split = (rows: { lead: Lead; derived: LeadDerived }[]) => ({
  leads: rows.map((r) => r.lead),
  derived: rows.map((r) => r.derived),
});

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
      { numRuns: 300 },
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
      { numRuns: 150 },
    );
  });

  it('free text over a tiny alphabet: case folding, final sigma, separators, needles spanning fields or rows', () => {
    // Names, companies, e-mails and queries drawn from a few characters, so a needle often sits at a
    // field edge, at a row edge, or holds the '\n' and '\t' the joined text uses.
    // Past U+007F too, as the search text packs it (one-byte-text.ts): two- and three-byte units, a lone surrogate.
    const tiny = fc.string({
      unit: fc.constantFrom('a', 'A', 'b', 'Σ', 'ς', 'σ', 'İ', '\n', '\t', ' ', '张', 'é', '\uD800'),
      maxLength: 3,
    });
    const textRows = fc
      .tuple(rowsArb(12), fc.array(fc.tuple(tiny, tiny, tiny), { minLength: 12, maxLength: 12 }))
      .map(([rows, texts]) =>
        rows.map((r, i) => ({
          ...r,
          lead: { ...r.lead, name: texts[i]![0], company: texts[i]![1], email: texts[i]![2] },
        })),
      );
    const q = fc.string({
      unit: fc.constantFrom('a', 'A', 'b', 'Σ', 'ς', 'σ', 'i̇', '\n', '\t', ' ', '张', 'é', '\uD800'),
      minLength: 1,
      maxLength: 4,
    });
    fc.assert(
      fc.property(textRows, q, ctxArb, (rows, text, ctx) => {
        const { leads, derived } = split(rows);
        const filter = leadFilterSchema.parse({ q: text });
        expect([...queryRows(buildLeadColumns(leads, derived), filter, ctx, null, false)]).toEqual(
          reference(leads, derived, filter, ctx),
        );
      }),
      { numRuns: 1000 },
    );
  });

  it('digit queries match the stored phone as is, never digits picked out of an anonymised hash', () => {
    const q = fc.string({ unit: fc.constantFrom('0', '1', '2', ' ', '-', '(', ')', '+'), minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(rowsArb(12), q, ctxArb, (rows, text, ctx) => {
        const { leads, derived } = split(rows);
        const filter = leadFilterSchema.parse({ q: text });
        expect([...queryRows(buildLeadColumns(leads, derived), filter, ctx, null, false)]).toEqual(
          reference(leads, derived, filter, ctx),
        );
      }),
      { numRuns: 600 },
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
          return i % 2
            ? {
                ...lead,
                acquiredAt: t,
                verifiedAt: lead.verifiedAt === undefined ? undefined : Math.min(lead.verifiedAt, t),
              }
            : { ...lead, acquiredAt: Math.min(lead.acquiredAt, t), verifiedAt: t };
        });
        for (const f of [filter, { ...filter, notVerifiedMonths: months }]) {
          expect([...queryRows(buildLeadColumns(edged, derived), f, ctx, null, false)]).toEqual(
            reference(edged, derived, f, ctx),
          );
        }
      }),
      { numRuns: 120 },
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

describe('worked examples for every filter field (reference and index agree)', () => {
  const NY = 'America/New_York';
  const NOW = Date.UTC(2026, 10, 29, 17, 0); // Sunday 29 Nov 2026, 12:00 in New York
  const DAY = 86_400_000;
  const ctx: FilterContext = { orgTimeZone: NY, dormantMs: 90 * 86_400_000, now: NOW };
  const base = (id: number, over: Partial<Lead>): Lead => ({
    id,
    phoneE164: '+12025550100',
    phoneRaw: '',
    region: 'US',
    timeZone: NY,
    name: '',
    company: '',
    email: '',
    tags: [],
    sourceId: 'web',
    acquiredAt: NOW - DAY,
    acquiredAtPrecision: 'exact',
    createdAt: NOW - DAY,
    updatedAt: NOW - DAY,
    entryMethod: 'manual',
    attempts: 0,
    dncStatus: 'unchecked',
    dncCheckedVersions: [],
    ...over,
  });
  const fact = (
    consent: LeadDerived['consent'],
    dnc: LeadDerived['dnc'],
    reasons: LeadDerived['reasons'],
    callable: boolean,
  ): LeadDerived => ({ consent, dnc, reasons, callable });
  const forty = Array.from({ length: 40 }, (_, i) => `t${i + 1}`);
  const rows: [Lead, LeadDerived][] = [
    // 28 Feb 2026 23:59 in New York (already 1 March in UTC).
    [
      base(1, {
        phoneE164: '+12133734253',
        name: 'Ada Lovelace',
        company: 'Analytical Engines',
        email: 'ada@example.com',
        tags: ['vip', 't1'],
        campaignId: 'spring',
        acquiredAt: Date.UTC(2026, 2, 1, 4, 59),
        attempts: 3,
        firstConnectedAt: NOW - 5 * DAY,
        convertedAt: NOW - 4 * DAY,
      }),
      fact('valid', 'clear', [], true),
    ],
    // 1 March 2026 00:00 in New York: a Sunday, the last day of ISO week 9.
    [
      base(2, {
        phoneE164: '+8613812345678',
        region: 'CN',
        name: '张伟',
        company: '北京科技',
        sourceId: 'fair',
        acquiredAt: Date.UTC(2026, 2, 1, 5, 0),
        entryMethod: 'file',
        importBatchId: 7,
        attempts: 1,
      }),
      fact('expiring', 'listed', ['dnc-listed', 'consent-expiring'], false),
    ],
    // Verified exactly 18 months before NOW (New York wall clock); 40 tags, so t32… are past the 32-bit mask (t31 has code 32).
    [
      base(3, {
        phoneE164: '+447700900123',
        region: 'GB',
        name: 'Grace Hopper',
        company: 'Navy',
        email: 'GRACE@NAVY.MIL',
        tags: forty,
        sourceId: 'Web',
        campaignId: 'expo',
        acquiredAt: Date.UTC(2024, 10, 29, 17, 0),
        verifiedAt: Date.UTC(2025, 4, 29, 16, 0),
        entryMethod: 'api',
      }),
      fact('missing', 'unchecked', ['consent-missing', 'stale-data'], false),
    ],
    // Anonymised: the phone is a keyed hash whose digits, picked out, would read 213373.
    [
      base(4, {
        phoneE164: 'hmac:21a33b73',
        region: 'ZZ',
        sourceId: 'referrals',
        acquiredAt: Date.UTC(2020, 0, 1),
        entryMethod: 'demo',
        importBatchId: 8,
        attempts: 2,
        firstConnectedAt: Date.UTC(2020, 1, 1),
      }),
      fact('withdrawn', 'stale', ['anonymized'], false),
    ],
    [
      base(5, {
        phoneE164: '+12025550143',
        name: 'Bob',
        company: 'Smith & Co',
        email: 'bob@smith.example',
        tags: ['t33'],
        sourceId: 'fair',
        campaignId: 'expo',
        verifiedAt: NOW - 3_600_000,
        attempts: 2,
        firstConnectedAt: NOW - 3_600_000,
      }),
      fact('valid', 'clear', [], true),
    ],
    // Upper-case Greek with final sigma; the empty tag (dictionary code 0).
    [
      base(6, {
        phoneE164: '+447700900456',
        region: 'GB',
        name: 'ΟΔΥΣΣΕΥΣ',
        tags: [''],
        acquiredAt: Date.UTC(2026, 2, 2, 17, 0),
        entryMethod: 'file',
        importBatchId: 7,
      }),
      fact('valid', 'clear', ['consent-expiring'], true),
    ],
  ];
  const leads = rows.map((r) => r[0]);
  const derived = rows.map((r) => r[1]);
  const cols = buildLeadColumns(leads, derived);
  const ALL = [1, 2, 3, 4, 5, 6];

  const cases: [string, Record<string, unknown>, number[]][] = [
    ['q: case-insensitive name', { q: 'ADA' }, [1]],
    ['q: trimmed', { q: '  hopper ' }, [3]],
    ['q: upper-case e-mail', { q: 'navy.mil' }, [3]],
    ['q: e-mail domain', { q: 'example' }, [1, 5]],
    ['q: Chinese name', { q: '张' }, [2]],
    ['q: Chinese company', { q: '北京' }, [2]],
    ['q: final sigma (lower-case query)', { q: 'οδυσσευς' }, [6]],
    ['q: final sigma (upper-case query)', { q: 'ΟΔΥΣΣΕΥΣ' }, [6]],
    ['q: medial sigma is not final sigma', { q: 'ευσ' }, []],
    ['q: digits with spaces match the phone, not the anonymised hash', { q: '213 373' }, [1]],
    ['q: formatted international digits', { q: '+86 (138)' }, [2]],
    ['q: digits shared by two numbers', { q: '44 7700 900' }, [3, 6]],
    ['q: a tab does not join name and company', { q: 'bob\tsmith' }, []],
    ['q: the reference joins the fields with a newline', { q: 'lovelace\nanalytical' }, [1]],
    ['q: the hash is not searchable text', { q: 'hmac' }, []],
    ['q: empty', { q: '' }, ALL],
    ['source: exact and case-sensitive', { source: ['web'] }, [1, 6]],
    ['source: any of', { source: ['Web', 'fair'] }, [2, 3, 5]],
    ['source: unknown', { source: ['nope'] }, []],
    ['campaign: one', { campaign: ['expo'] }, [3, 5]],
    ['campaign: "" is no campaign', { campaign: [''] }, [2, 4, 6]],
    ['campaign: one or none', { campaign: ['spring', ''] }, [1, 2, 4, 6]],
    ['acquiredFrom: from local midnight', { acquiredFrom: '2026-03-01' }, [2, 5, 6]],
    ['acquiredTo: through the local end of day', { acquiredTo: '2026-02-28' }, [1, 3, 4]],
    ['acquiredFrom = acquiredTo: one day', { acquiredFrom: '2026-03-01', acquiredTo: '2026-03-01' }, [2]],
    ['acquiredFrom after acquiredTo: nothing', { acquiredFrom: '2026-03-02', acquiredTo: '2026-03-01' }, []],
    ['cohort: month', { cohort: '2026-02' }, [1]],
    ['cohort: next month', { cohort: '2026-03' }, [2, 6]],
    ['cohort: quarter', { cohort: '2026-Q1' }, [1, 2, 6]],
    ['cohort: day', { cohort: '2026-03-01' }, [2]],
    ['cohort: ISO week ending Sunday 1 March', { cohort: '2026-W09' }, [1, 2]],
    ['cohort: the following ISO week', { cohort: '2026-W10' }, [6]],
    ['cohort narrowed by acquiredFrom', { cohort: '2026-Q1', acquiredFrom: '2026-03-01' }, [2, 6]],
    ['cohort naming no period (2025 has 52 ISO weeks) is ignored', { cohort: '2025-W53' }, ALL],
    ['entry: one', { entry: ['manual'] }, [1, 5]],
    ['entry: any of', { entry: ['file', 'demo'] }, [2, 4, 6]],
    ['region: one', { region: ['GB'] }, [3, 6]],
    ['region: any of', { region: ['ZZ', 'CN'] }, [2, 4]],
    ['consent: one', { consent: ['valid'] }, [1, 5, 6]],
    ['consent: any of', { consent: ['missing', 'withdrawn'] }, [3, 4]],
    ['dnc: one', { dnc: ['listed'] }, [2]],
    ['dnc: any of', { dnc: ['stale', 'unchecked'] }, [3, 4]],
    ['reason: one', { reason: ['consent-expiring'] }, [2, 6]],
    ['reason: any of', { reason: ['anonymized', 'stale-data'] }, [3, 4]],
    ['callable: yes', { callable: 'yes' }, [1, 5, 6]],
    ['callable: no', { callable: 'no' }, [2, 3, 4]],
    ['tags: one', { tags: ['t1'] }, [1, 3]],
    ['tags: every one of', { tags: ['vip', 't1'] }, [1]],
    ['tags: one in the mask, one past it', { tags: ['t1', 't40'] }, [3]],
    ['tags: past the mask', { tags: ['t33'] }, [3, 5]],
    ['tags: the 32nd tag (bit 31) is not the empty tag', { tags: ['t31'] }, [3]],
    ['tags: the empty tag', { tags: [''] }, [6]],
    ['tags: case-sensitive', { tags: ['VIP'] }, []],
    ['tags: unknown', { tags: ['unknown'] }, []],
    ['notVerifiedMonths: verified exactly N months ago counts as not verified', { notVerifiedMonths: 18 }, [3, 4]],
    ['notVerifiedMonths: one month more', { notVerifiedMonths: 19 }, [4]],
    ['notVerifiedMonths: from the URL as text', { notVerifiedMonths: '1' }, [1, 2, 3, 4, 6]],
    ['contacted: yes', { contacted: 'yes' }, [1, 2, 4, 5]],
    ['contacted: no', { contacted: 'no' }, [3, 6]],
    ['connected: yes', { connected: 'yes' }, [1, 4, 5]],
    ['connected: no', { connected: 'no' }, [2, 3, 6]],
    ['converted: yes', { converted: 'yes' }, [1]],
    ['converted: no', { converted: 'no' }, [2, 3, 4, 5, 6]],
    ['batch: from the URL as text', { batch: '7' }, [2, 6]],
    ['batch: another', { batch: 8 }, [4]],
    ['batch: -1 is no lead (it marks "no batch" inside the index)', { batch: -1 }, []],
    ['batch: unknown', { batch: 9 }, []],
    ['several fields: all must hold', { source: ['web'], cohort: '2026-Q1' }, [1, 6]],
    ['several fields: text, region and callable', { q: 'a', region: ['US'], callable: 'yes' }, [1, 5]],
    ['no field', {}, ALL],
  ];

  it('the examples put t31 at tag code 32, the last bit of the mask', () => {
    expect(cols.dict.tags.lookup('t31')).toBe(32);
    expect(cols.dict.tags.lookup('t33')).toBeGreaterThan(32);
  });

  it.each(cases)('%s', (_name, raw, ids) => {
    const filter = leadFilterSchema.parse(raw);
    expect(leads.filter((l, i) => matchesLeadFilter(l, derived[i]!, filter, ctx)).map((l) => l.id)).toEqual(ids);
    expect(Array.from(queryRows(cols, filter, ctx, null, false), (i) => cols.ids[i])).toEqual(ids);
    expect(Array.from(queryRows(cols, filter, ctx, null, true), (i) => cols.ids[i])).toEqual([...ids].reverse());
  });

  it('sorts the examples by name (Latin, Chinese, Greek, empty) and by source, equal sources keeping row order', () => {
    const byName = Array.from(queryRows(cols, {}, ctx, sortOrder(cols, 'name'), false), (i) => cols.ids[i]);
    expect(byName).toEqual(referenceSort(leads, [0, 1, 2, 3, 4, 5], 'name').map((i) => i + 1));
    expect(byName[0]).toBe(4); // the anonymised lead's empty name first
    // "web" and "Web" are one source to the collator: rows 1, 3 and 6 tie and keep row order.
    expect(Array.from(queryRows(cols, {}, ctx, sortOrder(cols, 'source'), false), (i) => cols.ids[i])).toEqual([
      2, 5, 4, 1, 3, 6,
    ]);
  });
});
