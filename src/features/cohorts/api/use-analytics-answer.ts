import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useDataVersion } from '../../../shared/engine/data-signal';
import { timedAnswer } from './timed-answer';

/**
 * An answer of the data engine's cohort questions for `query`, asked again when the engine's
 * data version moves (the page's one change signal). While a new answer is computed the previous
 * one stays on screen (no flash of an empty chart on every control change); `waitMs` says how
 * long the user waited for it.
 */
export function useAnalyticsAnswer<Q, R extends object>(
  name: string,
  query: Q,
  ask: (query: Q) => Promise<R>,
  enabled = true,
) {
  const version = useDataVersion();
  return useQuery({
    queryKey: ['cohorts', name, query, version],
    queryFn: () => timedAnswer(() => ask(query)),
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    enabled,
  });
}
