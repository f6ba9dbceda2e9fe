import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { StageMixQuery } from '../../../domain/cohorts/stage-mix';
import { analytics } from './analytics-client';
import { timedAnswer } from './timed-answer';
import { useAnalyticsVersion } from './use-cohort-aggregate';

/** Leads per lifecycle stage for each acquisition cohort, from the analytics worker (the dormant period is the organisation's). */
export function useStageMix(query: Omit<StageMixQuery, 'dormantDays'>, enabled = true) {
  const version = useAnalyticsVersion();
  return useQuery({
    queryKey: ['cohorts', 'stage-mix', query, version],
    queryFn: () => timedAnswer(() => analytics().stageMix(query, Date.now())),
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    enabled,
  });
}
