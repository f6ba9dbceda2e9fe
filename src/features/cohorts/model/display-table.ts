/**
 * The table view of a chart: the same numbers, as the strings shown on screen. The CSV
 * export writes exactly these strings, so the file and the table can never disagree.
 */
import type { CohortGrain } from '../../../domain/time/calendar';
import { RATE_PARTS, isRateMetric } from '../../../domain/cohorts/cohort-rates';
import type { LeadFilter } from '../../../domain/leads/lead-filter';
import type { ChartSeries } from './chart-series';
import type { SortKey } from './sort-rows';
import type { Formatters } from './format';

export interface DisplayRow {
  id: string;
  cells: string[];
  /** Where a click on the row opens the leads grid (the figure's denominator). */
  drill: LeadFilter;
  small: boolean;
  young: boolean;
  /** What each cell sorts by (the raw figure, the cohort's start; null sorts last). */
  sort: SortKey[];
}

/** Column ids (stable across languages: the URL's `sort` names one). */
export type TableColumn = 'cohort' | 'series' | 'leads' | 'numerator' | 'denominator' | 'value' | 'interval' | 'notes';

export interface DisplayTable {
  header: string[];
  columns: TableColumn[];
  rows: DisplayRow[];
}

type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * Table of a chart series; `seriesLabel` names a split value. A rate's numerator and
 * denominator columns say what they count (connected, contacted, converted…); a denominator
 * that is the cohort's leads is not repeated beside the Leads column.
 */
export function chartTable(
  cs: ChartSeries,
  grain: CohortGrain,
  f: Formatters,
  t: Translate,
  seriesLabel: (id: string) => string,
  split: boolean,
): DisplayTable {
  const parts = isRateMetric(cs.metric) ? RATE_PARTS[cs.metric] : null;
  const showDenominator = parts !== null && parts.denominator !== 'leads';
  const columns: TableColumn[] = ['cohort', ...(split ? (['series'] as const) : []), 'leads'];
  if (parts) columns.push('numerator', ...(showDenominator ? (['denominator'] as const) : []), 'value', 'interval');
  else columns.push('value');
  columns.push('notes');
  const title: Record<TableColumn, string> = {
    cohort: t('cohorts.col.cohort'),
    series: t('cohorts.col.series'),
    leads: t('cohorts.col.leads'),
    numerator: parts ? t(`cohorts.count.${parts.numerator}`, { n: cs.windowDays }) : '',
    denominator: parts ? t(`cohorts.count.${parts.denominator}`, { n: cs.windowDays }) : '',
    value: t(`cohorts.metric.${cs.metric}`),
    interval: t('cohorts.col.interval'),
    notes: t('cohorts.col.notes'),
  };
  const rows: DisplayRow[] = [];
  for (const row of cs.rows) {
    for (const s of cs.series) {
      const p = row.points[s.key];
      if (!p) continue;
      const notes = [p.small ? t('cohorts.note.small') : '', p.young ? t('cohorts.note.young') : '']
        .filter(Boolean)
        .join('; ');
      const value = cs.isRate
        ? f.pct(p.value)
        : cs.metric === 'leads' || cs.metric === 'contacted'
          ? f.count(p.value ?? 0)
          : f.days(p.value);
      const label = seriesLabel(s.id);
      const text: Record<TableColumn, string> = {
        cohort: f.cohort(row.key, row.start, grain),
        series: label,
        leads: f.count(p.leads),
        numerator: f.count(p.numerator ?? 0),
        denominator: f.count(p.denominator ?? 0),
        value,
        interval: f.interval(p.low, p.high),
        notes,
      };
      const key: Record<TableColumn, SortKey> = {
        cohort: row.start,
        series: label,
        leads: p.leads,
        numerator: p.numerator,
        denominator: p.denominator,
        value: p.value,
        interval: p.low,
        notes: notes || null,
      };
      rows.push({
        id: `${row.key}|${s.id}`,
        cells: columns.map((c) => text[c]),
        sort: columns.map((c) => key[c]),
        drill: p.drill,
        small: p.small,
        young: p.young,
      });
    }
  }
  return { header: columns.map((c) => title[c]), columns, rows };
}
