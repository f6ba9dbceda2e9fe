/**
 * From a bar, point, cell or row to the leads behind it, as a leads-grid filter (the /leads
 * URL). A click opens the figure's denominator — the leads the rate is taken over — so the
 * grid's count equals the denominator shown; where the leads filter can also express the
 * numerator (connected, converted) a second link opens those.
 */
import type { Campaign } from '../catalog/campaign';
import type { LeadFilter } from '../leads/lead-filter';
import { cohortKey } from '../time/calendar';
import type { CohortSplit } from './cohort-aggregate';
import type { CohortMetric } from './cohort-rates';
import { throughChannel } from './campaign-membership';

const DENOMINATOR: Partial<Record<CohortMetric, Pick<LeadFilter, 'contacted' | 'converted'>>> = {
  connectRate: { contacted: 'yes' },
  wrongNumberRate: { contacted: 'yes' },
  contacted: { contacted: 'yes' },
  medianDaysToContact: { contacted: 'yes' },
  medianDaysToConversion: { converted: 'yes' },
};

const NUMERATOR: Partial<Record<CohortMetric, Pick<LeadFilter, 'connected' | 'converted'>>> = {
  connectRate: { connected: 'yes' },
  conversionRate: { converted: 'yes' },
};

/** A split value, or several (a chart's "other" series: any of them). */
export type SplitValues = string | readonly string[];

/** The filter of one cohort (or all, when `cohort` is undefined) and one split value (or any of several). */
export function segmentFilter(
  cohort: string | undefined,
  split: CohortSplit,
  value: SplitValues | undefined,
): LeadFilter {
  const f: LeadFilter = cohort ? { cohort } : {};
  if (value === undefined || split === 'none') return f;
  const values = typeof value === 'string' ? [value] : [...value];
  if (split === 'source') f.source = values;
  else if (split === 'campaign') f.campaign = values;
  else if (split === 'region') f.region = values;
  else f.entry = values as NonNullable<LeadFilter['entry']>;
  return f;
}

/** The leads a figure is taken over. */
export function denominatorFilter(
  cohort: string | undefined,
  split: CohortSplit,
  value: SplitValues | undefined,
  metric: CohortMetric,
): LeadFilter {
  return { ...segmentFilter(cohort, split, value), ...DENOMINATOR[metric] };
}

/** The leads counted in a rate's numerator, when the leads filter can say it; else null. */
export function numeratorFilter(
  cohort: string | undefined,
  split: CohortSplit,
  value: SplitValues | undefined,
  metric: CohortMetric,
): LeadFilter | null {
  const extra = NUMERATOR[metric];
  return extra ? { ...segmentFilter(cohort, split, value), ...extra } : null;
}

/**
 * A campaign's members by one rule. Window members are leads with no campaign id, from the
 * campaign's channel, acquired between the local days of its start and end; exact when the
 * window runs from local midnight to local midnight (as campaigns are entered).
 */
export function campaignFilter(
  campaign: Campaign,
  rule: 'explicit' | 'window',
  sources: readonly { id: string; kind: string }[],
  timeZone: string,
): LeadFilter {
  if (rule === 'explicit') return { campaign: [campaign.id] };
  const f: LeadFilter = {
    campaign: [''],
    acquiredFrom: cohortKey(campaign.startsAt, 'day', timeZone),
    acquiredTo: cohortKey(campaign.endsAt - 1, 'day', timeZone),
  };
  const via = sources.filter((s) => throughChannel(campaign, s.id, s.kind, '')).map((s) => s.id);
  if (via.length) f.source = via;
  else if (!campaign.event) f.entry = [campaign.channel as NonNullable<LeadFilter['entry']>[number]];
  return f;
}

/** One split value over the acquisition days from `from` to just before `to` (the instants of a cohort range). */
export function rangeFilter(
  split: CohortSplit,
  value: string | undefined,
  from: number | undefined,
  to: number | undefined,
  timeZone: string,
): LeadFilter {
  const f = segmentFilter(undefined, split, value);
  if (from !== undefined) f.acquiredFrom = cohortKey(from, 'day', timeZone);
  if (to !== undefined) f.acquiredTo = cohortKey(to - 1, 'day', timeZone);
  return f;
}
