import type { TriangleQuery } from '../../../domain/cohorts/cohort-triangle';
import { gridWorker } from '../../../shared/engine/grid-worker';
import { useAnalyticsAnswer } from './use-analytics-answer';

/** The cohort triangle for `query`, from the data engine. */
export function useCohortTriangle(query: TriangleQuery, enabled = true) {
  return useAnalyticsAnswer('triangle', query, (q) => gridWorker().triangle(q, Date.now()), enabled);
}
