/** The triangle's display: one row per cohort, a cell per week with its rate, interval and colour weight. */
import type { CohortTriangle } from '../../../domain/cohorts/cohort-triangle';
import { wilson, type Proportion } from '../../../domain/cohorts/wilson';
import type { CohortGrain } from '../../../domain/time/calendar';
import { MIN_COHORT_SIZE } from './chart-series';
import type { Formatters } from './format';

export interface TriangleCell extends Proportion {
  text: string;
  /** 0…1: the rate relative to the highest rate in the table, for the heat colour. */
  weight: number;
}

export interface TriangleDisplayRow {
  key: string;
  label: string;
  leads: number;
  small: boolean;
  cells: (TriangleCell | null)[];
}

/** Display rows of a triangle (the newest `maxRows` cohorts) and the CSV-ready header. */
export function triangleTable(
  tri: CohortTriangle,
  grain: CohortGrain,
  f: Formatters,
  maxRows: number,
  weekHeader: (n: number) => string,
  cohortHeader: string,
  leadsHeader: string,
) {
  const rows = tri.rows.slice(Math.max(0, tri.rows.length - maxRows));
  let max = 0;
  const built: TriangleDisplayRow[] = rows.map((r) => {
    const cells = Array.from({ length: tri.weeks }, (_, w) => {
      if (w >= r.converted.length) return null;
      const p = wilson(r.converted[w]!, r.leads);
      max = Math.max(max, p.rate ?? 0);
      return { ...p, text: f.pct(p.rate), weight: 0 };
    });
    return {
      key: r.key,
      label: f.cohort(r.key, r.start, grain),
      leads: r.leads,
      small: r.leads < MIN_COHORT_SIZE,
      cells,
    };
  });
  for (const r of built) for (const c of r.cells) if (c) c.weight = max > 0 ? (c.rate ?? 0) / max : 0;
  const header = [cohortHeader, leadsHeader, ...Array.from({ length: tri.weeks }, (_, w) => weekHeader(w + 1))];
  const csvRows = built.map((r) => ({ cells: [r.label, f.count(r.leads), ...r.cells.map((c) => c?.text ?? '')] }));
  return { rows: built, header, csvRows, omitted: tri.rows.length - rows.length };
}

/** Width of a week column and of the cohort and leads columns together, in CSS pixels (text-xs, "100.0%"). */
export const WEEK_COLUMN_PX = 50;
export const LABEL_COLUMNS_PX = 200;

/** How many week columns fit `width` pixels: at least `min` (when there are that many), at most `weeks`. */
export function weeksThatFit(width: number, weeks: number, min = 4): number {
  const fit = Math.floor((width - LABEL_COLUMNS_PX) / WEEK_COLUMN_PX);
  return Math.min(weeks, Math.max(Math.min(min, weeks), fit));
}
