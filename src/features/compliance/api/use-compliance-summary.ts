import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { gridWorker } from '../../../shared/engine/grid-worker';
import { useDataVersion, useMinute } from '../../../shared/engine/data-signal';

/** Queue counts, callable now and the 90-day expiry calendar, read off the grid engine; refreshed on every change and every minute. */
export function useComplianceSummary() {
  const version = useDataVersion();
  const minute = useMinute();
  return useQuery({
    queryKey: ['compliance-summary', version, minute],
    // waitMs: request to answer on the page (the engine's own `ms` leaves out its queue and start-up).
    queryFn: async () => {
      const started = performance.now();
      const summary = await gridWorker().summary(Date.now(), 90);
      return { ...summary, waitMs: performance.now() - started };
    },
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });
}
