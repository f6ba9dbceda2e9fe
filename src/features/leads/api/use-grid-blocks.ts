import { useQueries } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DisplayRow } from '../../../domain/leads/display-row';
import type { LeadFilter } from '../../../domain/leads/lead-filter';
import { browserTimeZone, displayLocale } from '../../../i18n/display-locale';
import { gridWorker } from '../../../shared/engine/grid-worker';

/** A stable function, so the combined list is a new array only when a block's rows changed. */
const blockRows = (results: { data: DisplayRow[] | undefined }[]) => results.map((r) => r.data);

/** Rows asked of the worker in one message. */
export const BLOCK = 100;

/**
 * The display-ready rows around [first, last] of a result, one worker message per block of
 * BLOCK rows. While a block is asked again after a data change, its previous rows stay on screen
 * (no skeleton flash); a block never seen before shows skeletons until it arrives.
 */
export function useGridBlocks(
  filter: LeadFilter,
  sort: string | undefined,
  version: number,
  first: number,
  last: number,
): (index: number) => DisplayRow | undefined {
  const { i18n } = useTranslation();
  const where = useMemo(() => ({ locale: displayLocale(i18n.language), timeZone: browserTimeZone() }), [i18n.language]);
  const from = Math.floor(first / BLOCK);
  const to = Math.floor(last / BLOCK);
  const blocks: number[] = [];
  for (let b = from; b <= to; b++) blocks.push(b);
  const filterKey = JSON.stringify(filter);
  const results = useQueries({
    queries: blocks.map((block) => ({
      queryKey: ['grid-block', filterKey, sort ?? '', where, block, version],
      queryFn: async () => (await gridWorker().rows(filter, sort, block * BLOCK, (block + 1) * BLOCK, where)).rows,
      staleTime: Infinity,
      gcTime: 30_000,
      // The same block of the same result, one data version back: keep it shown while asked again.
      placeholderData: (previous: DisplayRow[] | undefined, query: { queryKey: readonly unknown[] } | undefined) =>
        query && query.queryKey[1] === filterKey && query.queryKey[2] === (sort ?? '') && query.queryKey[4] === block
          ? previous
          : undefined,
    })),
    combine: blockRows,
  });
  return useCallback((index: number) => results[Math.floor(index / BLOCK) - from]?.[index % BLOCK], [results, from]);
}
