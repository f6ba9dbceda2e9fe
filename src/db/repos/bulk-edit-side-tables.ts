/**
 * What a bulk edit writes besides the leads' own fields, in the edit's transaction: the consents
 * a renewal records, the renewal requests, the internal DNC list's entries, and everything a
 * deletion removes (kept in the audit entry so an undo can bring it back).
 */
import { addMonths } from '../../domain/time/calendar';
import type { BulkOp } from '../../domain/leads/bulk-edit';
import type { DncEntry } from '../../domain/compliance/dnc-list';
import type { Lead } from '../../domain/leads/lead';
import type { LeadsDb } from '../leads-db';
import { getSettings } from './settings-repo';
import { INTERNAL_LIST_ID, ensureInternalList } from './internal-dnc';

/** Whether an entry lists its number at `now` (as addInternalDncInTransaction reads it): not removed, not yet to come. */
export const inForce = (e: DncEntry | undefined, now: number) =>
  e !== undefined && e.removedVersionId === undefined && (e.addedAt === undefined || e.addedAt <= now);

/** Writes an operation makes outside the leads' own fields: consents, the internal DNC list, deletion. */
export async function applySideTables(
  db: LeadsDb,
  op: BulkOp,
  leads: Lead[],
  now: number,
  internal: Map<string, DncEntry> | null,
): Promise<{ before: object; after: object }> {
  const ids = leads.map((l) => l.id);
  if (op.kind === 'delete') {
    const [calls, consents, requests] = await Promise.all([
      db.calls.where('leadId').anyOf(ids).toArray(),
      db.consents.where('leadId').anyOf(ids).toArray(),
      db.consentRequests.where('leadId').anyOf(ids).toArray(),
    ]);
    await db.calls.bulkDelete(calls.map((c) => c.id));
    await db.consents.bulkDelete(consents.map((c) => c.id));
    await db.consentRequests.bulkDelete(requests.map((r) => r.id));
    await db.leads.bulkDelete(ids);
    return { before: { rows: leads, calls, consents, ...(requests.length ? { requests } : {}) }, after: {} };
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
  if (op.kind === 'request-consent-renewal') {
    const { operatorName } = await getSettings(db);
    const requests = leads.map((l) => ({
      leadId: l.id,
      purpose: 'calls' as const,
      requestedAt: now,
      requestedBy: operatorName,
      channel: op.channel,
      ...(op.note ? { note: op.note } : {}),
    }));
    const keys = (await db.consentRequests.bulkAdd(requests, { allKeys: true })) as number[];
    return { before: {}, after: { requestIds: keys } };
  }
  if (op.kind === 'add-to-internal-dnc') {
    const versionId = await ensureInternalList(db, now);
    // Each number once (two leads may share one); an entry removed from the list, or not yet in
    // force, is replaced, and kept in the audit so an undo can put it back.
    const added = [...new Set(leads.map((l) => l.phoneE164))].filter((p) => !inForce(internal?.get(p), now));
    const replaced = added.map((p) => internal?.get(p)).filter((e): e is DncEntry => e !== undefined);
    await db.dncEntries.bulkPut(
      added.map((phoneE164) => ({ listId: INTERNAL_LIST_ID, phoneE164, addedVersionId: versionId, addedAt: now })),
    );
    return { before: replaced.length ? { dncReplaced: replaced } : {}, after: { dncAdded: added } };
  }
  return { before: {}, after: {} };
}
