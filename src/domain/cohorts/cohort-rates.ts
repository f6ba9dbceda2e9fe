/**
 * What each cohort metric means (DESIGN.md §5), written once as data, plus the slow and
 * obvious reference computation that the columnar aggregate must equal.
 *
 * - contacted: the lead has any call (`attempts > 0`, as the leads filter reads it);
 * - connected: a live person answered any call (`firstConnectedAt`: connected, converted,
 *   wrong-number or dnc-requested); connect rate = connected ÷ contacted;
 * - converted: a call ended `converted` (`convertedAt`); conversion rate = converted ÷ leads;
 * - converted within N days: `convertedAt − acquiredAt ≤ N × 24 h` ÷ leads, the fair
 *   comparison for young cohorts (elapsed time, not calendar days: it is a rate, not a rule);
 * - wrong number: any call ended `wrong-number`, ÷ contacted leads (of the leads we called,
 *   how many numbers were wrong: the data-quality figure a vendor is judged on);
 * - DNC hit: the lead is on a DNC list (scrub) or asked not to be called, ÷ leads;
 * - days to first contact count from entry into LeadLedger (`createdAt`: how fast we call what
 *   we have); days to conversion from acquisition (the same clock as the N-day window);
 *   data age at entry = `createdAt − acquiredAt`. Medians of fractional days.
 */
import type { Call } from '../leads/call';
import type { Lead } from '../leads/lead';
import { MS_PER_DAY } from '../time/calendar';
import { wilson, type Proportion } from './wilson';

export interface CohortCounts {
  leads: number;
  contacted: number;
  connected: number;
  converted: number;
  convertedWithin: number;
  wrongNumber: number;
  dncHit: number;
}

export interface CohortMedians {
  medianDaysToContact: number | null;
  medianDaysToConversion: number | null;
  medianDataAgeDays: number | null;
}

export type CohortMetrics = CohortCounts & CohortMedians;

/** Every count at zero: the start of a sum (copy it; never mutate). */
export const ZERO_COUNTS: Readonly<CohortCounts> = {
  leads: 0,
  contacted: 0,
  connected: 0,
  converted: 0,
  convertedWithin: 0,
  wrongNumber: 0,
  dncHit: 0,
};

export const RATE_METRICS = [
  'connectRate',
  'conversionRate',
  'conversionWithinRate',
  'wrongNumberRate',
  'dncHitRate',
] as const;
export type RateMetric = (typeof RATE_METRICS)[number];
export const COUNT_METRICS = ['leads', 'contacted'] as const;
export type CountMetric = (typeof COUNT_METRICS)[number];
export const MEDIAN_METRICS = ['medianDaysToContact', 'medianDaysToConversion', 'medianDataAgeDays'] as const;
export type MedianMetric = (typeof MEDIAN_METRICS)[number];
export const COHORT_METRICS = [...RATE_METRICS, ...COUNT_METRICS, ...MEDIAN_METRICS] as const;
export type CohortMetric = (typeof COHORT_METRICS)[number];

/** Numerator and denominator of every rate. */
export const RATE_PARTS: Record<RateMetric, { numerator: keyof CohortCounts; denominator: keyof CohortCounts }> = {
  connectRate: { numerator: 'connected', denominator: 'contacted' },
  conversionRate: { numerator: 'converted', denominator: 'leads' },
  conversionWithinRate: { numerator: 'convertedWithin', denominator: 'leads' },
  wrongNumberRate: { numerator: 'wrongNumber', denominator: 'contacted' },
  dncHitRate: { numerator: 'dncHit', denominator: 'leads' },
};

export const isRateMetric = (m: CohortMetric): m is RateMetric => (RATE_METRICS as readonly string[]).includes(m);
export const isMedianMetric = (m: CohortMetric): m is MedianMetric => (MEDIAN_METRICS as readonly string[]).includes(m);

/** A rate with its numerator, denominator and 95 % Wilson interval. */
export function rateOf(counts: CohortCounts, metric: RateMetric): Proportion {
  const { numerator, denominator } = RATE_PARTS[metric];
  return wilson(counts[numerator], counts[denominator]);
}

/** The per-lead facts the metrics read (the columnar snapshot stores exactly these). */
export interface LeadOutcome {
  acquiredAt: number;
  createdAt: number;
  contacted: boolean;
  firstContactAt?: number | undefined;
  connected: boolean;
  convertedAt?: number | undefined;
  wrongNumber: boolean;
  dncHit: boolean;
}

/** A lead's outcome from the lead and its calls (wrong number and DNC requests are in the calls). */
export function leadOutcome(lead: Lead, calls: readonly Pick<Call, 'outcome'>[]): LeadOutcome {
  return {
    acquiredAt: lead.acquiredAt,
    createdAt: lead.createdAt,
    contacted: lead.attempts > 0,
    firstContactAt: lead.firstContactAt,
    connected: lead.firstConnectedAt !== undefined,
    convertedAt: lead.convertedAt,
    wrongNumber: calls.some((c) => c.outcome === 'wrong-number'),
    dncHit: lead.dncStatus === 'listed' || calls.some((c) => c.outcome === 'dnc-requested'),
  };
}

/** Median of a list of numbers (mean of the two middle ones when even); null when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Days from `from` to `to`, as the aggregate computes them (same float arithmetic). */
export const daysBetween = (from: number, to: number): number => (to - from) / MS_PER_DAY;

/** The reference: every metric of one cohort, by looking at each lead. */
export function cohortMetrics(leads: readonly LeadOutcome[], windowDays: number): CohortMetrics {
  const windowMs = windowDays * MS_PER_DAY;
  const c: CohortCounts = { ...ZERO_COUNTS, leads: leads.length };
  const toContact: number[] = [];
  const toConversion: number[] = [];
  const age: number[] = [];
  for (const l of leads) {
    age.push(daysBetween(l.acquiredAt, l.createdAt));
    if (l.contacted) {
      c.contacted++;
      if (l.firstContactAt !== undefined) toContact.push(daysBetween(l.createdAt, l.firstContactAt));
      if (l.wrongNumber) c.wrongNumber++;
      // Counted among contacted leads only, so the rate can never pass 100 %.
      if (l.connected) c.connected++;
    }
    if (l.convertedAt !== undefined) {
      c.converted++;
      toConversion.push(daysBetween(l.acquiredAt, l.convertedAt));
      if (l.convertedAt - l.acquiredAt <= windowMs) c.convertedWithin++;
    }
    if (l.dncHit) c.dncHit++;
  }
  return {
    ...c,
    medianDaysToContact: median(toContact),
    medianDaysToConversion: median(toConversion),
    medianDataAgeDays: median(age),
  };
}
