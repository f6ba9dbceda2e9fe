import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { dataVersion } from './analytics-client';
import { timedAnswer } from './timed-answer';

/** Bumps whenever the data behind the analytics changes (in any tab). */
export function useAnalyticsVersion(): number {
  return useSyncExternalStore(dataVersion.subscribe, dataVersion.get);
}

/**
 * An answer of the analytics worker for `query`, asked again when the data changes. While a new
 * answer is computed the previous one stays on screen (no flash of an empty chart on every
 * control change); `waitMs` says how long the user waited for it.
 */
export function useAnalyticsAnswer<Q, R extends object>(
  name: string,
  query: Q,
  ask: (query: Q) => Promise<R>,
  enabled = true,
) {
  const version = useAnalyticsVersion();
  return useQuery({
    queryKey: ['cohorts', name, query, version],
    queryFn: () => timedAnswer(() => ask(query)),
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    enabled,
  });
}
