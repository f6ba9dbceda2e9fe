import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { TOP_SERIES } from '../../../domain/cohorts/chart-palette';
import type { CohortAggregate } from '../../../domain/cohorts/cohort-aggregate';
import type { SnapshotMeta, Timed } from '../../../workers/cohort-answers';
import type { CohortsState } from '../cohorts-search';
import { buildChartSeries } from '../model/chart-series';
import { cohortCap } from '../model/default-range';
import { chartTable } from '../model/display-table';
import { makeFormatters } from '../model/format';
import { makeSeriesLabel } from '../model/series-label';

/** Small multiples name this many series (one panel each) before "other". */
export const MULTIPLES_TOP = 11;

/**
 * The chart's series (top series plus "other", the axis with its gaps, one page of it), the
 * table of every cohort and series (what the table view shows and the CSV writes) and the
 * formatters, in the current language.
 */
export function useChartModel(state: CohortsState, result: Timed<CohortAggregate>) {
  const { t, i18n } = useTranslation();
  const agg = result.value;
  const meta: SnapshotMeta = result.meta;
  const base = useMemo(() => {
    const f = makeFormatters(i18n.language, agg.timeZone, t);
    const seriesLabel = makeSeriesLabel(agg.split, meta, i18n.language, t);
    const all = buildChartSeries(agg, state.metric);
    const table = chartTable(all, agg.grain, f, t, seriesLabel, agg.split !== 'none');
    return { agg, f, seriesLabel, table };
  }, [agg, meta, state.metric, i18n.language, t]);
  const cs = useMemo(
    () =>
      buildChartSeries(agg, state.metric, {
        top: state.layout === 'multiples' ? MULTIPLES_TOP : TOP_SERIES,
        gaps: true,
        pageSize: cohortCap(agg.grain, state.from),
        page: state.page,
      }),
    [agg, state.metric, state.layout, state.from, state.page],
  );
  return { ...base, cs };
}
