/**
 * Schema version 6: the `consentRequests` table — requests for consent renewal (the steward asked
 * the person to consent again: when, who, through which channel). A request is not proof; the
 * consent events stay the only proof (domain/compliance/consent-request.ts). Indexed by lead (a
 * lead's requests for its verdict, deleting them with the lead) and by request time (the queue of
 * leads awaiting renewal). A new empty table: no record changes. Never edit once landed; add v007-….ts.
 */
export const V006_STORES = {
  consentRequests: '++id, leadId, requestedAt',
} as const;

export const v006 = { version: 6, stores: V006_STORES } as const;
