/**
 * Schema version 3: the audit trail in format 2 (src/domain/audit/audit-hash.ts). Each entry's
 * hash now covers a hash of its details instead of the details, so "forget this person" can
 * redact personal data from old entries and the chain still verifies. No table or index
 * changes; the upgrade rewrites the trail, re-chains it, and records the previous head and the
 * new head — in the settings row `auditChainUpgrade` and in an `upgrade` audit entry — so an
 * anchor exported before the upgrade (seq + hash) can be related to the new chain: the entry at
 * that seq carries the old hash as `legacyHash`. Never edit once landed; add v00N-….ts.
 *
 * Frozen: what the upgrade writes is spelled out here, not borrowed from the live repositories
 * (db/repos/audit-upgrade-repo.ts does the same for a format-1 trail restored from an old
 * backup, and may change with the app). Only the pure format-2 hashing of domain/audit is
 * shared: the app verifies every stored chain with it, so it cannot change either.
 */
import type { Transaction } from 'dexie';
import type { AuditEntry } from '../../domain/audit/audit-entry';
import { sealEntry } from '../../domain/audit/audit-hash';
import { upgradeTrail } from '../../domain/audit/audit-upgrade';

/** Settings key of the record of the trail's rewrite. */
export const AUDIT_UPGRADE_KEY = 'auditChainUpgrade';
/** The actor of the `upgrade` entry when the organisation has no operator name (the default at v003). */
const DEFAULT_OPERATOR = 'Data steward';

async function upgradeAuditTrail(tx: Transaction, now: number): Promise<void> {
  const audit = tx.table<AuditEntry, number>('audit');
  const entries = await audit.orderBy('seq').toArray();
  if (entries.length === 0) return;
  const upgrade = upgradeTrail(entries);
  const org = (await tx.table('settings').get('org')) as { value?: { operatorName?: string } } | undefined;
  const problem = upgrade.previousProblem;
  const previousTrail = problem
    ? { intact: false, brokenAtSeq: problem.seq, problem: problem.problem }
    : { intact: true };
  const record = sealEntry({
    seq: upgrade.newHead.seq + 1,
    at: now,
    actor: org?.value?.operatorName ?? DEFAULT_OPERATOR,
    action: 'upgrade',
    entity: 'audit',
    ids: [],
    before: { format: 1, head: upgrade.previousHead, previousTrail },
    after: { format: 2, head: upgrade.newHead },
    note: 'Audit trail rewritten in format 2 (schema v003); entries keep their old hash as legacyHash.',
    prevHash: upgrade.newHead.hash,
  });
  await audit.bulkPut([...upgrade.entries, record]);
  await tx.table('settings').put({
    key: AUDIT_UPGRADE_KEY,
    value: {
      at: now,
      schemaVersion: 3,
      previousHead: upgrade.previousHead,
      newHead: upgrade.newHead,
      previousTrail,
      upgradeSeq: record.seq,
    },
  });
}

export const v003 = {
  version: 3,
  stores: {},
  upgrade: (tx: Transaction) => upgradeAuditTrail(tx, Date.now()),
} as const;
