import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import type { CohortQuery } from '../../../domain/cohorts/cohort-aggregate';
import { analytics, dataVersion } from './analytics-client';
import { timedAnswer } from './timed-answer';

/** Bumps whenever the data behind the analytics changes (in any tab). */
export function useAnalyticsVersion(): number {
  return useSyncExternalStore(dataVersion.subscribe, dataVersion.get);
}

/**
 * Cohort figures for `query`, computed in the analytics worker. While a new answer is
 * computed the previous one stays on screen (no flash of empty chart on every control change).
 */
export function useCohortAggregate(query: CohortQuery) {
  const version = useAnalyticsVersion();
  return useQuery({
    queryKey: ['cohorts', 'aggregate', query, version],
    queryFn: () => timedAnswer(() => analytics().cohorts(query, Date.now())),
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });
}
