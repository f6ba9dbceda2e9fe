import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { complianceWorker } from './compliance-worker';
import { useDataVersion, useMinute } from './use-data-version';

/** Queue counts, callable now and the 90-day expiry calendar, computed in the worker; refreshed on every change and every minute. */
export function useComplianceSummary() {
  const version = useDataVersion();
  const minute = useMinute();
  return useQuery({
    queryKey: ['compliance-summary', version, minute],
    queryFn: () => complianceWorker().summary(Date.now(), 90),
    enabled: version !== undefined,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });
}
