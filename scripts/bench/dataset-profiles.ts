/**
 * The benchmark dataset's sources, modelled on the demo's (src/db/demo-profiles.ts) but sized
 * by share of all leads instead of by month: each has its own region, entry method, data age
 * at entry, connect and conversion rates, and the consent it comes with.
 */
import type { Source } from '../../src/domain/catalog/source';
import type { ConsentEvent } from '../../src/domain/compliance/consent-event';
import type { EntryMethod } from '../../src/domain/leads/lead';

export type BenchRegion = 'US' | 'CN' | 'GB';

export interface BenchProfile extends Source {
  region: BenchRegion;
  entryMethod: EntryMethod;
  precision: 'exact' | 'day';
  /** Share of all leads (the shares add up to 1). */
  share: number;
  /** Days between acquisition at the source and entry into LeadLedger. */
  ageAtEntryDays: [number, number];
  /** Chance that one call attempt reaches a live person. */
  connect: number;
  /** Chance that a connected lead converts. */
  convert: number;
  wrongNumber: number;
  consent: { share: number; method: ConsentEvent['method']; months: number } | null;
  /** Event sources enter on these days (days before now); others spread over the window. */
  eventDaysAgo?: number[];
  tag?: string;
}

export const BENCH_PROFILES: BenchProfile[] = [
  {
    id: 'web-forms',
    name: 'Website forms',
    kind: 'web',
    region: 'US',
    entryMethod: 'api',
    precision: 'exact',
    share: 0.21,
    ageAtEntryDays: [0, 0.02],
    connect: 0.3,
    convert: 0.16,
    wrongNumber: 0.03,
    consent: { share: 0.97, method: 'web-form', months: 12 },
  },
  {
    id: 'leadflow-api',
    name: 'LeadFlow API partner',
    kind: 'api',
    region: 'US',
    entryMethod: 'api',
    precision: 'exact',
    share: 0.15,
    ageAtEntryDays: [0, 1],
    connect: 0.28,
    convert: 0.14,
    wrongNumber: 0.05,
    consent: { share: 0.95, method: 'web-form', months: 12 },
  },
  {
    id: 'paid-social',
    name: 'Paid social ads',
    kind: 'web',
    region: 'US',
    entryMethod: 'api',
    precision: 'exact',
    share: 0.14,
    ageAtEntryDays: [0, 0.05],
    connect: 0.26,
    convert: 0.1,
    wrongNumber: 0.08,
    consent: { share: 0.92, method: 'web-form', months: 12 },
  },
  {
    id: 'datamax-list',
    name: 'DataMax purchased list',
    kind: 'vendor',
    region: 'US',
    entryMethod: 'file',
    precision: 'day',
    share: 0.12,
    ageAtEntryDays: [330, 420],
    connect: 0.14,
    convert: 0.08,
    wrongNumber: 0.22,
    consent: { share: 0.6, method: 'import', months: 12 },
    eventDaysAgo: [470, 230],
  },
  {
    id: 'expo-2026',
    name: 'Trade show — SalesTech Expo',
    kind: 'event',
    region: 'US',
    entryMethod: 'file',
    precision: 'day',
    share: 0.06,
    ageAtEntryDays: [3, 6],
    connect: 0.42,
    convert: 0.3,
    wrongNumber: 0.02,
    consent: { share: 0.9, method: 'written', months: 12 },
    eventDaysAgo: [320, 140],
    tag: 'expo',
  },
  {
    id: 'webinars',
    name: 'Quarterly webinars',
    kind: 'event',
    region: 'US',
    entryMethod: 'file',
    precision: 'day',
    share: 0.05,
    ageAtEntryDays: [1, 3],
    connect: 0.36,
    convert: 0.22,
    wrongNumber: 0.02,
    consent: { share: 1, method: 'web-form', months: 12 },
    eventDaysAgo: [500, 410, 320, 230, 140, 50],
  },
  {
    id: 'referrals',
    name: 'Customer referrals',
    kind: 'referral',
    region: 'US',
    entryMethod: 'manual',
    precision: 'exact',
    share: 0.04,
    ageAtEntryDays: [0, 2],
    connect: 0.5,
    convert: 0.38,
    wrongNumber: 0.01,
    consent: { share: 1, method: 'verbal-recording', months: 24 },
  },
  {
    id: 'wechat-mini',
    name: 'WeChat mini-program (CN)',
    kind: 'web',
    region: 'CN',
    entryMethod: 'api',
    precision: 'exact',
    share: 0.09,
    ageAtEntryDays: [0, 0.5],
    connect: 0.38,
    convert: 0.12,
    wrongNumber: 0.02,
    consent: { share: 1, method: 'web-form', months: 24 },
  },
  {
    id: 'uk-partner',
    name: 'UK events partner',
    kind: 'event',
    region: 'GB',
    entryMethod: 'file',
    precision: 'day',
    share: 0.1,
    ageAtEntryDays: [2, 10],
    connect: 0.33,
    convert: 0.15,
    wrongNumber: 0.03,
    consent: { share: 0.85, method: 'written', months: 24 },
  },
  {
    id: 'legacy-crm',
    name: 'Legacy CRM migration',
    kind: 'other',
    region: 'US',
    entryMethod: 'file',
    precision: 'day',
    share: 0.04,
    ageAtEntryDays: [30, 400],
    connect: 0.3,
    convert: 0.1,
    wrongNumber: 0.05,
    consent: null,
    eventDaysAgo: [1340],
    tag: 'legacy',
  },
];

/** US area codes with their zone's standard UTC offset (hours), for placing calls in working hours. */
export const US_AREAS: readonly (readonly [string, number])[] = [
  ['212', -5],
  ['646', -5],
  ['305', -5],
  ['404', -5],
  ['617', -5],
  ['919', -5],
  ['407', -5],
  ['813', -5],
  ['312', -6],
  ['713', -6],
  ['214', -6],
  ['303', -7],
  ['720', -7],
  ['415', -8],
  ['213', -8],
  ['206', -8],
  ['503', -8],
  ['702', -8],
];
export const CN_PREFIXES = ['138', '139', '135', '137', '150', '151', '186', '188'] as const;
export const REGION_ZONE: Record<Exclude<BenchRegion, 'US'>, [string, number]> = {
  CN: ['Asia/Shanghai', 8],
  GB: ['Europe/London', 0],
};
