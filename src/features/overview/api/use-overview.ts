import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { OverviewFigures } from '../../../domain/overview/overview-figures';
import { complianceWorker } from '../../compliance/api/compliance-worker';
import { useDataVersion, useMinute } from '../../compliance/api/use-data-version';

export type { OverviewFigures };

/**
 * Headline figures for the Overview, computed in the compliance worker (a verdict for every
 * lead would freeze the page at a million leads); recomputed whenever the data changes, in any
 * tab, and every minute, as "callable now" moves with calling hours.
 */
export function useOverview(): OverviewFigures | undefined {
  const version = useDataVersion();
  const minute = useMinute();
  return useQuery({
    queryKey: ['overview', version, minute],
    queryFn: () => complianceWorker().overview(Date.now()),
    enabled: version !== undefined,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  }).data;
}
