import { gridWorker } from '../../../shared/engine/grid-worker';
import { useAnalyticsAnswer } from './use-analytics-answer';

/** Every campaign's figures (with the membership rule counts), from the data engine. */
export function useCampaignPerformance(windowDays: number, enabled = true) {
  return useAnalyticsAnswer(
    'campaigns',
    windowDays,
    (days) => gridWorker().campaigns(days, ['medianDataAgeDays']),
    enabled,
  );
}
