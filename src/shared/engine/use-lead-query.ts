import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { LeadFilter } from '../../domain/leads/lead-filter';
import { gridWorker } from './grid-worker';

/** The engine's data version (the one change signal); kept under this name for the grid's screens. */
export { useDataVersion as useIndexVersion } from './data-signal';

/** The question "how many leads match", as the grid's count and any early ask of it share it. */
export function leadQueryOptions(filter: LeadFilter, sort: string | undefined, version: number) {
  return queryOptions({
    queryKey: ['lead-query', filter, sort ?? '', version],
    queryFn: () => gridWorker().query(filter, sort),
    staleTime: Infinity,
  });
}

/** How many leads match the filter (answered by the worker's columnar index). */
export function useLeadQuery(filter: LeadFilter, sort: string | undefined, version: number) {
  return useQuery({ ...leadQueryOptions(filter, sort, version), placeholderData: keepPreviousData });
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
