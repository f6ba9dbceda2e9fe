/**
 * Undo of bulk edits: the exact previous values come back (every lead, call, consent and DNC
 * entry the operation touched, fields that were absent included), the undo is audited and names
 * the entry it undid, nothing is undone twice or over a later edit, and the chain still verifies.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../domain/audit/audit-entry';
import { bulkOpSchema, type BulkOp } from '../../domain/leads/bulk-edit';
import type { Lead } from '../../domain/leads/lead';
import type { LeadsDb } from '../leads-db';
import { appendAudit, verifyAuditTrail } from './audit-repo';
import { applyBulkEdit } from './bulk-edit-repo';
import { MISSING_ID, NOW, bulkData, opArb, selectionArb, snapshot, type Snapshot } from './bulk-edit-test-fixture';
import { closeAll, dbWith } from './compliance-test-fixture';
import { updateLead } from './leads-repo';
import { saveSettings } from './settings-repo';
import { UndoError, listUndoable, undoOperation } from './undo-repo';

afterEach(closeAll);
const data = bulkData();
const ALL = data.leads.map((l) => l.id);
const AT = NOW + 60_000;
const UNDO_AT = NOW + 120_000;
const fresh = () => dbWith(structuredClone(data));

/** Leads whose own fields an audit entry recorded (their updatedAt becomes the undo instant). */
const fieldIds = (entry: AuditEntry) =>
  new Set(Object.keys((entry.before as { leads?: object }).leads ?? {}).map(Number));

/** `after` equals `before` in every table but the audit trail, leads' updatedAt aside, which must be `undoneAt` for `touched`. */
function expectRestored(before: Snapshot, after: Snapshot, touched: ReadonlySet<number>, undoneAt: number) {
  const { audit: _a, leads: beforeLeads, ...beforeRest } = before;
  const { audit: _b, leads: afterLeads, ...afterRest } = after;
  expect(afterRest).toStrictEqual(beforeRest);
  expect(afterLeads).toStrictEqual(
    (beforeLeads as Lead[]).map((l) => (touched.has(l.id) ? { ...l, updatedAt: undoneAt } : l)),
  );
}

async function undoFails(db: LeadsDb, seq: number, message: RegExp) {
  const before = await snapshot(db);
  const error = await undoOperation(db, seq, UNDO_AT).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UndoError);
  expect((error as Error).message).toMatch(message);
  expect(await snapshot(db), 'a refused undo writes nothing').toStrictEqual(before);
}

const SOME = [...ALL.slice(0, 9), MISSING_ID, ALL[3]!, ALL[25]!];
const OPS: [string, BulkOp][] = [
  ['set-source', { kind: 'set-source', sourceId: 'trade-show' }],
  [
    'set-campaign (leads without one get it, then lose it again)',
    { kind: 'set-campaign', campaignId: data.campaigns[1]!.id },
  ],
  ['set-campaign to none (the campaign comes back)', { kind: 'set-campaign', campaignId: null }],
  ['add-tags', { kind: 'add-tags', tags: ['vip', 'new-tag'] }],
  ['remove-tags', { kind: 'remove-tags', tags: ['priority', 'vip'] }],
  ['mark-verified (verifiedAt absent before is absent again)', { kind: 'mark-verified' }],
  ['add-to-internal-dnc (removed and future entries come back as they were)', { kind: 'add-to-internal-dnc' }],
  ['renew-consent (the new consent events go)', { kind: 'renew-consent', proofRef: 'form-17', validityMonths: 12 }],
  ['delete (leads, their calls and consents come back with their ids)', { kind: 'delete' }],
  [
    'edit-fields (source, campaign and tags in one operation come back together)',
    {
      kind: 'edit-fields',
      edits: [
        { kind: 'set-source', sourceId: 'trade-show' },
        { kind: 'set-campaign', campaignId: null },
        { kind: 'add-tags', tags: ['vip'] },
        { kind: 'mark-verified' },
      ],
    },
  ],
];

describe('undoOperation restores the exact previous values', () => {
  it.each(OPS)('%s', async (_name, op) => {
    for (const ids of [ALL, SOME]) {
      const db = await fresh();
      const before = await snapshot(db);
      const { auditSeq, changed } = await applyBulkEdit(db, ids, op, AT);
      expect(changed).toBeGreaterThan(0);
      expect(await snapshot(db)).not.toStrictEqual(before);
      const entry = (await db.audit.get(auditSeq))!;

      const { restored } = await undoOperation(db, auditSeq, UNDO_AT);
      const after = await snapshot(db);
      expectRestored(before, after, fieldIds(entry), UNDO_AT);
      expect(restored).toBe(op.kind === 'delete' ? changed : fieldIds(entry).size || changed);

      // The undo is audited, names the entry it undid, and the chain verifies.
      expect(after.audit).toHaveLength(before.audit!.length + 2);
      expect(after.audit!.at(-1)).toMatchObject({
        seq: auditSeq + 1,
        at: UNDO_AT,
        action: 'undo',
        entity: 'lead',
        ids: entry.ids,
        before: { undid: auditSeq },
        after: { undid: auditSeq, op: bulkOpSchema.parse(op) },
      });
      expect(await verifyAuditTrail(db)).toBeNull();

      // Not twice.
      await undoFails(db, auditSeq, /already undone/);
      expect(await listUndoable(db)).toEqual([]);
    }
  });

  it('fields absent before stay absent: no `undefined` left behind', async () => {
    const db = await fresh();
    const unverified = data.leads.filter((l) => l.verifiedAt === undefined).map((l) => l.id);
    const noCampaign = data.leads.filter((l) => l.campaignId === undefined).map((l) => l.id);
    expect(unverified.length && noCampaign.length).toBeGreaterThan(0);
    const a = await applyBulkEdit(db, unverified, { kind: 'mark-verified' }, AT);
    const b = await applyBulkEdit(db, noCampaign, { kind: 'set-campaign', campaignId: data.campaigns[0]!.id }, AT);
    await undoOperation(db, b.auditSeq, UNDO_AT);
    await undoOperation(db, a.auditSeq, UNDO_AT);
    for (const lead of await db.leads.bulkGet(unverified)) expect('verifiedAt' in lead!).toBe(false);
    for (const lead of await db.leads.bulkGet(noCampaign)) expect('campaignId' in lead!).toBe(false);
  });

  it('any sequence of operations, undone newest first, gives back the starting tables (fast-check)', async () => {
    const steps = fc.array(fc.tuple(selectionArb(data), opArb(data)), { minLength: 1, maxLength: 3 });
    await fc.assert(
      fc.asyncProperty(steps, async (ops) => {
        const db = await fresh();
        const start = await snapshot(db);
        const seqs: number[] = [];
        for (const [ids, op] of ops) seqs.push((await applyBulkEdit(db, ids, op, AT)).auditSeq);
        expect((await listUndoable(db, 10)).map((e) => e.seq)).toEqual([...seqs].reverse());
        const touched = new Set<number>();
        for (const seq of [...seqs].reverse()) {
          for (const id of fieldIds((await db.audit.get(seq))!)) touched.add(id);
          await undoOperation(db, seq, UNDO_AT);
          expect((await listUndoable(db, 10)).map((e) => e.seq)).toEqual(seqs.slice(0, seqs.indexOf(seq)).reverse());
        }
        expectRestored(start, await snapshot(db), touched, UNDO_AT);
        expect(await verifyAuditTrail(db)).toBeNull();
        await db.delete();
      }),
      { numRuns: 30 },
    );
  });
});

describe('undoOperation refuses what it cannot restore exactly', () => {
  it('an operation whose records were edited since (it would silently lose the later edit)', async () => {
    const db = await fresh();
    const [l0, l1] = data.leads;
    const tagged = await applyBulkEdit(db, [l0!.id, l1!.id], { kind: 'add-tags', tags: ['new-tag'] }, AT);
    await updateLead(db, l1!.id, { tags: ['new-tag', 'hand-edited'] }, undefined, AT + 1);
    await undoFails(db, tagged.auditSeq, /changed since/);

    // A later bulk operation on the same field: undo it first, then the earlier one is undoable.
    const db2 = await fresh();
    const start = await snapshot(db2);
    const first = await applyBulkEdit(db2, [l0!.id, l1!.id], { kind: 'set-source', sourceId: 'first' }, AT);
    const second = await applyBulkEdit(db2, [l1!.id], { kind: 'set-source', sourceId: 'second' }, AT);
    await undoFails(db2, first.auditSeq, /changed since/);
    await undoOperation(db2, second.auditSeq, UNDO_AT);
    await undoOperation(db2, first.auditSeq, UNDO_AT);
    expectRestored(start, await snapshot(db2), new Set([l0!.id, l1!.id]), UNDO_AT);
  });

  it('operations on other records can be undone out of order', async () => {
    const db = await fresh();
    const start = await snapshot(db);
    const [l0, l1] = data.leads;
    const first = await applyBulkEdit(db, [l0!.id], { kind: 'add-tags', tags: ['a'] }, AT);
    await applyBulkEdit(db, [l1!.id], { kind: 'add-tags', tags: ['b'] }, AT);
    await undoOperation(db, first.auditSeq, UNDO_AT);
    const after = await snapshot(db);
    expect((after.leads as Lead[]).find((l) => l.id === l0!.id)).toStrictEqual({ ...l0, updatedAt: UNDO_AT });
    expect((after.leads as Lead[]).find((l) => l.id === l1!.id)!.tags).toEqual([...l1!.tags, 'b']);
    expect((await listUndoable(db)).map((e) => e.seq)).toEqual([first.auditSeq + 1]);
    expect(start.leads).toHaveLength(after.leads!.length);
  });

  it('entries that are not bulk operations, and unknown ones', async () => {
    const db = await fresh();
    await saveSettings(db, { staleMonths: 6 }, AT);
    const lead = await updateLead(db, ALL[0]!, { name: 'Renamed' }, undefined, AT);
    expect(lead.name).toBe('Renamed');
    const bulk = await applyBulkEdit(db, [ALL[1]!], { kind: 'mark-verified' }, AT);
    await undoOperation(db, bulk.auditSeq, UNDO_AT);
    const entries = await db.audit.orderBy('seq').toArray();
    expect(entries.map((e) => e.action)).toEqual(['settings', 'edit', 'bulk-edit', 'undo']);
    for (const e of [entries[0]!, entries[1]!, entries[3]!]) await undoFails(db, e.seq, /cannot be undone/);
    await undoFails(db, 999, /cannot be undone/);
    // A deletion that is not a bulk operation (no `op`), such as emptying the database.
    await db.transaction('rw', db.audit, db.settings, () =>
      appendAudit(db, { action: 'delete', entity: 'lead', ids: [ALL[2]!], before: null, after: null }, AT),
    );
    await undoFails(db, entries.length + 1, /cannot be undone/);
    expect(await verifyAuditTrail(db)).toBeNull();
  });
});

describe('listUndoable', () => {
  it('lists bulk operations newest first, up to the limit, and drops undone ones', async () => {
    const db = await fresh();
    const ops: BulkOp[] = [
      { kind: 'mark-verified' },
      { kind: 'add-tags', tags: ['x'] },
      { kind: 'delete' },
      { kind: 'renew-consent', proofRef: 'p', validityMonths: 6 },
    ];
    const seqs: number[] = [];
    for (const [i, op] of ops.entries()) {
      seqs.push((await applyBulkEdit(db, [ALL[i]!], op, AT + i)).auditSeq);
      await saveSettings(db, { staleMonths: 6 + i }, AT + i); // not undoable, interleaved
    }
    expect((await listUndoable(db)).map((e) => e.seq)).toEqual([...seqs].reverse());
    expect((await listUndoable(db, 2)).map((e) => e.seq)).toEqual([seqs[3], seqs[2]]);
    await undoOperation(db, seqs[3]!, UNDO_AT);
    await undoOperation(db, seqs[1]!, UNDO_AT);
    expect((await listUndoable(db)).map((e) => e.seq)).toEqual([seqs[2], seqs[0]]);
    expect((await listUndoable(db))[0]).toEqual({ seq: seqs[2], action: 'delete', kind: 'delete', count: 1 });
    expect(await verifyAuditTrail(db)).toBeNull();
  });

  it(
    'reads the newest entries only as far as it needs, and finds what a read of the last 200 finds (fast-check)',
    { timeout: 60_000 },
    async () => {
      /** The rule as it was: the last 200 entries read whole, the undone ones dropped. */
      const oracle = async (db: LeadsDb, limit: number) => {
        const recent = await db.audit.orderBy('seq').reverse().limit(200).toArray();
        const undone = new Set(
          recent.filter((e) => e.action === 'undo').map((e) => (e.after as { undid: number }).undid),
        );
        return recent
          .filter(
            (e) =>
              ['bulk-edit', 'delete'].includes(e.action) &&
              e.entity === 'lead' &&
              !undone.has(e.seq) &&
              (e.before as { op?: unknown }).op,
          )
          .slice(0, limit)
          .map((e) => ({
            seq: e.seq,
            action: e.action,
            kind: (e.before as { op: { kind: string } }).op.kind,
            count: e.ids.length,
          }));
      };
      // Each step applies an operation, or undoes one still undoable (picked by position), or saves settings.
      const step = fc.oneof(
        fc.tuple(fc.constant('apply' as const), selectionArb(data), opArb(data)),
        fc.tuple(fc.constant('undo' as const), fc.nat()),
        fc.constant(['settings'] as const),
      );
      let undid = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), async (steps) => {
          const db = await fresh();
          for (const [i, s] of steps.entries()) {
            if (s[0] === 'apply') await applyBulkEdit(db, s[1], s[2], AT + i);
            else if (s[0] === 'settings') await saveSettings(db, { staleMonths: 6 + i }, AT + i);
            else {
              const open = await oracle(db, 50);
              if (open.length === 0) continue;
              // An operation whose leads a later one changed is refused (UndoError): nothing changes then.
              const outcome = await undoOperation(db, open[s[1] % open.length]!.seq, UNDO_AT + i).catch(
                (e: unknown) => e,
              );
              if (outcome instanceof UndoError) continue;
              if (outcome instanceof Error) throw outcome;
              undid++;
            }
          }
          for (const limit of [1, 3, 10]) expect(await listUndoable(db, limit)).toEqual(await oracle(db, limit));
          await db.delete();
        }),
        { numRuns: 40 },
      );
      expect(undid).toBeGreaterThan(5);
    },
  );
});
