import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { analytics } from './analytics-client';
import { timedAnswer } from './timed-answer';
import { useAnalyticsVersion } from './use-cohort-aggregate';

/** Every campaign's figures (with the membership rule counts), from the analytics worker. */
export function useCampaignPerformance(windowDays: number, enabled = true) {
  const version = useAnalyticsVersion();
  return useQuery({
    queryKey: ['cohorts', 'campaigns', windowDays, version],
    queryFn: () => timedAnswer(() => analytics().campaigns(windowDays, ['medianDataAgeDays'])),
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    enabled,
  });
}
