/**
 * The table view of a chart: the same numbers, as the strings shown on screen. The CSV
 * export writes exactly these strings, so the file and the table can never disagree.
 */
import type { CohortGrain } from '../../../domain/time/calendar';
import type { LeadFilter } from '../../../domain/leads/lead-filter';
import type { ChartSeries } from './chart-series';
import type { Formatters } from './format';

export interface DisplayRow {
  id: string;
  cells: string[];
  /** Where a click on the row opens the leads grid (the figure's denominator). */
  drill: LeadFilter;
  small: boolean;
  young: boolean;
}

export interface DisplayTable {
  header: string[];
  rows: DisplayRow[];
}

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** Table of a chart series; `seriesLabel` names a split value. */
export function chartTable(cs: ChartSeries, grain: CohortGrain, f: Formatters, t: Translate, seriesLabel: (id: string) => string, split: boolean): DisplayTable {
  const header = [t('cohorts.col.cohort'), ...(split ? [t('cohorts.col.series')] : []), t('cohorts.col.leads')];
  if (cs.isRate) header.push(t('cohorts.col.numerator'), t('cohorts.col.denominator'), t(`cohorts.metric.${cs.metric}`), t('cohorts.col.interval'));
  else header.push(t(`cohorts.metric.${cs.metric}`));
  header.push(t('cohorts.col.notes'));
  const rows: DisplayRow[] = [];
  for (const row of cs.rows) {
    for (const s of cs.series) {
      const p = row.points[s.key];
      if (!p) continue;
      const notes = [p.small ? t('cohorts.note.small') : '', p.young ? t('cohorts.note.young') : ''].filter(Boolean).join('; ');
      const value = cs.isRate ? f.pct(p.value) : cs.metric === 'leads' || cs.metric === 'contacted' ? f.count(p.value ?? 0) : f.days(p.value);
      const cells = [f.cohort(row.key, row.start, grain), ...(split ? [seriesLabel(s.id)] : []), f.count(p.leads)];
      if (cs.isRate) cells.push(f.count(p.numerator ?? 0), f.count(p.denominator ?? 0), value, f.interval(p.low, p.high));
      else cells.push(value);
      cells.push(notes);
      rows.push({ id: `${row.key}|${s.id}`, cells, drill: p.drill, small: p.small, young: p.young });
    }
  }
  return { header, rows };
}
