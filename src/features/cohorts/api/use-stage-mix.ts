import type { StageMixQuery } from '../../../domain/cohorts/stage-mix';
import { analytics } from './analytics-client';
import { useAnalyticsAnswer } from './use-analytics-answer';

/** Leads per lifecycle stage for each acquisition cohort, from the analytics worker (the dormant period is the organisation's). */
export function useStageMix(query: Omit<StageMixQuery, 'dormantDays'>, enabled = true) {
  return useAnalyticsAnswer('stage-mix', query, (q) => analytics().stageMix(q, Date.now()), enabled);
}
