import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { gridWorker } from '../../../shared/engine/grid-worker';
import { useDataVersion, useMinute } from '../../../shared/engine/data-signal';

/** Queue counts, callable now and the 90-day expiry calendar, read off the grid engine; refreshed on every change and every minute. */
export function useComplianceSummary() {
  const version = useDataVersion();
  const minute = useMinute();
  return useQuery({
    queryKey: ['compliance-summary', version, minute],
    queryFn: () => gridWorker().summary(Date.now(), 90),
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });
}
