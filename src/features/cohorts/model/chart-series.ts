/**
 * The chart's data builder (STYLE.md: a pure function returns the typed series; the recharts
 * component only draws it). One row per cohort, one value per series, each with what the
 * tooltip, the table, the CSV and the drill-down need. The table takes every cohort and
 * series; the chart takes the top series plus "other", every period of the axis (gaps
 * included, so Q1 2023 never sits next to Q2 2025) and one page of it, newest first, under
 * MAX_POINTS points (recharts slows down beyond a few thousand).
 */
import type { CohortAggregate, CohortCell } from '../../../domain/cohorts/cohort-aggregate';
import { OTHER_COLOR, seriesColor } from '../../../domain/cohorts/chart-palette';
import { isMedianMetric, isRateMetric, rateOf, type CohortMetric } from '../../../domain/cohorts/cohort-rates';
import { denominatorFilter, numeratorFilter, type SplitValues } from '../../../domain/cohorts/drill-down';
import { pageWindow, type PageWindow } from '../../../domain/cohorts/page-window';
import { fillPeriodGaps } from '../../../domain/cohorts/period-gaps';
import { OTHER_SERIES, topSeries } from '../../../domain/cohorts/top-series';
import type { LeadFilter } from '../../../domain/leads/lead-filter';

export const MAX_POINTS = 2000;
/** Below this many leads in its denominator a figure is marked small. */
export const MIN_COHORT_SIZE = 30;

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
  /** The split value (`''` = none; OTHER_SERIES = every series past the top ones). */
  id: string;
  color: string;
}

export interface ChartRow {
  key: string;
  start: number;
  windowComplete: boolean;
  /** A period with no lead in range: a gap on the axis (no bar, a break in a line). */
  gap: boolean;
  points: Record<string, Point | undefined>;
}

export interface ChartSeries {
  metric: CohortMetric;
  isRate: boolean;
  series: SeriesInfo[];
  rows: ChartRow[];
  windowDays: number;
  /** The split values added up into "other" (empty: none). */
  other: string[];
  /** Leads in "other" over the whole range. */
  otherLeads: number;
  /** Periods on the whole axis (gaps included), and which of them `rows` are. */
  periods: number;
  page: PageWindow;
}

export interface ChartOptions {
  /** Name this many series, add up the rest as "other" (default: every series). */
  top?: number;
  /** Periods per page (kept under MAX_POINTS points) and the page, 0 = newest (default: all). */
  pageSize?: number;
  page?: number;
  /** Put every missing period between the first and the last on the axis. */
  gaps?: boolean;
}

const YOUNG_METRICS: readonly CohortMetric[] = ['conversionRate', 'conversionWithinRate', 'medianDaysToConversion'];

function pointOf(agg: CohortAggregate, cell: CohortCell, metric: CohortMetric, other: readonly string[]): Point {
  const key = agg.cohorts[cell.cohort]!.key;
  const id = agg.series[cell.series]!;
  const value: SplitValues | undefined = agg.split === 'none' ? undefined : id === OTHER_SERIES ? other : id;
  const young = YOUNG_METRICS.includes(metric) && !agg.cohorts[cell.cohort]!.windowComplete;
  const base = {
    leads: cell.leads,
    young,
    drill: denominatorFilter(key, agg.split, value, metric),
    drillNumerator: numeratorFilter(key, agg.split, value, metric),
  };
  if (isRateMetric(metric)) {
    const r = rateOf(cell, metric);
    return {
      ...base,
      value: r.rate,
      numerator: r.numerator,
      denominator: r.denominator,
      low: r.low,
      high: r.high,
      small: r.denominator < MIN_COHORT_SIZE,
      drillCount: r.denominator,
    };
  }
  const size =
    metric === 'medianDaysToContact' || metric === 'contacted'
      ? cell.contacted
      : metric === 'medianDaysToConversion'
        ? cell.converted
        : cell.leads;
  const v = isMedianMetric(metric) ? cell[metric] : cell[metric];
  return {
    ...base,
    value: v,
    numerator: null,
    denominator: null,
    low: null,
    high: null,
    small: size < MIN_COHORT_SIZE,
    drillCount: size,
  };
}

/** The series of `metric` from an aggregate: by default every cohort and series; see ChartOptions for the chart's. */
export function buildChartSeries(full: CohortAggregate, metric: CohortMetric, options: ChartOptions = {}): ChartSeries {
  const { agg, other } = topSeries(full, options.top ?? Infinity);
  const series = agg.series.map((id, i) => ({
    key: `s${i}`,
    id,
    color: id === OTHER_SERIES ? OTHER_COLOR : seriesColor(i),
  }));
  const axis = options.gaps
    ? fillPeriodGaps(agg.cohorts, agg.grain, agg.timeZone)
    : agg.cohorts.map((c, index) => ({ key: c.key, start: c.start, index }));
  const budget = Math.max(1, Math.floor(MAX_POINTS / Math.max(1, series.length)));
  const page = pageWindow(axis.length, Math.min(options.pageSize ?? Infinity, budget), options.page ?? 0);
  const rows: ChartRow[] = axis.slice(page.first, page.end).map((p) => ({
    key: p.key,
    start: p.start,
    windowComplete: p.index >= 0 && agg.cohorts[p.index]!.windowComplete,
    gap: p.index < 0,
    points: {},
  }));
  const rowOf = new Map<number, ChartRow>();
  axis.slice(page.first, page.end).forEach((p, i) => p.index >= 0 && rowOf.set(p.index, rows[i]!));
  for (const cell of agg.cells) {
    const row = rowOf.get(cell.cohort);
    if (row) row.points[series[cell.series]!.key] = pointOf(agg, cell, metric, other);
  }
  const otherLeads = other.length ? (agg.totals[agg.totals.length - 1]?.leads ?? 0) : 0;
  return {
    metric,
    isRate: isRateMetric(metric),
    series,
    rows,
    windowDays: agg.windowDays,
    other,
    otherLeads,
    periods: axis.length,
    page,
  };
}
