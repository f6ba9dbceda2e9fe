/**
 * What the grid engine works out in idle time: sort orders, so a header click finds its order
 * ready; and once, first, the bulk edit's Preview, so its first run is not cold (grid-warm-preview.ts).
 */
import { sortInput, type SortInput, type SortKey } from '../domain/leads/index/lead-sort';
import { type GridIndex } from './grid-index';
import { orderFor } from './grid-index-reads';
import { measureSince } from './grid-timing';
import { warmPreview } from './grid-warm-preview';

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

/** Works out a key's order elsewhere (a helper worker), or null where there is none (tests, in-process). */
export type Sorter = { order(input: SortInput, n: number): Promise<Uint32Array>; done(): void } | null;

/**
 * Sort orders are worked out ahead, one key at a time while nobody asks anything (a pause of
 * WARM_PAUSE_MS after the last question), so a first click on a header does not pay for it.
 * Within ORDER_BUDGET_ROWS row entries (4 bytes each): every key at 100k leads, the first four at
 * 1M. With a `sorter` the sorting runs on its thread (a sort of a million rows holds a thread for
 * ~0.7 s: a question asked meanwhile would wait); its order is kept only if the index still holds
 * the columns and the data version it was worked out from (a failed helper is closed; the next
 * pause starts another). No order is started while `writing` says a long write is under way; the
 * next pause tries again. Returns "asked": call it after each question.
 */
export function orderWarmer(
  index: () => Promise<GridIndex> | null,
  sorter: () => Sorter = () => null,
  writing: () => Promise<boolean> = () => Promise.resolve(false),
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** Moves with each call of `soon`: a pause that a question ended while it asked about writes goes no further. */
  let pauses = 0;
  const soon = (): void => {
    clearTimeout(timer);
    const pause = ++pauses;
    timer = setTimeout(async () => {
      // A long write under way (a bulk edit, an import, a scrub: an operation holding its journal
      // lock) needs the machine's cores more than a header click that may come: wait for it.
      const waitForWrite = await writing().catch(() => false);
      if (pause !== pauses) return;
      if (waitForWrite) return soon();
      void index()?.then(async (idx) => {
        // First, once per columns: the bulk edit's Preview (grid-warm-preview.ts), a few tasks of a few ms.
        const tp = performance.now();
        const warmed = await warmPreview(idx.cols, Date.now());
        if (warmed) {
          measureSince('engine:warm-preview', tp);
          // A question or a Preview asked meanwhile ended this pause: the next one sorts.
          if (warmed === 'stopped' || pause !== pauses) return;
        }
        const key = WARM_SORT_KEYS.find((k) => !idx.orders.has(k));
        const helper = sorter();
        if (!key || (idx.orders.size + 1) * idx.cols.n > ORDER_BUDGET_ROWS) return helper?.done();
        const t0 = performance.now();
        if (!helper) orderFor(idx, key);
        else {
          // A catch-up may patch the columns in place (same object) or replace them: either moves the data version.
          const { cols, dataVersion } = idx;
          const order = await helper.order(sortInput(cols, key), cols.n).catch(() => null);
          if (!order) return helper.done();
          if (idx.cols !== cols || idx.dataVersion !== dataVersion) return;
          if (!idx.orders.has(key)) idx.orders.set(key, order);
        }
        measureSince('engine:warm-order', t0);
        soon();
      });
    }, WARM_PAUSE_MS);
  };
  return soon;
}
