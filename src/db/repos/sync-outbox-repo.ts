/**
 * Reading the outbox for a push and settling it with the server's answer, in one transaction:
 * acknowledged mutations leave (applied, quarantined, duplicates), deferred ones stay; quarantine
 * reasons and conflicts become syncIssues for the user to see.
 */
import type { LeadsDb } from '../leads-db';
import type { OutboxRow, SyncIssue } from '../../domain/sync/sync-rows';
import type { Settled } from '../../domain/sync/push-results';
import { MAX_BATCH_SIZE } from '../../domain/sync/mutation';

/** The oldest queued mutations, at most one batch. */
export async function nextBatch(db: LeadsDb, limit = MAX_BATCH_SIZE): Promise<OutboxRow[]> {
  return db.outbox.orderBy('seq').limit(Math.min(limit, MAX_BATCH_SIZE)).toArray();
}

export async function pendingCount(db: LeadsDb): Promise<number> {
  return db.outbox.count();
}

export async function settleBatch(db: LeadsDb, sent: OutboxRow[], settled: Settled, now = Date.now()): Promise<void> {
  const bySync = new Map(sent.map((r) => [r.mutation.id, r]));
  await db.transaction('rw', [db.outbox, db.syncIds, db.syncIssues], async () => {
    const issues: SyncIssue[] = [];
    for (const q of settled.quarantined) {
      const row = bySync.get(q.id);
      issues.push({
        at: now,
        kind: 'quarantine',
        mutationId: q.id,
        reason: q.reason,
        ...(q.detail ? { detail: q.detail } : {}),
        ...(await leadOf(db, row)),
      });
    }
    for (const c of settled.conflicts) {
      issues.push({
        at: now,
        kind: 'conflict',
        mutationId: c.id,
        field: c.field.field,
        yours: c.field.yours,
        kept: c.field.kept,
        ...(await leadOf(db, bySync.get(c.id))),
      });
    }
    if (issues.length) await db.syncIssues.bulkAdd(issues);
    const seqs = settled.acknowledged.flatMap((id) => {
      const seq = bySync.get(id)?.seq;
      return seq === undefined ? [] : [seq];
    });
    await db.outbox.bulkDelete(seqs);
  });
}

async function leadOf(db: LeadsDb, row: OutboxRow | undefined): Promise<{ leadId?: number }> {
  const syncId = row?.mutation.type === 'lead.put' ? row.mutation.leadId : undefined;
  if (typeof syncId !== 'string') return {};
  const held = await db.syncIds.where('[table+syncId]').equals(['leads', syncId]).first();
  return typeof held?.localId === 'number' ? { leadId: held.localId } : {};
}

export async function listSyncIssues(db: LeadsDb, limit = 200): Promise<SyncIssue[]> {
  return db.syncIssues.orderBy('at').reverse().limit(limit).toArray();
}
