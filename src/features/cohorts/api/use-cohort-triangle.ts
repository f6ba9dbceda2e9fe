import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TriangleQuery } from '../../../domain/cohorts/cohort-triangle';
import { analytics } from './analytics-client';
import { timedAnswer } from './timed-answer';
import { useAnalyticsVersion } from './use-cohort-aggregate';

/** The cohort triangle for `query`, from the analytics worker. */
export function useCohortTriangle(query: TriangleQuery, enabled = true) {
  const version = useAnalyticsVersion();
  return useQuery({
    queryKey: ['cohorts', 'triangle', query, version],
    queryFn: () => timedAnswer(() => analytics().triangle(query, Date.now())),
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    enabled,
  });
}
