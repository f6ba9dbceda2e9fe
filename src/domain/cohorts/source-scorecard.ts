/**
 * One row per source over the chosen range, with sparklines by cohort and a warning flag.
 * The test: a source is flagged on a metric when the 95 % Wilson interval of its last
 * cohorts (pooled) lies wholly below the interval of its own earlier cohorts (pooled).
 * Only cohorts whose N-day window is complete take part, so a young cohort is never
 * flagged for conversions that simply have not happened yet.
 */
import { rateOf, RATE_PARTS, ZERO_COUNTS, type CohortCounts, type CohortMetrics } from './cohort-rates';
import type { CohortAggregate } from './cohort-aggregate';
import { wilson, type Proportion } from './wilson';

export const FLAG_METRICS = ['connectRate', 'conversionWithinRate'] as const;
export type FlagMetric = (typeof FLAG_METRICS)[number];

export interface ScorecardFlag {
  metric: FlagMetric;
  recent: Proportion;
  history: Proportion;
  recentCohorts: string[];
}

export interface ScorecardRow {
  sourceId: string;
  totals: CohortMetrics;
  connect: Proportion;
  conversion: Proportion;
  conversionWithin: Proportion;
  /** Per cohort of the aggregate (null where the source has none or the rate has no denominator). */
  sparkConnect: (number | null)[];
  sparkConversion: (number | null)[];
  flags: ScorecardFlag[];
}

function pool(cells: readonly CohortCounts[]): CohortCounts {
  const out = { ...ZERO_COUNTS };
  for (const c of cells) for (const k of Object.keys(ZERO_COUNTS) as (keyof CohortCounts)[]) out[k] += c[k];
  return out;
}

/** Scorecard rows from an aggregate split by source; `recent` = how many last cohorts to test. */
export function sourceScorecard(agg: CohortAggregate, recent = 3): ScorecardRow[] {
  if (agg.split !== 'source') throw new Error('the scorecard needs an aggregate split by source');
  return agg.series.map((sourceId, s) => {
    const cells = agg.cells.filter((c) => c.series === s);
    const byCohort = new Map(cells.map((c) => [c.cohort, c]));
    const spark = (metric: 'connectRate' | 'conversionWithinRate') =>
      agg.cohorts.map((_, k) => {
        const c = byCohort.get(k);
        return c ? rateOf(c, metric).rate : null;
      });
    const complete = cells.filter((c) => agg.cohorts[c.cohort]!.windowComplete);
    const flags: ScorecardFlag[] = [];
    if (complete.length > recent) {
      const last = complete.slice(-recent);
      const earlier = pool(complete.slice(0, -recent));
      const lately = pool(last);
      for (const metric of FLAG_METRICS) {
        const { numerator, denominator } = RATE_PARTS[metric];
        const r = wilson(lately[numerator], lately[denominator]);
        const h = wilson(earlier[numerator], earlier[denominator]);
        if (r.high !== null && h.low !== null && r.high < h.low)
          flags.push({ metric, recent: r, history: h, recentCohorts: last.map((c) => agg.cohorts[c.cohort]!.key) });
      }
    }
    const totals = agg.totals[s]!;
    return {
      sourceId,
      totals,
      connect: rateOf(totals, 'connectRate'),
      conversion: rateOf(totals, 'conversionRate'),
      conversionWithin: rateOf(totals, 'conversionWithinRate'),
      sparkConnect: spark('connectRate'),
      sparkConversion: spark('conversionWithinRate'),
      flags,
    };
  });
}
