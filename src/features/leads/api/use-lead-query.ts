import { useEffect, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import * as Comlink from 'comlink';
import type { LeadFilter } from '../../../domain/leads/lead-filter';
import { gridWorker } from './grid-worker';

/** The index version: bumps whenever the worker rebuilt after a change (any tab). */
export function useIndexVersion(): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    void gridWorker().onChange(Comlink.proxy((v: number) => setVersion(v)));
  }, []);
  return version;
}

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
