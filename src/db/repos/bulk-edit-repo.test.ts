/**
 * Bulk edits against a naive model of every table: each operation changes exactly the expected
 * fields and rows, writes one audit entry with all changed ids and their values before and after,
 * the preview counts what apply changes, and a failure at any record leaves every table as it was.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../domain/audit/audit-entry';
import { bulkOpSchema, type BulkOp } from '../../domain/leads/bulk-edit';
import type { DncEntry } from '../../domain/compliance/dnc-list';
import type { Lead } from '../../domain/leads/lead';
import { DEFAULT_SETTINGS } from '../../domain/settings/settings';
import type { LeadsDb } from '../leads-db';
import { verifyAuditTrail } from './audit-repo';
import { applyBulkEdit, previewBulkEdit } from './bulk-edit-repo';
import {
  MISSING_ID,
  NOW,
  bulkData,
  model,
  opArb,
  selectionArb,
  snapshot,
  type Snapshot,
} from './bulk-edit-test-fixture';
import { injectFailure } from './write-failure-fixture';
import { closeAll, dbWith } from './compliance-test-fixture';

afterEach(closeAll);
const data = bulkData();
const AT = NOW + 60_000;
const ALL = data.leads.map((l) => l.id);
const byId = new Map(data.leads.map((l) => [l.id, l]));
type Payload = {
  op: BulkOp;
  leads: Record<string, unknown>;
  rows?: Lead[];
  calls?: { id: number }[];
  consents?: { id: number }[];
  consentIds?: number[];
  dncAdded?: string[];
  dncReplaced?: DncEntry[];
};

const withoutAudit = ({ audit: _audit, ...rest }: Snapshot) => rest;
const sortById = <T extends { id: number }>(rows: T[]) => [...rows].sort((a, b) => a.id - b.id);

/** Apply `op` to `ids` on a fresh database and hold every table and the audit entry to the model. */
async function checkOperation(ids: number[], op: BulkOp, db?: LeadsDb) {
  db ??= await dbWith(structuredClone(data));
  const before = await snapshot(db);
  const expected = model(before, ids, op, AT);
  const unique = new Set(ids);
  const missing = [...unique].filter((id) => !byId.has(id)).length;
  const preview = await previewBulkEdit(db, ids, op, AT);
  expect(await snapshot(db), 'the preview writes nothing').toStrictEqual(before);
  const { fields: perField, ...counts } = preview;
  expect(counts).toEqual({
    selected: unique.size,
    changed: expected.changed.length,
    unchanged: unique.size - expected.changed.length - missing,
    missing,
  });
  // A multi-field edit also counts, per field, the leads it changes on.
  const modelFields: Record<string, number> = {};
  for (const f of Object.values(expected.fields))
    for (const k of Object.keys(f.after)) modelFields[k] = (modelFields[k] ?? 0) + 1;
  expect(perField).toEqual(op.kind === 'edit-fields' ? modelFields : undefined);

  const result = await applyBulkEdit(db, ids, op, AT);
  const after = await snapshot(db);
  expect(result.changed).toBe(expected.changed.length);
  expect(withoutAudit(after)).toStrictEqual(withoutAudit(expected.tables));
  for (const lead of after.leads as Lead[]) expect(lead.createdAt).toBe(byId.get(lead.id)!.createdAt);

  expect(after.audit).toHaveLength(before.audit!.length + 1);
  const entry = after.audit!.at(-1) as AuditEntry;
  const [b, a] = [entry.before as Payload, entry.after as Payload];
  expect(entry).toMatchObject({
    seq: result.auditSeq,
    at: AT,
    actor: DEFAULT_SETTINGS.operatorName,
    action: op.kind === 'delete' ? 'delete' : 'bulk-edit',
    entity: 'lead',
  });
  expect(entry.ids).toEqual(expected.changed);
  expect(b.op).toEqual(bulkOpSchema.parse(op));
  expect(a.op).toEqual(bulkOpSchema.parse(op));
  expect(b.leads).toEqual(Object.fromEntries(Object.entries(expected.fields).map(([id, f]) => [id, f.before])));
  expect(a.leads).toEqual(Object.fromEntries(Object.entries(expected.fields).map(([id, f]) => [id, f.after])));
  if (op.kind === 'delete') {
    const gone = new Set(expected.changed);
    expect(b.rows).toStrictEqual(expected.changed.map((id) => (before.leads as Lead[]).find((l) => l.id === id)));
    expect(sortById(b.calls!)).toStrictEqual(
      (before.calls as { id: number; leadId: number }[]).filter((c) => gone.has(c.leadId)),
    );
    expect(sortById(b.consents!)).toStrictEqual(
      (before.consents as { id: number; leadId: number }[]).filter((c) => gone.has(c.leadId)),
    );
  }
  if (op.kind === 'renew-consent') expect(a.consentIds).toEqual(expected.consentIds);
  if (op.kind === 'add-to-internal-dnc') {
    expect(a.dncAdded).toEqual(expected.dncAdded);
    const replaced = (before.dncEntries as DncEntry[]).filter(
      (e) => e.listId === 'internal' && expected.dncAdded.includes(e.phoneE164),
    );
    expect(b.dncReplaced ?? []).toEqual(expect.arrayContaining(replaced));
    expect((b.dncReplaced ?? []).length).toBe(replaced.length);
  }
  expect(await verifyAuditTrail(db)).toBeNull();
  return { db, before, after, entry, expected };
}

const SOME = [...ALL.slice(0, 8), MISSING_ID, ALL[2]!, ALL[30]!];
const OPS: [string, BulkOp][] = [
  ['set-source (some already have it)', { kind: 'set-source', sourceId: data.leads[0]!.sourceId }],
  ['set-source to a new source', { kind: 'set-source', sourceId: 'trade-show' }],
  ['set-campaign', { kind: 'set-campaign', campaignId: data.campaigns[0]!.id }],
  ['set-campaign to none (the field is removed, not stored as undefined)', { kind: 'set-campaign', campaignId: null }],
  [
    'add-tags (a tag typed twice is added once, existing tags kept in order)',
    { kind: 'add-tags', tags: ['vip', 'new-tag', 'vip'] },
  ],
  ['add-tags (trimmed, as the schema trims)', { kind: 'add-tags', tags: [' callback '] }],
  ['remove-tags', { kind: 'remove-tags', tags: ['priority', 'absent'] }],
  ['mark-verified', { kind: 'mark-verified' }],
  ['add-to-internal-dnc', { kind: 'add-to-internal-dnc' }],
  ['renew-consent', { kind: 'renew-consent', proofRef: 'form-17', validityMonths: 24 }],
  ["delete (with the leads' calls and consents)", { kind: 'delete' }],
];

describe('applyBulkEdit: each operation against the model', () => {
  it.each(OPS)('%s, on every lead', async (_name, op) => {
    await checkOperation(ALL, op);
  });

  it.each(OPS)('%s, on a few leads, a missing id and an id given twice', async (_name, op) => {
    const { after, entry } = await checkOperation(SOME, op);
    expect(entry.ids).not.toContain(MISSING_ID);
    expect(new Set(entry.ids).size).toBe(entry.ids.length);
    // Leads outside the selection are untouched.
    const outside = data.leads.filter((l) => !SOME.includes(l.id));
    expect((after.leads as Lead[]).filter((l) => !SOME.includes(l.id))).toStrictEqual(outside);
  });

  it('worked example: tags and campaign fields exactly as expected', async () => {
    const [l0, l1, l2] = data.leads;
    const { after } = await checkOperation([l0!.id, l1!.id, l2!.id], { kind: 'add-tags', tags: ['vip', 'new-tag'] });
    const tagsOf = (id: number) => (after.leads as Lead[]).find((l) => l.id === id)!.tags;
    expect([tagsOf(l0!.id), tagsOf(l1!.id), tagsOf(l2!.id)]).toEqual([
      ['priority', 'vip', 'new-tag'],
      ['vip', 'new-tag'],
      ['vip', 'priority', 'new-tag'],
    ]);
    const withCampaign = data.leads.find((l) => l.campaignId)!;
    const { after: cleared } = await checkOperation([withCampaign.id], { kind: 'set-campaign', campaignId: null });
    expect('campaignId' in (cleared.leads as Lead[]).find((l) => l.id === withCampaign.id)!).toBe(false);
  });

  it('worked example: the internal DNC list in each of its states', async () => {
    const [l0, l1, l2, l3, l4, l5, l6] = data.leads;
    const ids = [l0, l1, l2, l3, l4, l5, l6].map((l) => l!.id);
    const { after, entry } = await checkOperation(ids, { kind: 'add-to-internal-dnc' });
    // l0 is listed and on the internal list already: nothing changes for it.
    expect(entry.ids).toEqual(ids.slice(1));
    const internal = (after.dncEntries as DncEntry[]).filter((e) => e.listId === 'internal');
    // l1's entry had been removed and l2's was not yet in force: both are in force now, from AT.
    for (const l of [l1, l2, l3, l4, l5])
      expect(internal.find((e) => e.phoneE164 === l!.phoneE164)).toStrictEqual({
        listId: 'internal',
        phoneE164: l!.phoneE164,
        addedVersionId: expect.any(Number),
        addedAt: AT,
      });
    expect(internal.find((e) => e.phoneE164 === l0!.phoneE164)!.addedAt).toBe(NOW - 86_400_000);
    // l5 and l6 share a number: one entry, both leads listed.
    expect((entry.after as Payload).dncAdded).toEqual([l1, l2, l3, l4, l5].map((l) => l!.phoneE164));
    expect((after.leads as Lead[]).filter((l) => ids.includes(l.id)).every((l) => l.dncStatus === 'listed')).toBe(true);
  });

  it('creates the internal list on first use', async () => {
    const d = structuredClone(data);
    d.dncEntries = d.dncEntries.filter((e) => e.listId !== 'internal');
    d.dncListVersions = d.dncListVersions.filter((v) => v.listId !== 'internal');
    d.dncLists = d.dncLists.filter((l) => l.id !== 'internal');
    const db = await dbWith(d);
    await applyBulkEdit(db, ALL.slice(0, 3), { kind: 'add-to-internal-dnc' }, AT);
    const version = (await db.dncListVersions.where('listId').equals('internal').toArray())[0]!;
    expect(await db.dncLists.get('internal')).toMatchObject({ kind: 'internal', active: true });
    expect(
      (await db.dncEntries.filter((e) => e.addedVersionId === version.id).toArray()).map((e) => e.phoneE164),
    ).toEqual(
      data.leads
        .slice(0, 3)
        .map((l) => l.phoneE164)
        .sort(),
    );
  });

  it('preview and apply agree for any selection and operation (fast-check)', async () => {
    await fc.assert(
      fc.asyncProperty(selectionArb(data), opArb(data), async (ids, op) => {
        const { db } = await checkOperation(ids, op);
        await db.delete();
      }),
      { numRuns: 40 },
    );
  });
});

describe('applyBulkEdit: all or nothing', () => {
  async function failAndCompare(ids: number[], op: BulkOp, target: { leadId: number; phone: string } | 'audit') {
    const db = await dbWith(structuredClone(data));
    const before = await snapshot(db);
    const failure = injectFailure(db, target);
    const outcome = await applyBulkEdit(db, ids, op, AT).then(
      () => 'applied' as const,
      (e: unknown) => e,
    );
    const after = await snapshot(db);
    await db.delete();
    return { before, after, fired: failure.fired(), outcome };
  }

  it.each(OPS)('%s: a failure at the last changed record leaves every table as it was', async (_name, op) => {
    const expected = model(await snapshot(await dbWith(structuredClone(data))), ALL, op, AT);
    const last = byId.get(expected.changed.at(-1)!)!;
    const { before, after, fired, outcome } = await failAndCompare(ALL, op, { leadId: last.id, phone: last.phoneE164 });
    expect(fired).toBe(true);
    expect(outcome).toBeInstanceOf(Error);
    expect(after).toStrictEqual(before);
  });

  it.each(OPS)('%s: a failure writing the audit entry leaves every table as it was', async (_name, op) => {
    const { before, after, fired, outcome } = await failAndCompare(SOME, op, 'audit');
    expect(fired).toBe(true);
    expect(outcome).toBeInstanceOf(Error);
    expect(after).toStrictEqual(before);
  });

  it('a failure at a random record of a random selection and operation changes nothing (fast-check)', async () => {
    let failed = 0;
    let runs = 0;
    const caseArb = fc.tuple(selectionArb(data), opArb(data)).chain(([ids, op]) => {
      const present = ids.filter((id) => id !== MISSING_ID);
      const target = present.length
        ? fc.oneof(
            { weight: 5, arbitrary: fc.constantFrom(...present) },
            { weight: 1, arbitrary: fc.constant('audit' as const) },
          )
        : fc.constant('audit' as const);
      return target.map((t) => ({ ids, op, target: t }));
    });
    await fc.assert(
      fc.asyncProperty(caseArb, async ({ ids, op, target }) => {
        const t = target === 'audit' ? target : { leadId: target, phone: byId.get(target)!.phoneE164 };
        const { before, after, fired, outcome } = await failAndCompare(ids, op, t);
        runs++;
        if (fired) {
          failed++;
          expect(outcome).toBeInstanceOf(Error);
          expect(after).toStrictEqual(before);
        } else {
          // The operation never touched the target: it went through, as the model says.
          expect(outcome).toBe('applied');
          expect(withoutAudit(after)).toStrictEqual(withoutAudit(model(before, ids, op, AT).tables));
        }
      }),
      { numRuns: 50 },
    );
    expect(failed / runs).toBeGreaterThan(0.5);
  });
});
