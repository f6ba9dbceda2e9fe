import type { CohortQuery } from '../../../domain/cohorts/cohort-aggregate';
import { analytics } from './analytics-client';
import { useAnalyticsAnswer } from './use-analytics-answer';

/** Cohort figures for `query`, computed in the analytics worker. */
export function useCohortAggregate(query: CohortQuery) {
  return useAnalyticsAnswer('aggregate', query, (q) => analytics().cohorts(q, Date.now()));
}
