/** The scorecard's display strings (for the screen and the CSV alike). */
import type { ScorecardRow } from '../../../domain/cohorts/source-scorecard';
import type { Formatters } from './format';

type Translate = (key: string, options?: Record<string, unknown>) => string;

export function scorecardColumns(t: Translate, n: number): string[] {
  return [
    t('cohorts.scorecard.source'),
    t('cohorts.col.leads'),
    t('cohorts.scorecard.connect'),
    t('cohorts.col.interval'),
    t('cohorts.scorecard.conversion', { n }),
    t('cohorts.col.interval'),
    t('cohorts.scorecard.conversionAll'),
    t('cohorts.scorecard.wrongNumber'),
    t('cohorts.scorecard.dnc'),
    t('cohorts.scorecard.dataAge'),
    t('cohorts.scorecard.flag'),
  ];
}

/** One row of strings per source, in the order of `scorecardColumns`. */
export function scorecardCells(r: ScorecardRow, name: string, f: Formatters, t: Translate): string[] {
  const share = (num: number, den: number) => f.pct(den ? num / den : null);
  const flag = r.flags.length
    ? t('cohorts.scorecard.worse', { metric: r.flags.map((x) => t(`cohorts.metric.${x.metric}`)).join(', ') })
    : t('cohorts.scorecard.ok');
  return [
    name,
    f.count(r.totals.leads),
    f.pct(r.connect.rate),
    f.interval(r.connect.low, r.connect.high),
    f.pct(r.conversionWithin.rate),
    f.interval(r.conversionWithin.low, r.conversionWithin.high),
    f.pct(r.conversion.rate),
    share(r.totals.wrongNumber, r.totals.contacted),
    share(r.totals.dncHit, r.totals.leads),
    f.days(r.totals.medianDataAgeDays),
    flag,
  ];
}
