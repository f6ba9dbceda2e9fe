/**
 * Schema version 4: drop the indexes nothing looks up by. Every index is one more B-tree entry
 * written with each record, and writes are the slow part here (an IndexedDB put costs ~0.16 ms
 * on the 2-core machine before any index; each index adds ~0.03 ms). Filtering and sorting run
 * on the grid's columnar index in a worker, so the lead fields indexed "for the grid" in v001
 * (source, campaign, acquisition time) were never queried; nor were the call time, the consent
 * capture and expiry times, or a DNC entry's version. What stays is what a write path or a
 * screen looks records up by: a lead's number and batch, a call's lead and batch, a consent's
 * lead, a DNC entry's number. No record changes. Never edit once landed; add v005-….ts.
 * Decision 010 has the measurements.
 */
export const V004_STORES = {
  leads: '++id, phoneE164, importBatchId',
  calls: '++id, leadId, importBatchId',
  consents: '++id, leadId',
  dncEntries: '[listId+phoneE164], phoneE164',
} as const;

export const v004 = { version: 4, stores: V004_STORES } as const;
