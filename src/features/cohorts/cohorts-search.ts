/**
 * The Cohorts screen's state, all of it in the URL (validated here; the router uses this
 * schema): view, grain, split, metric, range of cohorts, N of "converted within N days",
 * chart type and the triangle's series. Missing or invalid values fall back to defaults.
 */
import { z } from 'zod';
import { COHORT_SPLITS, type CohortSplit } from '../../domain/cohorts/cohort-aggregate';
import { COHORT_METRICS, type CohortMetric } from '../../domain/cohorts/cohort-rates';
import { COHORT_GRAINS, type CohortGrain } from '../../domain/time/calendar';

export const COHORT_VIEWS = ['chart', 'table', 'triangle', 'scorecard', 'campaigns'] as const;
export type CohortView = (typeof COHORT_VIEWS)[number];
export const CHART_TYPES = ['bar', 'line'] as const;
export type ChartType = (typeof CHART_TYPES)[number];
/** The metric choice beside the cohort rates: leads per lifecycle stage (docs/lifecycle.md), stacked. */
export const STAGE_MIX = 'stageMix';
export const CHART_LAYOUTS = ['combined', 'multiples'] as const;
export type ChartLayout = (typeof CHART_LAYOUTS)[number];
export const TABLE_COLUMNS = [
  'cohort',
  'series',
  'leads',
  'numerator',
  'denominator',
  'value',
  'interval',
  'notes',
] as const;
export const TRIANGLE_WIDTHS = ['fit', 'all'] as const;

const key = z
  .string()
  .regex(/^\d{4}-(\d{2}(-\d{2})?|W\d{2}|Q[1-4])$/)
  .optional()
  .catch(undefined);

export const cohortsSearchSchema = z.object({
  view: z.enum(COHORT_VIEWS).optional().catch(undefined),
  grain: z.enum(COHORT_GRAINS).optional().catch(undefined),
  split: z.enum(COHORT_SPLITS).optional().catch(undefined),
  metric: z
    .enum([...COHORT_METRICS, STAGE_MIX])
    .optional()
    .catch(undefined),
  from: key,
  to: key,
  /** N: conversion window in days since acquisition. */
  n: z.coerce.number().int().min(1).max(730).optional().catch(undefined),
  chart: z.enum(CHART_TYPES).optional().catch(undefined),
  /** The triangle's split value ('' = leads with none); absent = all leads. */
  series: z.string().max(200).optional().catch(undefined),
  /** The chart's page of periods, 0 = the newest. */
  page: z.coerce.number().int().min(0).max(100_000).optional().catch(undefined),
  /** One chart of the top series plus "other", or one small chart per series. */
  layout: z.enum(CHART_LAYOUTS).optional().catch(undefined),
  /** The table's sort column and direction. */
  sort: z.enum(TABLE_COLUMNS).optional().catch(undefined),
  dir: z.enum(['asc', 'desc']).optional().catch(undefined),
  /** The triangle's week columns: as many as fit the width, or all of them (scrolling). */
  weeks: z.enum(TRIANGLE_WIDTHS).optional().catch(undefined),
});
export type CohortsSearch = z.infer<typeof cohortsSearchSchema>;

export interface CohortsState {
  view: CohortView;
  grain: CohortGrain;
  split: CohortSplit;
  metric: CohortMetric;
  /** The metric chosen is the stage mix (`metric` then holds the default rate for the other views). */
  stageMix: boolean;
  from: string | undefined;
  to: string | undefined;
  n: number;
  chart: ChartType;
  series: string | undefined;
  page: number;
  layout: ChartLayout;
  sort: (typeof TABLE_COLUMNS)[number] | undefined;
  dir: 'asc' | 'desc';
  weeks: (typeof TRIANGLE_WIDTHS)[number];
}

export const DEFAULT_WINDOW_DAYS = 30;

/** The URL's state with every default filled in. */
export function resolveCohortsSearch(s: CohortsSearch): CohortsState {
  return {
    view: s.view ?? 'chart',
    grain: s.grain ?? 'month',
    split: s.split ?? 'source',
    metric: s.metric === undefined || s.metric === STAGE_MIX ? 'connectRate' : s.metric,
    stageMix: s.metric === STAGE_MIX,
    from: s.from,
    to: s.to,
    n: s.n ?? DEFAULT_WINDOW_DAYS,
    chart: s.chart ?? 'bar',
    series: s.series,
    page: s.page ?? 0,
    layout: s.layout ?? 'combined',
    sort: s.sort,
    dir: s.dir ?? 'asc',
    weeks: s.weeks ?? 'fit',
  };
}
