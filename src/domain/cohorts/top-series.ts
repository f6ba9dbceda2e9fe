/**
 * Top-N series plus "other": a chart with ten series of thin bars in near-identical hues
 * cannot be read, so the combined chart names the N series with most leads and adds the
 * rest up into one "other" series per cohort. Counts add up exactly (so every rate of
 * "other" is a true rate with its own interval); medians cannot be added up, so "other"
 * has none.
 */
import type { CohortAggregate, CohortCell, SeriesTotal } from './cohort-aggregate';
import { ZERO_COUNTS, type CohortCounts, type CohortMetrics } from './cohort-rates';

/** The split value that stands for every series past the top N (not a possible id: ids never hold NUL). */
export const OTHER_SERIES = '\u0000other';

const COUNT_KEYS: readonly (keyof CohortCounts)[] = [
  'leads',
  'contacted',
  'connected',
  'converted',
  'convertedWithin',
  'wrongNumber',
  'dncHit',
];

function empty(): CohortMetrics {
  return {
    ...ZERO_COUNTS,
    medianDaysToContact: null,
    medianDaysToConversion: null,
    medianDataAgeDays: null,
  };
}

function addInto(sum: CohortMetrics, m: CohortMetrics) {
  for (const k of COUNT_KEYS) sum[k] += m[k];
}

export interface TopSeries {
  agg: CohortAggregate;
  /** The split values added up into "other" (most leads first); empty when none were. */
  other: string[];
}

/**
 * The aggregate with its series past the top `n` added up into OTHER_SERIES. Nothing is
 * grouped when at most one series would go into "other" (it would only be renamed).
 */
export function topSeries(agg: CohortAggregate, n: number): TopSeries {
  if (agg.series.length <= n + 1) return { agg, other: [] };
  const other = agg.series.slice(n);
  const cells: CohortCell[] = [];
  let pending: CohortCell | null = null;
  for (const cell of agg.cells) {
    if (pending && pending.cohort !== cell.cohort) {
      cells.push(pending);
      pending = null;
    }
    if (cell.series < n) {
      cells.push(cell);
      continue;
    }
    pending ??= { ...empty(), cohort: cell.cohort, series: n };
    addInto(pending, cell);
  }
  if (pending) cells.push(pending);
  const rest: SeriesTotal = { ...empty(), series: n };
  for (const total of agg.totals) if (total.series >= n) addInto(rest, total);
  return {
    agg: {
      ...agg,
      series: [...agg.series.slice(0, n), OTHER_SERIES],
      cells,
      totals: [...agg.totals.filter((x) => x.series < n), rest],
    },
    other,
  };
}
