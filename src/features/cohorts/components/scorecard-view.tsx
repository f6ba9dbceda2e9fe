import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Card } from '../../../components/ui/card';
import { Badge } from '../../../components/ui/badge';
import { Table, TableBody, TableHead, Td, Th } from '../../../components/ui/table';
import type { CohortAggregate } from '../../../domain/cohorts/cohort-aggregate';
import { rangeFilter } from '../../../domain/cohorts/drill-down';
import { sourceScorecard } from '../../../domain/cohorts/source-scorecard';
import type { Timed } from '../../../workers/cohort-answers';
import type { CohortsState } from '../cohorts-search';
import { makeFormatters } from '../model/format';
import { scorecardCells, scorecardColumns } from '../model/scorecard-table';
import { makeSeriesLabel } from '../model/series-label';
import { CsvButton } from './csv-button';
import { Sparkline } from './sparkline';
import { useDrillDown } from '../model/use-drill-down';

/** One row per source with sparklines and the "worse lately" flag; a row opens that source's leads in the range. */
export function ScorecardView({ state, result }: { state: CohortsState; result: Timed<CohortAggregate> }) {
  const { t, i18n } = useTranslation();
  const agg = result.value;
  const drill = useDrillDown();
  const model = useMemo(() => {
    const f = makeFormatters(i18n.language, agg.timeZone, t);
    const name = makeSeriesLabel('source', result.meta, i18n.language, t);
    const rows = agg.split === 'source' ? sourceScorecard(agg) : [];
    const starts = new Map(agg.cohorts.map((c) => [c.key, c.start]));
    const label = (key: string) => f.cohort(key, starts.get(key) ?? 0, agg.grain);
    return {
      f,
      label,
      rows: rows.map((r) => ({ r, cells: scorecardCells(r, name(r.sourceId), f, t) })),
      header: scorecardColumns(t, state.n),
    };
  }, [agg, result.meta, i18n.language, t, state.n]);
  const first = agg.cohorts[0];
  const last = agg.cohorts[agg.cohorts.length - 1];
  const [lo, hi] = state.from || state.to ? [first?.start, last?.end] : [undefined, undefined];
  return (
    <Card
      title={t('cohorts.scorecard.title')}
      actions={
        <CsvButton
          table={{ header: model.header, rows: model.rows }}
          fileName={`source-scorecard-${state.grain}.csv`}
        />
      }
    >
      <p className="-mt-1 mb-3 max-w-4xl text-xs text-slate-500">{t('cohorts.scorecard.help', { n: state.n })}</p>
      <div className="overflow-auto rounded-lg ring-1 ring-slate-200">
        <Table caption={t('cohorts.scorecard.title')} captionHidden data-testid="source-scorecard">
          <TableHead>
            <tr>
              {[0, 1, 2, 4, 7, 8, 9].map((i) => (
                <Th key={i} numeric={i > 0}>
                  {model.header[i]}
                </Th>
              ))}
              <Th className="whitespace-nowrap">
                {t('cohorts.scorecard.trend')}
                <span className="ml-2 font-normal normal-case tracking-normal">
                  <span className="text-indigo-600">━</span> {t('cohorts.scorecard.sparkConnect')}{' '}
                  <span className="ml-1 text-emerald-600">━</span> {t('cohorts.scorecard.sparkConversion')}
                </span>
              </Th>
              <Th>{model.header[10]}</Th>
            </tr>
          </TableHead>
          <TableBody>
            {model.rows.map(({ r, cells }) => (
              <tr
                key={r.sourceId}
                className="cursor-pointer hover:bg-indigo-50/40"
                onClick={() => drill(rangeFilter('source', r.sourceId, lo, hi, agg.timeZone))}
              >
                <Th scope="row" className="min-w-40">
                  <button
                    type="button"
                    className="text-left text-indigo-700 hover:underline"
                    onClick={(e) => (
                      e.stopPropagation(),
                      drill(rangeFilter('source', r.sourceId, lo, hi, agg.timeZone))
                    )}
                  >
                    {cells[0]}
                  </button>
                </Th>
                <Td numeric>{cells[1]}</Td>
                {[2, 4].map((i) => (
                  <Td key={i} numeric className="whitespace-nowrap">
                    <div>{cells[i]}</div>
                    <div className="text-[11px] text-slate-500">{cells[i + 1]}</div>
                  </Td>
                ))}
                {[7, 8, 9].map((i) => (
                  <Td key={i} numeric className="whitespace-nowrap">
                    {cells[i]}
                  </Td>
                ))}
                <Td>
                  <div className="flex flex-col gap-1">
                    <Sparkline values={r.sparkConnect} color="#4f46e5" width={120} height={16} />
                    <Sparkline values={r.sparkConversion} color="#059669" width={120} height={16} />
                  </div>
                </Td>
                <Td className="text-xs">
                  {r.flags.length ? (
                    <div className="space-y-1" data-testid="scorecard-flag">
                      <Badge tone="bad">{t('cohorts.scorecard.worseShort')}</Badge>
                      {r.flags.map((x) => (
                        <div key={x.metric} className="min-w-48 max-w-60 text-[11px] leading-snug text-slate-500">
                          {t('cohorts.scorecard.worseDetail', {
                            metric: t(`cohorts.metric.${x.metric}`),
                            cohorts: x.recentCohorts.map((k) => model.label(k)).join(', '),
                            recent: model.f.interval(x.recent.low, x.recent.high),
                            history: model.f.interval(x.history.low, x.history.high),
                          })}
                        </div>
                      ))}
                    </div>
                  ) : (
                    <span className="text-slate-500">{cells[10]}</span>
                  )}
                </Td>
              </tr>
            ))}
          </TableBody>
        </Table>
      </div>
    </Card>
  );
}
