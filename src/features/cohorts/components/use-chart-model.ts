import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CohortAggregate } from '../../../domain/cohorts/cohort-aggregate';
import type { SnapshotMeta, Timed } from '../../../workers/analytics.worker';
import type { CohortsState } from '../cohorts-search';
import { buildChartSeries } from '../model/chart-series';
import { cohortCap } from '../model/default-range';
import { chartTable } from '../model/display-table';
import { makeFormatters } from '../model/format';
import { makeSeriesLabel } from '../model/series-label';

/** The chart series, its table (what the table view shows and the CSV writes) and the formatters, in the current language. */
export function useChartModel(state: CohortsState, result: Timed<CohortAggregate>) {
  const { t, i18n } = useTranslation();
  const agg = result.value;
  const meta: SnapshotMeta = result.meta;
  return useMemo(() => {
    const f = makeFormatters(i18n.language, agg.timeZone, t);
    const seriesLabel = makeSeriesLabel(agg.split, meta, i18n.language, t);
    const cs = buildChartSeries(agg, state.metric, cohortCap(agg.grain, state.from));
    const table = chartTable(cs, agg.grain, f, t, seriesLabel, agg.split !== 'none');
    return { agg, cs, f, seriesLabel, table };
  }, [agg, meta, state.metric, state.from, i18n.language, t]);
}
