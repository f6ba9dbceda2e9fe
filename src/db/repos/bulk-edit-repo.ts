/**
 * Bulk edits of the leads grid: one Dexie transaction per operation (all or nothing), one
 * audit entry holding every changed id with its exact before and after values, and an undo
 * that restores those values and is itself audited.
 */
import { addMonths } from '../../domain/time/calendar';
import { bulkOpSchema, leadChangeFor, pickFields, type BulkOp } from '../../domain/leads/bulk-edit';
import type { Lead } from '../../domain/leads/lead';
import type { LeadsDb } from '../leads-db';
import { appendAudit } from './audit-repo';
import { getSettings } from './settings-repo';
import { INTERNAL_LIST_ID, ensureInternalList } from './internal-dnc';

export interface BulkPreview {
  selected: number;
  changed: number;
  unchanged: number;
  missing: number;
}

/** How many of `ids` the operation would change (read only). */
export async function previewBulkEdit(db: LeadsDb, ids: readonly number[], op: BulkOp, now = Date.now()): Promise<BulkPreview> {
  const leads = await db.leads.bulkGet([...ids]);
  let changed = 0;
  let missing = 0;
  for (const lead of leads) {
    if (!lead) missing++;
    else if (leadChangeFor(lead, op, now) !== null) changed++;
  }
  return { selected: ids.length, changed, unchanged: ids.length - changed - missing, missing };
}

export interface BulkResult {
  auditSeq: number;
  changed: number;
}

/** Apply `op` to every lead in `ids`, atomically. */
export async function applyBulkEdit(db: LeadsDb, ids: readonly number[], rawOp: BulkOp, now = Date.now()): Promise<BulkResult> {
  const op = bulkOpSchema.parse(rawOp);
  return db.transaction('rw', [db.leads, db.calls, db.consents, db.dncLists, db.dncListVersions, db.dncEntries, db.audit, db.settings], async () => {
    const leads = (await db.leads.bulkGet([...ids])).filter((l): l is Lead => l !== undefined);
    const before: Record<number, unknown> = {};
    const after: Record<number, unknown> = {};
    const changedIds: number[] = [];
    const puts: Lead[] = [];
    for (const lead of leads) {
      const change = leadChangeFor(lead, op, now);
      if (change === null) continue;
      changedIds.push(lead.id);
      const fields = Object.keys(change);
      if (fields.length) {
        before[lead.id] = pickFields(lead, fields);
        after[lead.id] = Object.fromEntries(fields.map((f) => [f, change[f as keyof typeof change] ?? null]));
        puts.push({ ...lead, ...change, updatedAt: now } as Lead);
      }
    }
    const extra = await applySideTables(db, op, leads.filter((l) => changedIds.includes(l.id)), now);
    if (puts.length) await db.leads.bulkPut(puts);
    const entry = await appendAudit(
      db,
      { action: op.kind === 'delete' ? 'delete' : 'bulk-edit', entity: 'lead', ids: changedIds, before: { op, leads: before, ...extra.before }, after: { op, leads: after, ...extra.after } },
      now,
    );
    return { auditSeq: entry.seq, changed: changedIds.length };
  });
}

/** Writes an operation makes outside the leads' own fields: consents, the internal DNC list, deletion. */
async function applySideTables(db: LeadsDb, op: BulkOp, leads: Lead[], now: number): Promise<{ before: object; after: object }> {
  const ids = leads.map((l) => l.id);
  if (op.kind === 'delete') {
    const [calls, consents] = await Promise.all([db.calls.where('leadId').anyOf(ids).toArray(), db.consents.where('leadId').anyOf(ids).toArray()]);
    await db.calls.bulkDelete(calls.map((c) => c.id));
    await db.consents.bulkDelete(consents.map((c) => c.id));
    await db.leads.bulkDelete(ids);
    return { before: { rows: leads, calls, consents }, after: {} };
  }
  if (op.kind === 'renew-consent') {
    const { operatorName, orgTimeZone } = await getSettings(db);
    const events = leads.map((l) => ({
      leadId: l.id,
      purpose: 'calls' as const,
      kind: 'renewed' as const,
      basis: 'consent' as const,
      capturedAt: now,
      expiresAt: addMonths(now, op.validityMonths, orgTimeZone),
      method: 'written' as const,
      proofRef: op.proofRef,
      capturedBy: operatorName,
    }));
    const keys = (await db.consents.bulkAdd(events, { allKeys: true })) as number[];
    return { before: {}, after: { consentIds: keys } };
  }
  if (op.kind === 'add-to-internal-dnc') {
    const versionId = await ensureInternalList(db, now);
    const phones = leads.map((l) => l.phoneE164);
    const existing = new Set((await db.dncEntries.where('[listId+phoneE164]').anyOf(phones.map((p) => [INTERNAL_LIST_ID, p])).toArray()).map((e) => e.phoneE164));
    const added = phones.filter((p) => !existing.has(p));
    await db.dncEntries.bulkAdd(added.map((phoneE164) => ({ listId: INTERNAL_LIST_ID, phoneE164, addedVersionId: versionId, addedAt: now })));
    return { before: {}, after: { dncAdded: added } };
  }
  return { before: {}, after: {} };
}
