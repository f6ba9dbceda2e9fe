import type { StageMixQuery } from '../../../domain/cohorts/stage-mix';
import { gridWorker } from '../../../shared/engine/grid-worker';
import { useAnalyticsAnswer } from './use-analytics-answer';

/** Leads per lifecycle stage for each acquisition cohort, from the data engine (the dormant period is the organisation's). */
export function useStageMix(query: Omit<StageMixQuery, 'dormantDays'>, enabled = true) {
  return useAnalyticsAnswer('stage-mix', query, (q) => gridWorker().stageMix(q, Date.now()), enabled);
}
