import { analytics } from './analytics-client';
import { useAnalyticsAnswer } from './use-analytics-answer';

/** Every campaign's figures (with the membership rule counts), from the analytics worker. */
export function useCampaignPerformance(windowDays: number, enabled = true) {
  return useAnalyticsAnswer(
    'campaigns',
    windowDays,
    (days) => analytics().campaigns(days, ['medianDataAgeDays']),
    enabled,
  );
}
