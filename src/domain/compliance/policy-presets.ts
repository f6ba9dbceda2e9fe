/**
 * Jurisdiction presets as data (DESIGN.md §4): each rule with its legal source and the date
 * the encoded version took effect. The numbers live here and nowhere else; `effectiveRules`
 * (policies.ts) combines the active ones with the organisation's settings so that the
 * strictest rule wins.
 *
 * Deliberate simplifications, kept conservative: a DNC-listed number is never callable, even
 * with an EBR or consent (the US/Canadian exemption is not applied); public holidays are not
 * known, so Australian holiday bans must be handled by hand; "same subject" in Florida's cap
 * is not modelled, every call counts.
 */
import type { ConsentBasis } from './consent-event';

export const PRESET_IDS = [
  'us-tsr',
  'us-tcpa',
  'florida',
  'uk-tps',
  'canada-dncl',
  'australia-dncr',
  'eu-gdpr',
  'china',
  'organisation',
] as const;
export type PresetId = (typeof PRESET_IDS)[number];

/** Allowed calling window of one local day, minutes since local midnight, half-open [from, to). */
export interface DayWindow {
  from: number;
  to: number;
}

/** At most `count` attempts in any rolling `windowHours`. */
export interface AttemptCap {
  count: number;
  windowHours: number;
}

/** What one preset says; an absent rule means the preset is silent on it. */
export interface PresetRules {
  /** Oldest DNC list copy (and last check) a call may rely on, in calendar days. */
  dncMaxAgeDays?: number;
  /** Seven windows, Sunday first (as `Date#getDay`); `{ from: 0, to: 0 }` = no calls that day. */
  callingHours?: readonly DayWindow[];
  attemptCap?: AttemptCap;
  minGapHours?: number;
  ebrPurchaseMonths?: number;
  ebrInquiryMonths?: number;
  /** A recorded basis for the calls purpose is needed before calling. */
  consentRequired?: boolean;
  /** Bases that count as permission to call under this preset. */
  acceptedBases?: readonly ConsentBasis[];
  consentValidityMonths?: number;
  consentNoticeDays?: number;
  retentionMonths?: number;
  staleMonths?: number;
  /** A company-specific DNC request must be honoured within this many business days. */
  dncRequestHonourBusinessDays?: number;
  /** …and kept at least this long. */
  dncRequestKeepMonths?: number;
  /** Proof of consent kept at least this long. */
  consentProofKeepMonths?: number;
}

export interface PolicyPreset {
  id: PresetId;
  name: string;
  /** Human-readable jurisdiction. */
  jurisdiction: string;
  /** ISO 3166-1 alpha-2 regions of the numbers it governs; `*` = every lead. */
  regions: readonly string[];
  /** Legal source, as cited to the user. */
  source: string;
  /** `yyyy-MM-dd` from which the encoded rules apply. */
  effectiveFrom: string;
  /** A draft (not yet law): applied, but flagged in the UI. */
  draft?: boolean;
  note?: string;
  rules: PresetRules;
}

/** Minutes since local midnight of `hh:mm`. */
export const hm = (hours: number, minutes = 0): number => hours * 60 + minutes;
/** A day on which no call may be made. */
export const CLOSED: DayWindow = { from: 0, to: 0 };
const win = (from: number, to: number): DayWindow => ({ from, to });
const everyDay = (w: DayWindow): DayWindow[] => [w, w, w, w, w, w, w];
const week = (sun: DayWindow, weekday: DayWindow, sat: DayWindow): DayWindow[] => [
  sun,
  weekday,
  weekday,
  weekday,
  weekday,
  weekday,
  sat,
];

const US_BASES: readonly ConsentBasis[] = ['consent', 'ebr-purchase', 'ebr-inquiry', 'contract'];
const EU_EEA = 'AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK IS LI NO'.split(' ');

/** Every preset the app knows, in display order. */
export const POLICY_PRESETS: readonly PolicyPreset[] = [
  {
    id: 'us-tsr',
    name: 'US Telemarketing Sales Rule',
    jurisdiction: 'United States (FTC)',
    regions: ['US'],
    source: '16 CFR 310.4(b)(3)(iv)',
    effectiveFrom: '2005-01-01',
    note: 'Registrations never expire; EBR as defined in 16 CFR 310.2(q).',
    rules: {
      dncMaxAgeDays: 31,
      ebrPurchaseMonths: 18,
      ebrInquiryMonths: 3,
      consentRequired: false,
      acceptedBases: US_BASES,
    },
  },
  {
    id: 'us-tcpa',
    name: 'US Telephone Consumer Protection Act',
    jurisdiction: 'United States (FCC)',
    regions: ['US'],
    source: '47 CFR 64.1200(c)(1)',
    effectiveFrom: '2025-04-11',
    note: 'EBR: 64.1200(f)(5); company-specific DNC requests: 64.1200(d)(3), (d)(6).',
    rules: {
      callingHours: everyDay(win(hm(8), hm(21))),
      ebrPurchaseMonths: 18,
      ebrInquiryMonths: 3,
      consentRequired: false,
      acceptedBases: US_BASES,
      dncRequestHonourBusinessDays: 10,
      dncRequestKeepMonths: 60,
    },
  },
  {
    id: 'florida',
    name: 'Florida Telephone Solicitation',
    jurisdiction: 'Florida, United States',
    // The state cannot be told from the number alone, so when active it governs every US lead.
    regions: ['US'],
    source: 'Fla. Stat. 501.616',
    effectiveFrom: '2021-07-01',
    rules: { callingHours: everyDay(win(hm(8), hm(20))), attemptCap: { count: 3, windowHours: 24 } },
  },
  {
    id: 'uk-tps',
    name: 'UK TPS / CTPS',
    jurisdiction: 'United Kingdom',
    regions: ['GB'],
    source: 'PECR reg. 21 / TPS',
    effectiveFrom: '2003-12-11',
    // A registration takes effect 28 days after it is made: re-screening every 28 days covers it.
    note: 'Screen against TPS and CTPS at least every 28 days.',
    rules: { dncMaxAgeDays: 28 },
  },
  {
    id: 'canada-dncl',
    name: 'Canada National DNCL',
    jurisdiction: 'Canada (CRTC)',
    regions: ['CA'],
    source: 'CRTC Unsolicited Telecommunications Rules',
    effectiveFrom: '2008-09-30',
    rules: {
      dncMaxAgeDays: 31,
      callingHours: week(win(hm(10), hm(18)), win(hm(9), hm(21, 30)), win(hm(10), hm(18))),
      ebrPurchaseMonths: 18,
      ebrInquiryMonths: 6,
      consentRequired: false,
      acceptedBases: US_BASES,
    },
  },
  {
    id: 'australia-dncr',
    name: 'Australia Do Not Call Register',
    jurisdiction: 'Australia (ACMA)',
    regions: ['AU'],
    source:
      'Do Not Call Register Act 2006 / Telecommunications (Telemarketing and Research Calls) Industry Standard 2017',
    effectiveFrom: '2017-03-29',
    note: 'No calls on national public holidays: not known to the app, check by hand.',
    rules: { dncMaxAgeDays: 30, callingHours: week(CLOSED, win(hm(9), hm(20)), win(hm(9), hm(17))) },
  },
  {
    id: 'eu-gdpr',
    name: 'EU GDPR',
    jurisdiction: 'European Union / EEA, United Kingdom (UK GDPR)',
    regions: [...EU_EEA, 'GB'],
    source: 'GDPR Art. 6/7',
    effectiveFrom: '2018-05-25',
    // Validity and retention are the organisation's settings; the regulation fixes no number.
    note: 'Consent must be demonstrable: who, when, how, and what they were told.',
    rules: { consentRequired: true, acceptedBases: ['consent', 'contract', 'legitimate-interest'] },
  },
  {
    id: 'china',
    name: 'China marketing calls',
    jurisdiction: 'China (MIIT)',
    regions: ['CN'],
    source: 'MIIT draft rules 2020 — check the final text',
    effectiveFrom: '2020-08-31',
    draft: true,
    // No explicit consent counts as a refusal: an EBR or legitimate interest is not enough.
    rules: { consentRequired: true, acceptedBases: ['consent'], consentProofKeepMonths: 5 },
  },
  {
    id: 'organisation',
    name: 'Organisation settings',
    jurisdiction: 'This organisation',
    regions: ['*'],
    source: 'Organisation settings',
    effectiveFrom: '1990-01-01',
    note: 'Its numbers come from Settings; always applied.',
    rules: {},
  },
];

/** The preset with this id, or undefined for an unknown id (e.g. from an older settings file). */
export function presetById(id: string): PolicyPreset | undefined {
  return POLICY_PRESETS.find((p) => p.id === id);
}

/** True when a preset governs leads of `region`; an unknown region ('ZZ') is governed by every preset. */
export function presetAppliesTo(preset: PolicyPreset, region: string): boolean {
  return region === 'ZZ' || preset.regions.includes('*') || preset.regions.includes(region);
}
