/**
 * Schema version 5: the `engine` table, a cache the app can always rebuild. It holds the data
 * version (a token written in the same transaction as every write to the tables the verdict and
 * the grid read, see data-version.ts) and the grid's persisted columnar snapshot, in chunks with
 * a checksum each. A backup does not carry it; deleting it costs one full read on the next start.
 * No record changes. Never edit once landed; add v006-….ts.
 */
export const V005_STORES = {
  engine: 'key',
} as const;

export const v005 = { version: 5, stores: V005_STORES } as const;
