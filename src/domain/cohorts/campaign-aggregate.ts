/**
 * Campaign performance: the cohort metrics per campaign over all its members, with how many
 * joined by explicit campaign id and how many by acquisition window (campaign-membership.ts).
 */
import type { CohortMetrics, MedianMetric } from './cohort-rates';
import { RULE_EXPLICIT, RULE_WINDOW, type ColumnarSnapshot } from './columnar-snapshot';
import { groupStats, metricsOf } from './group-stats';

export interface CampaignPerformance {
  /** '' for leads in no campaign. */
  campaignId: string;
  explicit: number;
  window: number;
  metrics: CohortMetrics;
}

/** One row per known campaign (in the snapshot's order), then unknown ids, then "no campaign". */
export function aggregateCampaigns(
  s: ColumnarSnapshot,
  windowDays: number,
  medians?: readonly MedianMetric[],
): CampaignPerformance[] {
  const M = s.members.length;
  const groupOf = new Int32Array(s.n);
  const explicit = new Int32Array(M);
  const window = new Int32Array(M);
  for (let i = 0; i < s.n; i++) {
    const m = s.member[i]!;
    groupOf[i] = m;
    const rule = s.memberRule[i];
    if (rule === RULE_EXPLICIT) explicit[m]!++;
    else if (rule === RULE_WINDOW) window[m]!++;
  }
  const stats = groupStats(s, { groupOf, groups: M }, windowDays, medians).cells;
  const rows = s.members.map((campaignId, m) => ({
    campaignId,
    explicit: explicit[m]!,
    window: window[m]!,
    metrics: metricsOf(stats, m),
  }));
  return [...rows.slice(1), rows[0]!];
}
