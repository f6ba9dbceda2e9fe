import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/ui/page-header';
import { isMedianMetric } from '../../../domain/cohorts/cohort-rates';
import { useCohortAggregate } from '../api/use-cohort-aggregate';
import { CampaignsView } from './campaigns-view';
import { ChartView } from './chart-view';
import { CohortControls } from './cohort-controls';
import { ComputedNote } from './computed-note';
import { ScorecardView } from './scorecard-view';
import { StageMixView } from './stage-mix-view';
import { TableView } from './table-view';
import { TriangleView } from './triangle-view';
import { useCohortsState } from '../model/use-cohorts-state';
import { useFirstAnswerDeferred } from '../model/use-first-answer-deferred';
import { ViewTabs } from './view-tabs';

/** Cohorts: charts, table, triangle, source scorecard and campaigns over one worker aggregate. */
export function CohortsPage() {
  const { t } = useTranslation();
  const [state, set] = useCohortsState();
  // The scorecard always compares sources; every other view follows the chosen split.
  const split = state.view === 'scorecard' ? 'source' : state.split;
  const medians =
    state.view === 'scorecard' ? (['medianDataAgeDays'] as const) : isMedianMetric(state.metric) ? [state.metric] : [];
  const query = useCohortAggregate({
    grain: state.grain,
    split,
    from: state.from,
    to: state.to,
    windowDays: state.n,
    medians,
  });
  const result = useFirstAnswerDeferred(query.data);
  return (
    <>
      <PageHeader title={t('cohorts.title')} subtitle={t('cohorts.subtitle')} />
      <CohortControls
        state={state}
        set={set}
        keys={result?.value.keys ?? []}
        keyStarts={result?.value.keyStarts ?? []}
        timeZone={result?.meta.timeZone ?? 'UTC'}
      />
      <ViewTabs view={state.view} onChange={(view) => set({ view })}>
        <div className="mt-4" aria-busy={query.isFetching}>
          {query.isError ? (
            <p role="alert" className="rounded-lg bg-rose-50 px-4 py-3 text-sm text-rose-800">
              {t('errors.generic')}: {String(query.error)}
            </p>
          ) : !result ? (
            <p role="status" className="animate-pulse text-sm text-slate-500">
              {t('cohorts.loading')}
            </p>
          ) : state.stageMix && (state.view === 'chart' || state.view === 'table') ? (
            <StageMixView state={state} />
          ) : state.view === 'chart' ? (
            <ChartView state={state} result={result} set={set} />
          ) : state.view === 'table' ? (
            <TableView state={state} result={result} set={set} />
          ) : state.view === 'triangle' ? (
            <TriangleView state={state} result={result} set={set} />
          ) : state.view === 'scorecard' ? (
            <ScorecardView state={state} result={result} />
          ) : (
            <CampaignsView state={state} meta={result.meta} />
          )}
        </div>
      </ViewTabs>
      {result &&
        ((!state.stageMix && (state.view === 'chart' || state.view === 'table')) || state.view === 'scorecard') && (
          <ComputedNote
            leads={result.meta.leads}
            ms={result.ms}
            waitMs={result.waitMs}
            {...(query.isPlaceholderData ? {} : { split })}
          />
        )}
    </>
  );
}
