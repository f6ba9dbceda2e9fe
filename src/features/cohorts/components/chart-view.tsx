import { useTranslation } from 'react-i18next';
import { Card } from '../../../components/ui/card';
import type { CohortAggregate } from '../../../domain/cohorts/cohort-aggregate';
import type { Timed } from '../../../workers/analytics.worker';
import type { CohortsState } from '../cohorts-search';
import { CohortChart } from './cohort-chart';
import { CsvButton } from './csv-button';
import { OmittedNote } from './omitted-note';
import { useChartModel } from './use-chart-model';
import { useDrillDown } from './use-drill-down';

/** The chart of the chosen metric with its legend of marks and CSV export (the table view's rows). */
export function ChartView({ state, result }: { state: CohortsState; result: Timed<CohortAggregate> }) {
  const { t } = useTranslation();
  const { cs, f, seriesLabel, table, agg } = useChartModel(state, result);
  const drill = useDrillDown();
  return (
    <Card title={t(`cohorts.metric.${state.metric}`)} actions={<CsvButton table={table} fileName={`cohorts-${state.grain}-${state.split}-${state.metric}.csv`} />}>
      <p className="-mt-1 mb-3 text-xs text-slate-500">{t(`cohorts.metricHelp.${state.metric}`, { n: state.n })}</p>
      <OmittedNote omitted={cs.omitted} shown={cs.rows.length} />
      {cs.rows.length === 0 ? (
        <p className="py-16 text-center text-sm text-slate-500">{t('cohorts.empty')}</p>
      ) : (
        <div data-testid="cohort-chart" className="select-none">
          <CohortChart cs={cs} type={state.chart} f={f} label={(r) => f.cohort(r.key, r.start, agg.grain)} seriesLabel={seriesLabel} windowDays={state.n} onDrill={drill} />
        </div>
      )}
      <ul className="mt-3 flex flex-wrap gap-x-6 gap-y-1 text-xs text-slate-500">
        {cs.isRate && <li>{t('cohorts.legend.interval')}</li>}
        <li>{t('cohorts.legend.small')}</li>
        <li data-testid="legend-young">{t('cohorts.legend.young', { n: state.n })}</li>
      </ul>
    </Card>
  );
}
