import type { TriangleQuery } from '../../../domain/cohorts/cohort-triangle';
import { analytics } from './analytics-client';
import { useAnalyticsAnswer } from './use-analytics-answer';

/** The cohort triangle for `query`, from the analytics worker. */
export function useCohortTriangle(query: TriangleQuery, enabled = true) {
  return useAnalyticsAnswer('triangle', query, (q) => analytics().triangle(q, Date.now()), enabled);
}
