/**
 * Schema version 2: the operation journal (`operations`). A long write operation writes a
 * `started` row first and marks it `done` in the transaction that commits its data, so a row
 * left `started` by a dead tab tells the next start what was interrupted. A new table only:
 * no existing record changes. Never edit once landed; add v003-….ts.
 */
export const V002_STORES = {
  operations: '++id, state, kind',
} as const;

export const v002 = { version: 2, stores: V002_STORES } as const;
