import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { OverviewFigures } from '../../../domain/overview/overview-figures';
import { gridWorker } from '../../../shared/engine/grid-worker';
import { useDataVersion, useMinute } from '../../../shared/engine/data-signal';

export type { OverviewFigures };

/**
 * Headline figures for the Overview, read off the grid engine's columns (each lead's cached
 * judgement, calling hours at the instant asked); asked again whenever the data changes, in any
 * tab, and every minute, as "callable now" moves with calling hours.
 */
export function useOverview(): OverviewFigures | undefined {
  const version = useDataVersion();
  const minute = useMinute();
  return useQuery({
    queryKey: ['overview', version, minute],
    queryFn: () => gridWorker().overview(Date.now()),
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  }).data;
}
