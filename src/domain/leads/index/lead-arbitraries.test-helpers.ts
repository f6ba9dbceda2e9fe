/**
 * fast-check arbitraries for the columnar index's tests: leads, derived facts, filters and
 * contexts drawn from small pools, so that random text queries, tags, cohorts and sort ties
 * actually hit (a filter drawn from the whole Unicode space would match nothing).
 */
import fc from 'fast-check';
import { LIFECYCLE_STAGES } from '../lifecycle-stage';
import { REASON_CODES } from '../../compliance/verdict-types';
import { COHORT_GRAINS, cohortKey } from '../../time/calendar';
import { CALL_OUTCOMES } from '../call-outcome';
import { ENTRY_METHODS, type Lead } from '../lead';
import {
  CONSENT_FILTER_STATES,
  DNC_FILTER_STATES,
  leadFilterSchema,
  type FilterContext,
  type LeadDerived,
  type LeadFilter,
} from '../lead-filter';

const DAY = 86_400_000;
export const T_MIN = Date.UTC(1990, 0, 1);
export const T_MAX = Date.UTC(2030, 0, 1);
/** Instants near period edges in the zones below (month, quarter, ISO week, DST changes). */
const ANCHORS = [
  Date.UTC(2026, 2, 1, 4, 59, 59, 999),
  Date.UTC(2026, 2, 1, 5, 0),
  Date.UTC(2025, 11, 31, 16, 0),
  Date.UTC(2026, 2, 8, 7, 0),
  Date.UTC(2026, 9, 4, 15, 30),
  Date.UTC(1990, 0, 1),
  Date.UTC(2029, 11, 31, 23, 59),
];
export const ZONES = ['UTC', 'America/New_York', 'Asia/Shanghai', 'Australia/Lord_Howe', 'Asia/Kolkata'] as const;

const clampT = (t: number) => Math.min(T_MAX, Math.max(T_MIN, t));
/** Any instant 1990–2030, often a few days or a few milliseconds from an anchor (same-second ties). */
export const instantArb: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: T_MIN, max: T_MAX }),
  fc.tuple(fc.constantFrom(...ANCHORS), fc.integer({ min: -3 * DAY, max: 3 * DAY })).map(([a, d]) => clampT(a + d)),
  fc.tuple(fc.constantFrom(...ANCHORS), fc.integer({ min: 0, max: 2_500 })).map(([a, d]) => clampT(a + d)),
);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 2 });

/** Characters that exercise case folding (İ, final sigma), CJK, and the field/row separators. */
export const TEXT_CHARS = [
  'a',
  'A',
  'b',
  'B',
  'c',
  '张',
  '王',
  '伟',
  'Σ',
  'σ',
  'ς',
  'İ',
  'i',
  'ä',
  '\n',
  '\t',
  ' ',
  '@',
  '.',
  '1',
];
const textArb = (maxLength: number) => fc.string({ unit: fc.constantFrom(...TEXT_CHARS), maxLength });
const PHONE_DIGITS = ['0', '1', '2', '3'];
const phoneArb = fc.oneof(
  fc.string({ unit: fc.constantFrom(...PHONE_DIGITS), minLength: 6, maxLength: 10 }).map((d) => `+1${d}`),
  // An anonymised lead keeps its number only as a keyed hash (hex, with digits in it).
  fc
    .string({ unit: fc.constantFrom('0', '1', '2', 'a', 'b', 'c', 'd', 'e', 'f'), minLength: 8, maxLength: 12 })
    .map((h) => `hmac:${h}`),
);
/** Mixed case and accents: equal under the base-sensitivity collator, distinct as strings. */
export const SOURCES = ['web', 'Web', 'fair', 'referrals', '展会', 'ä', 'a'];
export const CAMPAIGNS = ['spring', 'Spring', 'expo', ''];
/** 45 distinct tags (more than the 32 the bitmask holds), mixed case, CJK and the empty string. */
export const TAGS = [...Array.from({ length: 40 }, (_, i) => `t${i}`), 'VIP', 'vip', '重要', '', 'a b'];
const REGIONS = ['US', 'CN', 'GB', 'ZZ'];

interface LeadRow {
  lead: Lead;
  derived: LeadDerived;
}

/** Drop keys whose value is undefined: optional fields are absent, as Dexie stores them. */
function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

const leadBody = fc.record({
  phoneE164: phoneArb,
  region: fc.constantFrom(...REGIONS),
  name: textArb(6),
  company: textArb(4),
  email: textArb(4),
  // Usually a few tags (duplicates included), sometimes most of the pool: past the 32 bits of the mask.
  tags: fc.oneof(
    { weight: 4, arbitrary: fc.array(fc.constantFrom(...TAGS), { maxLength: 5 }) },
    { weight: 1, arbitrary: fc.shuffledSubarray(TAGS, { minLength: 20 }) },
  ),
  sourceId: fc.constantFrom(...SOURCES),
  campaignId: maybe(fc.constantFrom(...CAMPAIGNS)),
  acquiredAt: instantArb,
  createdAt: instantArb,
  entryMethod: fc.constantFrom(...ENTRY_METHODS),
  importBatchId: maybe(fc.integer({ min: 1, max: 4 })),
  verifiedAt: maybe(instantArb),
  lastContactAt: maybe(instantArb),
  attempts: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 300 })),
  firstConnectedAt: maybe(instantArb),
  convertedAt: maybe(instantArb),
  lastOutcome: maybe(fc.constantFrom(...CALL_OUTCOMES)),
  dncCheckedAt: maybe(instantArb),
});

const derivedArb: fc.Arbitrary<LeadDerived> = fc.record({
  consent: fc.constantFrom(...CONSENT_FILTER_STATES),
  dnc: fc.constantFrom(...DNC_FILTER_STATES),
  reasons: fc.subarray([...REASON_CODES]),
  callable: fc.boolean(),
});

/** Leads with ids 1..n (row i has id i + 1) and their derived facts. */
export const rowsArb = (maxLength = 30): fc.Arbitrary<LeadRow[]> =>
  fc.array(fc.tuple(leadBody, derivedArb), { maxLength, size: 'max' }).map((rows) =>
    rows.map(([b, derived], i) => ({
      lead: compact({
        ...b,
        id: i + 1,
        phoneRaw: '',
        timeZone: 'UTC',
        acquiredAtPrecision: 'exact' as const,
        updatedAt: b.createdAt,
        dncStatus: 'unchecked' as const,
        dncCheckedVersions: [],
      }),
      derived,
    })),
  );

export const cohortArb = fc.oneof(
  fc
    .tuple(instantArb, fc.constantFrom(...COHORT_GRAINS), fc.constantFrom(...ZONES))
    .map(([t, g, z]) => cohortKey(t, g, z)),
  // Keys the regex admits but that name no period.
  fc.constantFrom('2025-W53', '2026-W00', '2026-02-30', '2026-13', '2020-W53'),
);
export const dayArb = fc.oneof(
  fc.tuple(instantArb, fc.constantFrom(...ZONES)).map(([t, z]) => cohortKey(t, 'day', z)),
  fc.constantFrom('2026-02-30', '1989-12-31'),
);
const qArb = fc.oneof(
  fc.string({ unit: fc.constantFrom(...PHONE_DIGITS, ' ', '-', '+', '(', ')', '.'), minLength: 1, maxLength: 4 }),
  textArb(3),
  fc.constantFrom('hmac', 'a1', '  A  ', 'ab\nc', 'a\tb'),
  fc.string({ maxLength: 4 }),
);
const yesNo = fc.constantFrom('yes' as const, 'no' as const);

const filterFields = {
  q: qArb,
  source: fc.array(fc.constantFrom(...SOURCES, 'nope', ''), { maxLength: 3 }),
  campaign: fc.array(fc.constantFrom(...CAMPAIGNS, 'nope'), { maxLength: 3 }),
  acquiredFrom: dayArb,
  acquiredTo: dayArb,
  cohort: cohortArb,
  entry: fc.subarray([...ENTRY_METHODS]),
  region: fc.array(fc.constantFrom(...REGIONS, 'AU'), { maxLength: 3 }),
  consent: fc.subarray([...CONSENT_FILTER_STATES]),
  dnc: fc.subarray([...DNC_FILTER_STATES]),
  reason: fc.subarray([...REASON_CODES]),
  callable: yesNo,
  stage: fc.subarray([...LIFECYCLE_STAGES], { minLength: 1, maxLength: 3 }),
  tags: fc.array(fc.constantFrom(...TAGS, 'unknown'), { maxLength: 3 }),
  notVerifiedMonths: fc.integer({ min: 1, max: 240 }),
  contacted: yesNo,
  connected: yesNo,
  converted: yesNo,
  batch: fc.integer({ min: -1, max: 5 }),
};
type FilterKey = keyof typeof filterFields;
const FILTER_KEYS = Object.keys(filterFields) as FilterKey[];

/** A filter setting a few of its fields (setting all at once would almost never match a row), parsed by the URL schema. */
export const filterArb: fc.Arbitrary<LeadFilter> = fc
  .tuple(fc.record(filterFields), fc.subarray(FILTER_KEYS, { maxLength: 3 }))
  .map(([all, keys]) => leadFilterSchema.parse(Object.fromEntries(keys.map((k) => [k, all[k]]))));

export const ctxArb: fc.Arbitrary<FilterContext> = fc.record({
  orgTimeZone: fc.constantFrom(...ZONES),
  now: fc.integer({ min: Date.UTC(2020, 0, 1), max: T_MAX }),
  // From a day to ten years of 24 h: which leads are dormant turns on it.
  dormantMs: fc.integer({ min: 1, max: 3650 }).map((d) => d * 86_400_000),
});
