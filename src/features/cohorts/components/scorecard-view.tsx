import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Card } from '../../../components/ui/card';
import type { CohortAggregate } from '../../../domain/cohorts/cohort-aggregate';
import { rangeFilter } from '../../../domain/cohorts/drill-down';
import { sourceScorecard } from '../../../domain/cohorts/source-scorecard';
import type { Timed } from '../../../workers/analytics.worker';
import type { CohortsState } from '../cohorts-search';
import { makeFormatters } from '../model/format';
import { scorecardCells, scorecardColumns } from '../model/scorecard-table';
import { makeSeriesLabel } from '../model/series-label';
import { CsvButton } from './csv-button';
import { Sparkline } from './sparkline';
import { useDrillDown } from './use-drill-down';

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
        <table className="w-full text-sm" data-testid="source-scorecard">
          <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
            <tr>
              {[0, 1, 2, 4, 7, 8, 9].map((i) => (
                <th key={i} scope="col" className="px-2 py-2 first:px-3">
                  {model.header[i]}
                </th>
              ))}
              <th scope="col" className="whitespace-nowrap px-2 py-2">
                {t('cohorts.scorecard.trend')}
                <span className="ml-2 font-normal normal-case tracking-normal">
                  <span className="text-indigo-600">━</span> {t('cohorts.scorecard.sparkConnect')}{' '}
                  <span className="ml-1 text-emerald-600">━</span> {t('cohorts.scorecard.sparkConversion')}
                </span>
              </th>
              <th scope="col" className="px-3 py-2">
                {model.header[10]}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {model.rows.map(({ r, cells }) => (
              <tr
                key={r.sourceId}
                className="cursor-pointer hover:bg-indigo-50/40"
                onClick={() => drill(rangeFilter('source', r.sourceId, lo, hi, agg.timeZone))}
              >
                <th scope="row" className="min-w-40 px-3 py-2 text-left font-medium">
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
                </th>
                <td className="px-2 py-2 tabular-nums">{cells[1]}</td>
                {[2, 4].map((i) => (
                  <td key={i} className="whitespace-nowrap px-2 py-2 tabular-nums">
                    <div>{cells[i]}</div>
                    <div className="text-[11px] text-slate-500">{cells[i + 1]}</div>
                  </td>
                ))}
                {[7, 8, 9].map((i) => (
                  <td key={i} className="whitespace-nowrap px-2 py-2 tabular-nums">
                    {cells[i]}
                  </td>
                ))}
                <td className="px-2 py-1">
                  <div className="flex flex-col gap-1">
                    <Sparkline values={r.sparkConnect} color="#4f46e5" width={120} height={16} />
                    <Sparkline values={r.sparkConversion} color="#059669" width={120} height={16} />
                  </div>
                </td>
                <td className="px-2 py-2 text-xs">
                  {r.flags.length ? (
                    <div className="space-y-1" data-testid="scorecard-flag">
                      <span className="inline-flex whitespace-nowrap rounded-full bg-rose-50 px-2 py-0.5 font-medium text-rose-700 ring-1 ring-rose-200">
                        {t('cohorts.scorecard.worseShort')}
                      </span>
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
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
