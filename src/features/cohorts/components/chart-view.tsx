import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Card } from '../../../components/ui/card';
import { niceTicks } from '../../../domain/cohorts/nice-ticks';
import type { CohortViewProps } from '../model/cohort-view-props';
import { CHART_LAYOUTS } from '../cohorts-search';
import type { ChartSeries } from '../model/chart-series';
import { ChartPager } from './chart-pager';
import { CohortChart } from './cohort-chart';
import { CsvButton } from './csv-button';
import { OtherNote } from './other-note';
import { SmallMultiples } from './small-multiples';
import { useChartModel } from '../model/use-chart-model';
import { useDrillDown } from '../model/use-drill-down';
import { EmptyState } from '../../../components/ui/empty-state';
import { ToggleGroup } from '../../../components/ui/toggle-group';

/** Even ticks from 0 over the highest figure shown (a rate's whisker included), for every panel alike. */
function ticksOf(cs: ChartSeries): number[] {
  let max = 0;
  for (const r of cs.rows)
    for (const p of Object.values(r.points))
      if (p && p.value !== null) max = Math.max(max, cs.isRate ? (p.high ?? p.value) : p.value);
  return niceTicks(cs.isRate ? Math.max(max, 0.05) : max, 5, cs.isRate ? 1 : Infinity);
}

/** The chart of the chosen metric: one chart (top series + "other") or small multiples, paged over the periods, with its legend of marks and CSV export (the table view's rows). */
export function ChartView({ state, result, set }: CohortViewProps) {
  const { t } = useTranslation();
  const { cs, f, seriesLabel, table, agg } = useChartModel(state, result);
  const drill = useDrillDown();
  // Kept stable: recharts keeps the axis's ticks and formatter in its store (model/chart-accessors.ts).
  const label = useCallback((r: ChartSeries['rows'][number]) => f.cohort(r.key, r.start, agg.grain), [f, agg.grain]);
  const ticks = useMemo(() => ticksOf(cs), [cs]);
  const chartProps = { f, label, seriesLabel, windowDays: state.n, onDrill: drill, ticks, type: state.chart };
  return (
    <Card
      title={t(`cohorts.metric.${state.metric}`)}
      actions={
        <div className="flex items-center gap-3">
          {agg.split !== 'none' && (
            <ToggleGroup
              size="sm"
              label={t('cohorts.legible.layout')}
              options={CHART_LAYOUTS}
              value={state.layout}
              labelOf={(l) => t(`cohorts.legible.${l}`)}
              onChange={(layout) => set({ layout })}
            />
          )}
          <CsvButton table={table} fileName={`cohorts-${state.grain}-${state.split}-${state.metric}.csv`} />
        </div>
      }
    >
      <p className="-mt-1 mb-3 text-xs text-slate-500">{t(`cohorts.metricHelp.${state.metric}`, { n: state.n })}</p>
      <ChartPager cs={cs} rangeLabel={(i) => label(cs.rows[i]!)} onPage={(page) => set({ page: page || undefined })} />
      <OtherNote names={cs.other.map(seriesLabel)} leads={f.count(cs.otherLeads)} />
      {cs.rows.length === 0 ? (
        <EmptyState>{t('cohorts.empty')}</EmptyState>
      ) : state.layout === 'multiples' && agg.split !== 'none' ? (
        <SmallMultiples cs={cs} {...chartProps} />
      ) : (
        <div data-testid="cohort-chart" className="select-none">
          <CohortChart cs={cs} {...chartProps} />
        </div>
      )}
      <ul className="mt-3 flex flex-wrap gap-x-6 gap-y-1 text-xs text-slate-600">
        {cs.isRate && <li>{t('cohorts.legend.interval')}</li>}
        <li>{t('cohorts.legend.small')}</li>
        <li data-testid="legend-young">{t('cohorts.legend.young', { n: state.n })}</li>
        <li>{t('cohorts.legible.keyboard')}</li>
      </ul>
    </Card>
  );
}
