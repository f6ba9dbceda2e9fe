/** The stage mix as display strings: one row per cohort (newest first), its leads, then the count per stage — for the table and its CSV alike. */
import type { StageMix } from '../../../domain/cohorts/stage-mix';
import type { Formatters } from './format';

type Translate = (key: string, options?: Record<string, unknown>) => string;

export interface StageMixTable {
  header: string[];
  rows: { id: string; cells: string[] }[];
}

/** Every cohort of the mix (none left out), with "count (share)" cells on screen and plain counts in the CSV. */
export function stageMixTable(mix: StageMix, f: Formatters, t: Translate, forCsv = false): StageMixTable {
  const header = [
    t('lifecycle.mix.cohort'),
    t('lifecycle.mix.leads'),
    ...mix.stages.map((s) => t(`lifecycle.stage.${s}`)),
  ];
  const rows = [...mix.cohorts].reverse().map((c) => ({
    id: c.key,
    cells: [
      forCsv ? c.key : f.cohort(c.key, c.start, mix.grain),
      forCsv ? String(c.leads) : f.count(c.leads),
      ...c.counts.map((n) => (forCsv ? String(n) : `${f.count(n)} (${f.pct(c.leads ? n / c.leads : null)})`)),
    ],
  }));
  return { header, rows };
}
