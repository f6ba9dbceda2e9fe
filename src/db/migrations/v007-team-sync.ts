/**
 * Schema version 7: the team edition's client tables (issue 18, decision 031).
 * - `outbox`: mutations waiting to be pushed, in write order (`seq`), each written in the same
 *   transaction as the change it carries (outbox-middleware.ts).
 * - `syncIds`: local numeric id ↔ sync id (a UUID) per table, and for a lead the HLC stamp of each
 *   of its synced fields (what the local row's values were stamped with).
 * - `syncState`: the device id, the team-mode settings, the device's last HLC stamp and the pull cursor.
 * - `syncIssues`: conflicts (a field edited in two places) and quarantined mutations, to show.
 * New empty tables: no record changes. Never edit once landed; add v008-….ts.
 */
export const V007_STORES = {
  outbox: '++seq',
  syncIds: '[table+localId], [table+syncId]',
  syncState: 'key',
  syncIssues: '++id, at',
} as const;

export const v007 = { version: 7, stores: V007_STORES } as const;
