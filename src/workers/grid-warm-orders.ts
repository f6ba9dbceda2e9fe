/** Sort orders the grid engine works out in idle time, so a header click finds its order ready. */
import type { SortKey } from '../domain/leads/index/lead-sort';

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
