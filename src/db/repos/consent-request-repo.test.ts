/**
 * "Request consent renewal" in the database: one audited, undoable operation that writes a
 * request per lead (not a consent event), marks those leads changed in the change log (so the
 * grid engine judges them again), shows them as awaiting renewal until a renewal is recorded,
 * and is undone like any bulk operation.
 */
import { afterEach, expect, it } from 'vitest';
import { LOG_PREFIX, type ChangeLogRow } from '../data-version';
import type { LeadsDb } from '../leads-db';
import { applyBulkEdit } from './bulk-edit-repo';
import { NOW, bulkData } from './bulk-edit-test-fixture';
import { closeAll, dbWith } from './compliance-test-fixture';
import { awaitingRenewal } from './consent-request-repo';
import { recordConsent } from './consent-repo';
import { loadLeadCompliance } from './lead-compliance-repo';
import { undoOperation } from './undo-repo';

afterEach(closeAll);
const data = bulkData();
const AT = NOW + 60_000;

const logRows = async (db: LeadsDb) =>
  (await db.changes.where('key').startsWith(LOG_PREFIX).toArray()) as unknown as ChangeLogRow[];
/** Lead ids the log rows written since `before` (keys as they were then) name; keys carry a random token, so not in time order. */
const loggedSince = async (db: LeadsDb, before: ChangeLogRow[]) => {
  const seen = new Set(before.map((r) => r.key));
  return (await logRows(db)).filter((r) => !seen.has(r.key)).flatMap((r) => r.leadIds);
};

it('records a request per lead, audited, awaiting until renewed, and undone with the operation', async () => {
  const db = await dbWith(structuredClone(data));
  const ids = data.leads.slice(0, 4).map((l) => l.id);
  const consentsBefore = await db.consents.count();
  const logBefore = await logRows(db);

  const result = await applyBulkEdit(
    db,
    ids,
    { kind: 'request-consent-renewal', channel: 'letter', note: 'spring mailing' },
    AT,
  );
  expect(result.changedIds).toEqual(ids);
  expect(await db.consents.count(), 'a request is not a consent event').toBe(consentsBefore);
  const requests = await db.consentRequests.toArray();
  expect(requests.map((r) => r.leadId)).toEqual(ids);
  expect(requests[0]).toMatchObject({
    purpose: 'calls',
    requestedAt: AT,
    channel: 'letter',
    note: 'spring mailing',
    requestedBy: 'Data steward',
  });

  const entry = (await db.audit.orderBy('seq').last())!;
  expect(entry).toMatchObject({
    seq: result.auditSeq,
    action: 'bulk-edit',
    ids,
    after: { op: { kind: 'request-consent-renewal', channel: 'letter' }, requestIds: requests.map((r) => r.id) },
  });

  // The change log names the leads whose requests were written: the grid engine judges them again.
  expect(await loggedSince(db, logBefore)).toEqual(expect.arrayContaining(ids));

  expect((await awaitingRenewal(db, AT)).map((r) => r.lead.id)).toEqual(ids);
  const before = (await loadLeadCompliance(db, ids[0]!, AT + 1))!;
  expect(before.renewalRequested).toEqual({ requestedAt: AT, requestedBy: 'Data steward', channel: 'letter' });

  // The person answers for one lead: a renewal is recorded, and that lead no longer awaits.
  await recordConsent(
    db,
    {
      leadIds: [ids[0]],
      purpose: 'calls',
      kind: 'renewed',
      basis: 'consent',
      capturedAt: AT + 1000,
      method: 'written',
      proofRef: 'signed-form-1',
      validityMonths: 12,
    },
    AT + 1000,
  );
  expect((await awaitingRenewal(db, AT + 2000)).map((r) => r.lead.id)).toEqual(ids.slice(1));
  expect((await loadLeadCompliance(db, ids[0]!, AT + 2000))!.renewalRequested).toBeUndefined();

  const logBeforeUndo = await logRows(db);
  await undoOperation(db, result.auditSeq, AT + 3000);
  expect(await db.consentRequests.count()).toBe(0);
  expect(await loggedSince(db, logBeforeUndo)).toEqual(expect.arrayContaining(ids));
  expect(await awaitingRenewal(db, AT + 4000)).toEqual([]);
});

it('deleting leads deletes their requests, and undoing the deletion brings them back', async () => {
  const db = await dbWith(structuredClone(data));
  const ids = data.leads.slice(0, 2).map((l) => l.id);
  await applyBulkEdit(db, ids, { kind: 'request-consent-renewal', channel: 'email' }, AT);
  const requests = await db.consentRequests.toArray();
  const deletion = await applyBulkEdit(db, ids, { kind: 'delete' }, AT + 1);
  expect(await db.consentRequests.count()).toBe(0);
  await undoOperation(db, deletion.auditSeq, AT + 2);
  expect(await db.consentRequests.toArray()).toEqual(requests);
});
