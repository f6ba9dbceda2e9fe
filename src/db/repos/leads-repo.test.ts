import { sampleNewLead } from '../../testing/new-lead-fixture';
import { afterEach, describe, expect, it } from 'vitest';
import type { LeadPatch, NewLead } from '../../domain/leads/lead';
import { EARLIEST_ACQUISITION } from '../../domain/time/calendar';
import { LeadsDb } from '../leads-db';
import { verifyAuditTrail } from './audit-repo';
import { LeadWriteError, createLead, getLead, updateLead } from './leads-repo';

const NOW = Date.UTC(2026, 10, 29, 17, 0);
const DAY = 86_400_000;
const dbs: LeadsDb[] = [];
function freshDb(): LeadsDb {
  const db = new LeadsDb(`t-${crypto.randomUUID()}`);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

const newLead = (over: Partial<NewLead> = {}): NewLead => sampleNewLead(NOW, over);

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LeadWriteError);
  return (error as LeadWriteError).code;
}

describe('createLead', () => {
  it('stamps createdAt and updatedAt from `now`, stores the lead and one audit entry', async () => {
    const db = freshDb();
    const lead = await createLead(db, newLead(), NOW);
    expect(lead).toMatchObject({
      id: 1,
      createdAt: NOW,
      updatedAt: NOW,
      attempts: 0,
      dncStatus: 'unchecked',
      dncCheckedVersions: [],
      acquiredAt: NOW - 10 * DAY,
    });
    expect(await getLead(db, lead.id)).toEqual(lead);
    const audit = await db.audit.toArray();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      seq: 1,
      at: NOW,
      action: 'create',
      entity: 'lead',
      ids: [1],
      before: null,
      after: lead,
    });
  });

  it('ignores a createdAt smuggled into the input: the system sets it', async () => {
    const db = freshDb();
    const lead = await createLead(db, { ...newLead(), createdAt: 0, updatedAt: 0 } as NewLead, NOW);
    expect(lead.createdAt).toBe(NOW);
    expect((await getLead(db, lead.id))!.createdAt).toBe(NOW);
  });

  it('refuses a number already stored, and writes nothing', async () => {
    const db = freshDb();
    await createLead(db, newLead(), NOW);
    expect(await codeOf(createLead(db, newLead({ name: 'Someone else' }), NOW + 1000))).toBe('duplicate');
    expect(await db.leads.count()).toBe(1);
    expect(await db.audit.count()).toBe(1);
  });

  it.each([
    { acquiredAt: NOW + 1, code: 'acquired-future' },
    { acquiredAt: EARLIEST_ACQUISITION - 1, code: 'acquired-before-1990' },
    { acquiredAt: Number.NaN, code: 'acquired-invalid' },
  ])('refuses acquiredAt $acquiredAt: $code', async ({ acquiredAt, code }) => {
    const db = freshDb();
    expect(await codeOf(createLead(db, newLead({ acquiredAt }), NOW))).toBe(code);
    expect(await db.leads.count()).toBe(0);
    expect(await db.audit.count()).toBe(0);
  });

  it('creates leads entered at the same moment one after another, with an intact audit chain', async () => {
    const db = freshDb();
    const phones = ['+12133734253', '+12127365000', '+8613800138000', '+442079460958'];
    const leads = await Promise.all(phones.map((phoneE164) => createLead(db, newLead({ phoneE164 }), NOW)));
    expect(new Set(leads.map((l) => l.id)).size).toBe(4);
    expect((await db.audit.orderBy('seq').toArray()).map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(await verifyAuditTrail(db)).toBeNull();
  });
});

describe('updateLead', () => {
  const LATER = NOW + DAY;

  async function withLead() {
    const db = freshDb();
    const lead = await createLead(db, newLead({ campaignId: 'spring-outbound' }), NOW);
    return { db, lead };
  }

  it('applies an edit, stamps updatedAt and audits before and after of the changed fields only', async () => {
    const { db, lead } = await withLead();
    const next = await updateLead(
      db,
      lead.id,
      { name: 'Ada King', company: lead.company, tags: ['priority'] },
      undefined,
      LATER,
    );
    expect(next).toEqual({ ...lead, name: 'Ada King', tags: ['priority'], updatedAt: LATER });
    expect(await getLead(db, lead.id)).toEqual(next);
    const entry = await db.audit.get(2);
    expect(entry).toMatchObject({
      at: LATER,
      action: 'edit',
      entity: 'lead',
      ids: [lead.id],
      before: { name: 'Ada Lovelace', tags: [] },
      after: { name: 'Ada King', tags: ['priority'] },
    });
    expect(entry!.note).toBeUndefined();
  });

  it('never changes createdAt, even when a patch carries it', async () => {
    const { db, lead } = await withLead();
    const next = await updateLead(db, lead.id, { createdAt: 0, name: 'Ada King' } as LeadPatch, undefined, LATER);
    expect(next.createdAt).toBe(NOW);
    expect((await getLead(db, lead.id))!.createdAt).toBe(NOW);
    expect((await db.audit.get(2))!.after).toEqual({ name: 'Ada King' });
  });

  it('ignores every field that is not editable', async () => {
    const { db, lead } = await withLead();
    const patch = {
      phoneE164: '+12127365000',
      entryMethod: 'api',
      id: 99,
      attempts: 7,
      dncStatus: 'clear',
    } as unknown as LeadPatch;
    expect(await updateLead(db, lead.id, patch, undefined, LATER)).toEqual(lead);
    expect(await db.audit.count()).toBe(1);
  });

  it('needs a reason to change acquiredAt', async () => {
    const { db, lead } = await withLead();
    const acquiredAt = NOW - 40 * DAY;
    expect(await codeOf(updateLead(db, lead.id, { acquiredAt }, undefined, LATER))).toBe('reason-required');
    expect(await codeOf(updateLead(db, lead.id, { acquiredAt }, '   ', LATER))).toBe('reason-required');
    expect((await getLead(db, lead.id))!.acquiredAt).toBe(lead.acquiredAt);
    expect(await db.audit.count()).toBe(1);
  });

  it('with a reason, changes acquiredAt and records the reason and both values', async () => {
    const { db, lead } = await withLead();
    const acquiredAt = NOW - 40 * DAY;
    const next = await updateLead(db, lead.id, { acquiredAt }, 'vendor sent the real capture date', LATER);
    expect(next.acquiredAt).toBe(acquiredAt);
    expect(await db.audit.get(2)).toMatchObject({
      before: { acquiredAt: lead.acquiredAt },
      after: { acquiredAt },
      note: 'vendor sent the real capture date',
    });
    expect(await verifyAuditTrail(db)).toBeNull();
  });

  it('needs no reason when acquiredAt is given unchanged', async () => {
    const { db, lead } = await withLead();
    const next = await updateLead(db, lead.id, { acquiredAt: lead.acquiredAt, name: 'Ada King' }, undefined, LATER);
    expect(next.name).toBe('Ada King');
    expect((await db.audit.get(2))!.before).toEqual({ name: 'Ada Lovelace' });
  });

  it.each([
    { acquiredAt: LATER + 1, code: 'acquired-future' },
    { acquiredAt: EARLIEST_ACQUISITION - 1, code: 'acquired-before-1990' },
  ])('refuses acquiredAt $acquiredAt even with a reason: $code', async ({ acquiredAt, code }) => {
    const { db, lead } = await withLead();
    expect(await codeOf(updateLead(db, lead.id, { acquiredAt }, 'because', LATER))).toBe(code);
  });

  it('writes nothing when nothing changes', async () => {
    const { db, lead } = await withLead();
    expect(await updateLead(db, lead.id, { name: lead.name, tags: [] }, undefined, LATER)).toEqual(lead);
    expect(await db.audit.count()).toBe(1);
  });

  it('reports a lead that does not exist', async () => {
    expect(await codeOf(updateLead(freshDb(), 42, { name: 'x' }, undefined, LATER))).toBe('not-found');
  });
});
