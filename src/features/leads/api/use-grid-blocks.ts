import { useQueries, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DisplayRow } from '../../../domain/leads/display-row';
import type { LeadFilter } from '../../../domain/leads/lead-filter';
import { browserTimeZone, displayLocale } from '../../../i18n/display-locale';
import { gridWorker } from '../../../shared/engine/grid-worker';

/** A block's rows; marked when they are another filter's or sort's, shown until this one's arrive. */
type Block = DisplayRow[] & { otherQuery?: true };

/** A stable function, so the combined list is a new array only when a block's rows changed. */
const blockRows = (results: { data: Block | undefined }[]) => results.map((r) => r.data);

const markedCopies = new WeakMap<DisplayRow[], Block>();

/**
 * The rows block `block` last held in the cache (for the same locale and zone), newest first:
 * as they are when they are this filter's and sort's (a data version back), else marked as another query's.
 */
function lastShown(
  client: QueryClient,
  block: number,
  where: { locale: string; timeZone: string },
  filterKey: string,
  sort: string,
): Block | undefined {
  let best: { rows: DisplayRow[]; key: readonly unknown[]; at: number } | undefined;
  for (const q of client.getQueryCache().findAll({ queryKey: ['grid-block'] })) {
    const key = q.queryKey;
    const rows = q.state.data as DisplayRow[] | undefined;
    const at = key[3] as typeof where;
    if (!rows || key[4] !== block || at.locale !== where.locale || at.timeZone !== where.timeZone) continue;
    if (!best || q.state.dataUpdatedAt > best.at) best = { rows, key, at: q.state.dataUpdatedAt };
  }
  if (!best) return undefined;
  if (best.key[1] === filterKey && best.key[2] === sort) return best.rows;
  // One marked copy per block of rows: a new array on every ask would never let the rows settle.
  let marked = markedCopies.get(best.rows);
  if (!marked) markedCopies.set(best.rows, (marked = Object.assign([...best.rows], { otherQuery: true as const })));
  return marked;
}

/** Rows asked of the worker in one message. */
export const BLOCK = 100;

/**
 * The display-ready rows around [first, last] of a result, one worker message per block of
 * BLOCK rows. While a block is asked again — after a data change, or for a new filter or sort —
 * the rows it showed stay on screen until its new rows arrive (no skeleton flash, and the rows'
 * elements are rewritten once, not emptied and filled); `stale` says the rows on screen are
 * another filter's or sort's (the grid dims them and takes no click on them). A block never
 * seen before shows skeletons until it arrives.
 */
export function useGridBlocks(
  filter: LeadFilter,
  sort: string | undefined,
  version: number,
  first: number,
  last: number,
  /** False while scrolling fast: blocks not yet held are not asked for (their rows show empty until the scroll settles). */
  ask = true,
): { rowAt: (index: number) => DisplayRow | undefined; stale: boolean } {
  const { i18n } = useTranslation();
  const client = useQueryClient();
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
      enabled: ask,
      // The rows this block showed last (a data version back, or another filter's or sort's): kept shown while asked again.
      placeholderData: () => lastShown(client, block, where, filterKey, sort ?? ''),
    })),
    combine: blockRows,
  });
  const rowAt = useCallback(
    (index: number) => results[Math.floor(index / BLOCK) - from]?.[index % BLOCK],
    [results, from],
  );
  return { rowAt, stale: results.some((r) => r?.otherQuery) };
}
