/**
 * A multi-field bulk edit: one preview with a count per field, one transaction, one audit entry
 * holding every field's value before and after, and one undo that brings all of them back.
 */
import { afterEach, expect, it } from 'vitest';
import type { BulkOp } from '../../domain/leads/bulk-edit';
import type { Lead } from '../../domain/leads/lead';
import { verifyAuditTrail } from './audit-repo';
import { applyBulkEdit, previewBulkEdit } from './bulk-edit-repo';
import { NOW, bulkData, snapshot } from './bulk-edit-test-fixture';
import { closeAll, dbWith } from './compliance-test-fixture';
import { undoOperation } from './undo-repo';

afterEach(closeAll);
const data = bulkData();
const AT = NOW + 60_000;

it('edits source, campaign and tags of several leads in one audited, undoable operation', async () => {
  const db = await dbWith(structuredClone(data));
  const ids = data.leads.slice(0, 6).map((l) => l.id);
  const campaign = data.campaigns[0]!.id;
  const op: BulkOp = {
    kind: 'edit-fields',
    edits: [
      { kind: 'set-source', sourceId: 'trade-show' },
      { kind: 'set-campaign', campaignId: campaign },
      { kind: 'add-tags', tags: ['vip'] },
    ],
  };
  const before = await snapshot(db);
  const auditBefore = before.audit!.length;

  const preview = await previewBulkEdit(db, ids, op, AT);
  const leads = before.leads as Lead[];
  const picked = leads.filter((l) => ids.includes(l.id));
  expect(preview.fields).toEqual({
    sourceId: picked.filter((l) => l.sourceId !== 'trade-show').length,
    campaignId: picked.filter((l) => l.campaignId !== campaign).length || undefined,
    tags: picked.filter((l) => !l.tags.includes('vip')).length,
  });
  expect(preview.changed).toBe(6);

  const result = await applyBulkEdit(db, ids, op, AT);
  const after = await snapshot(db);
  expect(after.audit).toHaveLength(auditBefore + 1);
  for (const l of (after.leads as Lead[]).filter((x) => ids.includes(x.id))) {
    expect(l).toMatchObject({ sourceId: 'trade-show', campaignId: campaign, updatedAt: AT });
    expect(l.tags).toContain('vip');
  }
  const entry = after.audit!.at(-1) as {
    ids: number[];
    before: { leads: Record<string, object> };
    after: { leads: Record<string, object> };
  };
  expect(entry.ids).toEqual(ids);
  const first = picked[0]!;
  expect(entry.before.leads[first.id]).toEqual(
    Object.fromEntries(Object.keys(entry.after.leads[first.id]!).map((k) => [k, first[k as keyof Lead] ?? null])),
  );

  await undoOperation(db, result.auditSeq, AT + 1);
  const undone = await snapshot(db);
  expect((undone.leads as Lead[]).map(({ updatedAt: _u, ...l }) => l)).toStrictEqual(
    leads.map(({ updatedAt: _u, ...l }) => l),
  );
  expect(undone.audit).toHaveLength(auditBefore + 2);
  expect(await verifyAuditTrail(db)).toBeNull();
});
