/**
 * The chart's data builder (STYLE.md: a pure function returns the typed series; the recharts
 * component only draws it). One row per cohort, one value per series, each with what the
 * tooltip, the table, the CSV and the drill-down need. Charts stay under MAX_POINTS points
 * (recharts slows down beyond a few thousand) and, with no range chosen, show the newest
 * cohorts only: past either limit the oldest cohorts are left out (and counted).
 */
import type { CohortAggregate, CohortCell } from '../../../domain/cohorts/cohort-aggregate';
import { isMedianMetric, isRateMetric, RATE_PARTS, rateOf, type CohortMetric } from '../../../domain/cohorts/cohort-rates';
import { denominatorFilter, numeratorFilter } from '../../../domain/cohorts/drill-down';
import type { LeadFilter } from '../../../domain/leads/lead-filter';

export const MAX_POINTS = 2000;
/** Below this many leads in its denominator a figure is marked small. */
export const MIN_COHORT_SIZE = 30;

export const SERIES_COLORS = ['#4f46e5', '#0891b2', '#d97706', '#db2777', '#059669', '#7c3aed', '#dc2626', '#65a30d', '#0284c7', '#a16207', '#475569', '#c026d3'];

export interface Point {
  value: number | null;
  /** Rates only. */
  numerator: number | null;
  denominator: number | null;
  low: number | null;
  high: number | null;
  leads: number;
  /** Fewer than MIN_COHORT_SIZE leads behind the figure. */
  small: boolean;
  /** The cohort's N-day window is not over yet (conversion metrics). */
  young: boolean;
  drill: LeadFilter;
  /** How many leads `drill` opens (what the grid will count). */
  drillCount: number;
  drillNumerator: LeadFilter | null;
}

export interface SeriesInfo {
  /** Safe recharts data key (`s0`, `s1`, …). */
  key: string;
  /** The split value (`''` = none). */
  id: string;
  color: string;
}

export interface ChartRow {
  key: string;
  start: number;
  windowComplete: boolean;
  points: Record<string, Point | undefined>;
}

export interface ChartSeries {
  metric: CohortMetric;
  isRate: boolean;
  series: SeriesInfo[];
  rows: ChartRow[];
  /** Cohorts left out to stay under MAX_POINTS. */
  omitted: number;
}

const YOUNG_METRICS: readonly CohortMetric[] = ['conversionRate', 'conversionWithinRate', 'medianDaysToConversion'];

function pointOf(agg: CohortAggregate, cell: CohortCell, metric: CohortMetric): Point {
  const key = agg.cohorts[cell.cohort]!.key;
  const value = agg.split === 'none' ? undefined : agg.series[cell.series];
  const young = YOUNG_METRICS.includes(metric) && !agg.cohorts[cell.cohort]!.windowComplete;
  const base = { leads: cell.leads, young, drill: denominatorFilter(key, agg.split, value, metric), drillNumerator: numeratorFilter(key, agg.split, value, metric) };
  if (isRateMetric(metric)) {
    const r = rateOf(cell, metric);
    return { ...base, value: r.rate, numerator: r.numerator, denominator: r.denominator, low: r.low, high: r.high, small: r.denominator < MIN_COHORT_SIZE, drillCount: r.denominator };
  }
  const size = metric === 'medianDaysToContact' || metric === 'contacted' ? cell.contacted : metric === 'medianDaysToConversion' ? cell.converted : cell.leads;
  const v = isMedianMetric(metric) ? cell[metric] : cell[metric];
  return { ...base, value: v, numerator: null, denominator: null, low: null, high: null, small: size < MIN_COHORT_SIZE, drillCount: size };
}

/** The chart's series for `metric` from an aggregate: at most `maxCohorts` newest cohorts and MAX_POINTS points. */
export function buildChartSeries(agg: CohortAggregate, metric: CohortMetric, maxCohorts = Infinity, maxPoints = MAX_POINTS): ChartSeries {
  const series = agg.series.map((id, i) => ({ key: `s${i}`, id, color: SERIES_COLORS[i % SERIES_COLORS.length]! }));
  const keep = Math.max(1, Math.min(maxCohorts, Math.floor(maxPoints / Math.max(1, series.length))));
  const first = Math.max(0, agg.cohorts.length - keep);
  const rows: ChartRow[] = agg.cohorts.slice(first).map((c) => ({ key: c.key, start: c.start, windowComplete: c.windowComplete, points: {} }));
  for (const cell of agg.cells) {
    if (cell.cohort < first) continue;
    rows[cell.cohort - first]!.points[series[cell.series]!.key] = pointOf(agg, cell, metric);
  }
  return { metric, isRate: isRateMetric(metric), series, rows, omitted: first };
}

/** The numerator and denominator names of a rate metric (for headers and tooltips). */
export function rateParts(metric: CohortMetric) {
  return isRateMetric(metric) ? RATE_PARTS[metric] : null;
}
