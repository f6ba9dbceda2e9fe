/** Sort orders the grid engine works out in idle time, so a header click finds its order ready. */
import type { SortKey } from '../domain/leads/index/lead-sort';
import { orderFor, type GridIndex } from './grid-index';
import { measureSince } from './grid-timing';

/** The sort keys worked out ahead, most asked first (the default columns' headers). */
export const WARM_SORT_KEYS: readonly SortKey[] = [
  'acquiredAt',
  'name',
  'lastContactAt',
  'attempts',
  'source',
  'createdAt',
  'dataAge',
  'dncCheckedAt',
  'verifiedAt',
];
/** Rows of sort orders kept at once (4 bytes each), across every key. */
export const ORDER_BUDGET_ROWS = 4_500_000;
/** Quiet time after the last query before the next order is worked out. */
export const WARM_PAUSE_MS = 1_500;

/**
 * Sort orders are worked out ahead, one key at a time while nobody asks anything (a pause of
 * WARM_PAUSE_MS after the last question), so a first click on a header does not pay for it.
 * Within ORDER_BUDGET_ROWS row entries (4 bytes each): every key at 100k leads, the first four at
 * 1M. Returns "asked": call it after each question (it waits for the next pause).
 */
export function orderWarmer(index: () => Promise<GridIndex> | null): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const soon = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      void index()?.then((idx) => {
        const key = WARM_SORT_KEYS.find((k) => !idx.orders.has(k));
        if (!key || (idx.orders.size + 1) * idx.cols.n > ORDER_BUDGET_ROWS) return;
        const t0 = performance.now();
        orderFor(idx, key);
        measureSince('engine:warm-order', t0);
        soon();
      });
    }, WARM_PAUSE_MS);
  };
  return soon;
}
