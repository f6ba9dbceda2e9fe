/**
 * The demo's sources, each with its own character: volume by month, data age at entry,
 * connect and conversion rates that drift over time, and the consent it comes with.
 * Month indexes count from the start of the 18-month demo window (0 = oldest).
 */
import type { Source } from '../domain/catalog/source';
import type { ConsentBasis } from '../domain/compliance/consent-event';
import type { EntryMethod } from '../domain/leads/lead';

export type Region = 'US' | 'CN' | 'GB';

export interface SourceProfile extends Source {
  region: Region;
  entryMethod: EntryMethod;
  /** Leads acquired in demo month `m` (0…17). */
  volume: (m: number) => number;
  /** Days between acquisition at the source and entry into LeadLedger. */
  ageAtEntryDays: [number, number];
  /** Chance that one call attempt reaches a live person, by month of acquisition. */
  connect: (m: number) => number;
  /** Chance that a connected lead converts. */
  convert: (m: number) => number;
  wrongNumber: number;
  consent: {
    basis: ConsentBasis;
    method: 'web-form' | 'verbal-recording' | 'written' | 'import';
    validityMonths: number;
    share: number;
  } | null;
  precision: 'exact' | 'day';
}

const steady = (n: number) => () => n;
const only = (months: Record<number, number>) => (m: number) => months[m] ?? 0;

export const DEMO_PROFILES: SourceProfile[] = [
  {
    id: 'web-forms',
    name: 'Website forms',
    kind: 'web',
    region: 'US',
    entryMethod: 'api',
    volume: steady(300),
    ageAtEntryDays: [0, 0.02],
    connect: () => 0.3,
    convert: () => 0.16,
    wrongNumber: 0.03,
    consent: { basis: 'consent', method: 'web-form', validityMonths: 12, share: 0.97 },
    precision: 'exact',
  },
  {
    id: 'expo-2026',
    name: 'Trade show — SalesTech Expo',
    kind: 'event',
    region: 'US',
    entryMethod: 'file',
    volume: only({ 7: 1500 }),
    ageAtEntryDays: [3, 6],
    connect: () => 0.42,
    convert: () => 0.3,
    wrongNumber: 0.02,
    consent: { basis: 'consent', method: 'written', validityMonths: 12, share: 0.9 },
    precision: 'day',
  },
  {
    id: 'referrals',
    name: 'Customer referrals',
    kind: 'referral',
    region: 'US',
    entryMethod: 'manual',
    volume: steady(50),
    ageAtEntryDays: [0, 2],
    connect: () => 0.5,
    convert: () => 0.38,
    wrongNumber: 0.01,
    consent: { basis: 'consent', method: 'verbal-recording', validityMonths: 24, share: 1 },
    precision: 'exact',
  },
  {
    id: 'datamax-list',
    name: 'DataMax purchased list',
    kind: 'vendor',
    region: 'US',
    entryMethod: 'file',
    volume: only({ 3: 1200, 11: 1200 }),
    ageAtEntryDays: [330, 420],
    connect: () => 0.14,
    convert: () => 0.08,
    wrongNumber: 0.22,
    consent: { basis: 'consent', method: 'import', validityMonths: 12, share: 0.6 },
    precision: 'day',
  },
  {
    id: 'leadflow-api',
    name: 'LeadFlow API partner',
    kind: 'api',
    region: 'US',
    entryMethod: 'api',
    volume: steady(180),
    ageAtEntryDays: [0, 1],
    connect: (m) => 0.32 - m * 0.008,
    convert: () => 0.14,
    wrongNumber: 0.05,
    consent: { basis: 'consent', method: 'web-form', validityMonths: 12, share: 0.95 },
    precision: 'exact',
  },
  {
    id: 'webinars',
    name: 'Quarterly webinars',
    kind: 'event',
    region: 'US',
    entryMethod: 'file',
    volume: only({ 2: 250, 5: 250, 8: 250, 11: 250, 14: 250, 17: 250 }),
    ageAtEntryDays: [1, 3],
    connect: () => 0.36,
    convert: () => 0.22,
    wrongNumber: 0.02,
    consent: { basis: 'consent', method: 'web-form', validityMonths: 12, share: 1 },
    precision: 'day',
  },
  {
    id: 'paid-social',
    name: 'Paid social ads',
    kind: 'web',
    region: 'US',
    entryMethod: 'api',
    volume: steady(180),
    ageAtEntryDays: [0, 0.05],
    connect: (m) => 0.3 - m * 0.006,
    convert: (m) => 0.14 - m * 0.005,
    wrongNumber: 0.08,
    consent: { basis: 'consent', method: 'web-form', validityMonths: 12, share: 0.92 },
    precision: 'exact',
  },
  {
    id: 'wechat-mini',
    name: 'WeChat mini-program (CN)',
    kind: 'web',
    region: 'CN',
    entryMethod: 'api',
    volume: steady(100),
    ageAtEntryDays: [0, 0.5],
    connect: () => 0.38,
    convert: () => 0.12,
    wrongNumber: 0.02,
    consent: { basis: 'consent', method: 'web-form', validityMonths: 24, share: 1 },
    precision: 'exact',
  },
  {
    id: 'uk-partner',
    name: 'UK events partner',
    kind: 'event',
    region: 'GB',
    entryMethod: 'file',
    volume: steady(60),
    ageAtEntryDays: [2, 10],
    connect: () => 0.33,
    convert: () => 0.15,
    wrongNumber: 0.03,
    consent: { basis: 'consent', method: 'written', validityMonths: 24, share: 0.85 },
    precision: 'day',
  },
];

/** Old CRM records from before the demo window: past retention, waiting for a purge. */
export const LEGACY_SOURCE: Source = { id: 'legacy-crm', name: 'Legacy CRM migration', kind: 'other' };
export const LEGACY_COUNT = 320;

// The names the demo picks from (demo-names.ts), read from here by the bench's dataset too (whose
// cached profiles are keyed by its source: moving this import there would regenerate them).
export { AGENTS, CN_COMPANIES, CN_GIVEN, CN_SURNAMES, COMPANIES, FIRST_NAMES, LAST_NAMES } from './demo-names';
