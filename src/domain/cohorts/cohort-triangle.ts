/**
 * The cohort triangle: rows are cohorts, columns are weeks since acquisition, each cell the
 * share of the cohort converted within that many weeks (cumulative). A cell exists only once
 * every lead of the cohort has had that long — the period ended that many weeks before now —
 * so young cohorts show a shorter row instead of a misleadingly low figure.
 */
import { MS_PER_DAY, type CohortGrain } from '../time/calendar';
import { FLAG_CONVERTED } from '../columns/lead-flags';
import type { ColumnarSnapshot } from './columnar-snapshot';
import { cohortOfLeads, rangeIndexes, splitColumn, type CohortSplit } from './cohort-aggregate';

export const MS_PER_WEEK = 7 * MS_PER_DAY;

export interface TriangleQuery {
  grain: CohortGrain;
  split: CohortSplit;
  /** Only leads with this split value (undefined: all leads). */
  series?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** Columns: weeks 1…weeks since acquisition. */
  weeks: number;
}

export interface TriangleRow {
  key: string;
  start: number;
  end: number;
  leads: number;
  /** converted[w] = leads converted within w + 1 weeks of acquisition; only for complete columns. */
  converted: number[];
}

export interface CohortTriangle {
  weeks: number;
  rows: TriangleRow[];
}

/** The triangle over the query's range (cohorts without leads are left out). */
export function cohortTriangle(s: ColumnarSnapshot, q: TriangleQuery, now: number): CohortTriangle {
  const index = s.grains[q.grain];
  const [k0, k1] = rangeIndexes(index, s.timeZone, q.from, q.to);
  const K = Math.max(0, k1 - k0 + 1);
  const W = q.weeks;
  const col = q.series === undefined ? null : splitColumn(s, q.split);
  const code = col ? col.values.indexOf(q.series!) : 0;
  const cohortOf = cohortOfLeads(s, index, k0, k1);
  const leads = new Int32Array(K);
  const hist = new Int32Array(K * W);
  for (let i = 0; i < s.n; i++) {
    const c = cohortOf[i]!;
    if (c < 0 || (col && col.codes[i] !== code)) continue;
    leads[c]!++;
    if ((s.flags[i]! & FLAG_CONVERTED) === 0) continue;
    // Converted before acquisition (bad data) counts in week 1.
    const w = Math.max(0, Math.floor((s.convertedAt[i]! - s.acquiredAt[i]!) / MS_PER_WEEK));
    if (w < W) hist[c * W + w]!++;
  }
  const rows: TriangleRow[] = [];
  for (let c = 0; c < K; c++) {
    if (leads[c] === 0) continue;
    const k = k0 + c;
    const end = index.ends[k]!;
    const converted: number[] = [];
    let sum = 0;
    for (let w = 0; w < W && end + (w + 1) * MS_PER_WEEK <= now; w++) converted.push((sum += hist[c * W + w]!));
    rows.push({ key: index.keys[k]!, start: index.starts[k]!, end, leads: leads[c]!, converted });
  }
  return { weeks: W, rows };
}
