/**
 * Schema version 1: every table of DESIGN.md §3. Never edit once landed; add v002-….ts.
 * Indexes are the ones a screen or a write path looks up by; filtering and sorting of the
 * grid run on a columnar snapshot in a worker, not on these indexes.
 */
export const V001_STORES = {
  leads: '++id, phoneE164, sourceId, campaignId, acquiredAt, importBatchId',
  calls: '++id, leadId, at, importBatchId',
  consents: '++id, leadId, capturedAt, expiresAt',
  acquisitions: '++id, leadId, importBatchId',
  dncLists: 'id',
  dncListVersions: '++id, listId, publishedAt',
  dncEntries: '[listId+phoneE164], phoneE164, addedVersionId',
  dncScrubs: '++id, at',
  sources: 'id',
  campaigns: 'id',
  importBatches: '++id, at',
  audit: 'seq, at, action',
  settings: 'key',
  savedViews: '++id, name',
} as const;

export const v001 = { version: 1, stores: V001_STORES } as const;
