/**
 * Schema version 3: the audit trail in format 2 (src/domain/audit/audit-hash.ts). Each entry's
 * hash now covers a hash of its details instead of the details, so "forget this person" can
 * redact personal data from old entries and the chain still verifies. No table or index
 * changes; the upgrade rewrites the trail, re-chains it, and records the previous head and the
 * new head — in the settings row `auditChainUpgrade` and in an `upgrade` audit entry — so an
 * anchor exported before the upgrade (seq + hash) can be related to the new chain: the entry at
 * that seq carries the old hash as `legacyHash`. Never edit once landed; add v004-….ts.
 */
import type { Transaction } from 'dexie';
import { upgradeAuditTrail } from '../repos/audit-upgrade-repo';

export { AUDIT_UPGRADE_KEY } from '../repos/audit-upgrade-repo';

export const v003 = {
  version: 3,
  stores: {},
  upgrade: (tx: Transaction) => upgradeAuditTrail(tx, Date.now()),
} as const;
