import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { LeadFilter } from '../../domain/leads/lead-filter';
import { gridWorker } from './grid-worker';

/** The engine's data version (the one change signal); kept under this name for the grid's screens. */
export { useDataVersion as useIndexVersion } from './data-signal';

/** How many leads match the filter (answered by the worker's columnar index). */
export function useLeadQuery(filter: LeadFilter, sort: string | undefined, version: number) {
  return useQuery({
    queryKey: ['lead-query', filter, sort ?? '', version],
    queryFn: () => gridWorker().query(filter, sort),
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });
}

/** Lead ids of rows [start, end) of the result. */
export function useLeadIds(filter: LeadFilter, sort: string | undefined, version: number, start: number, end: number) {
  return useQuery({
    queryKey: ['lead-ids', filter, sort ?? '', version, start, end],
    queryFn: async () => Array.from(await gridWorker().ids(filter, sort, start, end)),
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });
}

/** Distinct sources, campaigns, regions and tags present in the data. */
export function useFacets(version: number) {
  return useQuery({ queryKey: ['lead-facets', version], queryFn: () => gridWorker().facets(), staleTime: Infinity });
}
