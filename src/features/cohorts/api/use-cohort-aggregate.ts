import type { CohortQuery } from '../../../domain/cohorts/cohort-aggregate';
import { gridWorker } from '../../../shared/engine/grid-worker';
import { useAnalyticsAnswer } from './use-analytics-answer';

/** Cohort figures for `query`, computed in the data engine. */
export function useCohortAggregate(query: CohortQuery) {
  return useAnalyticsAnswer('aggregate', query, (q) => gridWorker().cohorts(q, Date.now()));
}
