/**
 * Rewriting the audit trail in format 2 when an erasure or a restore meets a format-1 trail
 * (restored from an old backup). The previous head and the new head are recorded in the
 * settings row `auditChainUpgrade` and in an `upgrade` audit entry, so an anchor exported before
 * (seq + hash) can be related to the new chain: the entry at that seq carries the old hash as
 * `legacyHash`. Schema v003 does the same with its own frozen copy
 * (src/db/migrations/v003-audit-details-hash.ts), so this one may change with the app.
 */
import type { Transaction } from 'dexie';
import type { AuditEntry } from '../../domain/audit/audit-entry';
import { sealEntry } from '../../domain/audit/audit-hash';
import { upgradeTrail } from '../../domain/audit/audit-upgrade';
import { DEFAULT_SETTINGS } from '../../domain/settings/settings';

/** Settings key of the record of the trail's rewrite. */
export const AUDIT_UPGRADE_KEY = 'auditChainUpgrade';

/** Rewrite the trail in `tx` (the upgrade transaction, or any transaction on audit and settings). */
export async function upgradeAuditTrail(tx: Pick<Transaction, 'table'>, now: number): Promise<void> {
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
    actor: org?.value?.operatorName ?? DEFAULT_SETTINGS.operatorName,
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
