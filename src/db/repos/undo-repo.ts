/**
 * Undo of bulk edits and deletions: restores the exact values the audit entry recorded as
 * "before", in one transaction, and writes an 'undo' audit entry naming the entry it undid.
 * Entries already undone cannot be undone twice.
 */
import type { Call } from '../../domain/leads/call';
import { canonicalJson } from '../../domain/audit/audit-hash';
import type { ConsentEvent } from '../../domain/compliance/consent-event';
import type { ConsentRequest } from '../../domain/compliance/consent-request';
import type { DncEntry } from '../../domain/compliance/dnc-list';
import { pickFields, restoreFields } from '../../domain/leads/bulk-edit';
import type { Lead } from '../../domain/leads/lead';
import type { LeadsDb } from '../leads-db';
import { leadsRemovedFromTeam } from './sync-state-repo';
import { appendAudit } from './audit-repo';
import { INTERNAL_LIST_ID } from './internal-dnc';
import { journaled, markDone } from './operation-journal-repo';

interface BulkPayload {
  op?: { kind: string };
  leads?: Record<string, Record<string, unknown>>;
  rows?: Lead[];
  calls?: Call[];
  consents?: ConsentEvent[];
  consentIds?: number[];
  requests?: ConsentRequest[];
  requestIds?: number[];
  dncAdded?: string[];
  dncReplaced?: DncEntry[];
}

const UNDOABLE = new Set(['bulk-edit', 'delete']);

/** An operation that can be undone, as the Leads screen offers it. */
export interface UndoableOp {
  /** Its audit entry (what an undo names). */
  seq: number;
  action: string;
  /** The bulk operation's kind (`add-tags`, `delete`…). */
  kind: string;
  /** How many leads it changed. */
  count: number;
}

/** How many of the newest entries are looked through for undoable operations (and the undos among them). */
const UNDO_HORIZON = 200;

/**
 * The newest undoable operations that were not undone yet, newest first, up to `limit`. Entries
 * are read newest first and the read stops at the `limit`-th (an undo is always newer than what
 * it undid, so each is seen before its target): an operation of 10,000 leads is an entry of
 * megabytes, and the last 200 of them were read whole on every change before.
 */
export async function listUndoable(db: LeadsDb, limit = 5): Promise<UndoableOp[]> {
  const undone = new Set<number>();
  const found: UndoableOp[] = [];
  let seen = 0;
  // Each entry is taken in the stop test itself, which ends the read on the entry that completes
  // it (a test run apart would read one entry more: Dexie tests the next one before it stops).
  await db.audit
    .orderBy('seq')
    .reverse()
    .until((e) => {
      seen++;
      if (e.action === 'undo') {
        const undid = (e.after as { undid?: unknown } | null)?.undid;
        if (typeof undid === 'number') undone.add(undid);
      } else {
        const op = (e.before as BulkPayload | null)?.op;
        if (UNDOABLE.has(e.action) && e.entity === 'lead' && !undone.has(e.seq) && op)
          found.push({ seq: e.seq, action: e.action, kind: op.kind, count: e.ids.length });
      }
      return found.length >= limit || seen >= UNDO_HORIZON;
    }, true)
    .toArray();
  return found;
}

export class UndoError extends Error {}

/** Undo the operation recorded in audit entry `seq`. */
export async function undoOperation(db: LeadsDb, seq: number, now = Date.now()): Promise<{ restored: number }> {
  const tables = [
    db.leads,
    db.calls,
    db.consents,
    db.consentRequests,
    db.dncEntries,
    db.audit,
    db.settings,
    db.operations,
    db.syncIds,
  ];
  const count = (await db.audit.get(seq))?.ids.length ?? 0;
  return journaled(
    db,
    'undo',
    { auditSeq: seq, count },
    (journal) =>
      db.transaction('rw', tables, async () => {
        const entry = await db.audit.get(seq);
        // Only the bulk operations' own entries (they carry `op`), as listUndoable offers them.
        if (
          !entry ||
          !UNDOABLE.has(entry.action) ||
          entry.entity !== 'lead' ||
          !(entry.before as BulkPayload | null)?.op
        )
          throw new UndoError(`Audit entry #${seq} cannot be undone.`);
        const alreadyUndone = await db.audit
          .where('action')
          .equals('undo')
          .filter((e) => (e.after as { undid?: number }).undid === seq)
          .count();
        if (alreadyUndone) throw new UndoError(`Audit entry #${seq} was already undone.`);
        const before = entry.before as BulkPayload;
        const after = entry.after as BulkPayload;
        let restored = 0;
        if (before.rows) {
          // A deletion already sent to the team (lead.remove) is final there: bringing the leads
          // back here alone would leave this device holding what no other does.
          const gone = await leadsRemovedFromTeam(
            db,
            before.rows.map((r) => r.id),
          );
          if (gone.length)
            throw new UndoError(
              `Audit entry #${seq} cannot be undone: ${gone.length} of its leads were removed from the team's data (lead ${gone[0]}…).`,
            );
          await db.leads.bulkAdd(before.rows);
          if (before.calls?.length) await db.calls.bulkAdd(before.calls);
          if (before.consents?.length) await db.consents.bulkAdd(before.consents);
          if (before.requests?.length) await db.consentRequests.bulkAdd(before.requests);
          restored = before.rows.length;
        }
        const fields = before.leads ?? {};
        const ids = Object.keys(fields).map(Number);
        if (ids.length) {
          const leads = await db.leads.bulkGet(ids);
          // Restoring over a later edit of the same fields would silently lose that edit: refuse.
          const recorded = after.leads ?? {};
          const edited = leads.filter(
            (l): l is Lead =>
              l !== undefined &&
              canonicalJson(pickFields(l, Object.keys(fields[l.id]!))) !== canonicalJson(recorded[l.id]),
          );
          if (edited.length)
            throw new UndoError(
              `Audit entry #${seq} cannot be undone: ${edited.length} of its records were changed since (lead ${edited[0]!.id}…).`,
            );
          const puts = leads
            .filter((l): l is Lead => l !== undefined)
            .map((l) => ({ ...restoreFields(l, fields[l.id]!), updatedAt: now }));
          await db.leads.bulkPut(puts);
          restored = puts.length;
        }
        if (after.consentIds?.length) await db.consents.bulkDelete(after.consentIds);
        if (after.requestIds?.length) await db.consentRequests.bulkDelete(after.requestIds);
        if (after.dncAdded?.length)
          await db.dncEntries.bulkDelete(after.dncAdded.map((p) => [INTERNAL_LIST_ID, p] as [string, string]));
        if (before.dncReplaced?.length) await db.dncEntries.bulkPut(before.dncReplaced);
        await appendAudit(
          db,
          {
            action: 'undo',
            entity: 'lead',
            ids: entry.ids,
            before: { undid: seq },
            after: { undid: seq, op: before.op },
          },
          now,
        );
        await markDone(db, journal, now);
        return { restored: restored || entry.ids.length };
      }),
    now,
  );
}
