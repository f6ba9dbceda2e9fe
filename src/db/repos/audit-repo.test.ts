import { afterEach, describe, expect, it } from 'vitest';
import { GENESIS_HASH, sealEntry } from '../../domain/audit/audit-hash';
import type { AuditDraft, AuditEntry } from '../../domain/audit/audit-entry';
import { LeadsDb } from '../leads-db';
import { keptHead } from './audit-head-repo';
import { appendAudit, auditForLead, auditHead, auditTrailReport, listAudit, verifyAuditTrail } from './audit-repo';
import { saveSettings } from './settings-repo';

const T = Date.UTC(2026, 10, 29, 17, 0);
const dbs: LeadsDb[] = [];
function freshDb(): LeadsDb {
  const db = new LeadsDb(`t-${crypto.randomUUID()}`);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

const create = (id: number): AuditDraft => ({
  action: 'create',
  entity: 'lead',
  ids: [id],
  before: null,
  after: { id, name: `Lead ${id}` },
});
const edit = (id: number): AuditDraft => ({
  action: 'edit',
  entity: 'lead',
  ids: [id],
  before: { name: `Lead ${id}` },
  after: { name: 'Renamed' },
  note: 'typo',
});

async function trail(db: LeadsDb, drafts: AuditDraft[]) {
  for (const [i, d] of drafts.entries())
    await db.transaction('rw', db.audit, db.settings, () => appendAudit(db, d, T + i * 1000));
  return db.audit.orderBy('seq').toArray();
}

describe('appendAudit', () => {
  it('chains entries: seq from 1, each linked to the hash before it, by the current operator', async () => {
    const db = freshDb();
    const [first, second, third] = await trail(db, [create(1), create(2), edit(1)]);
    expect(first).toMatchObject({ seq: 1, at: T, actor: 'Data steward', action: 'create', prevHash: GENESIS_HASH });
    expect(second).toMatchObject({ seq: 2, at: T + 1000, prevHash: first!.hash });
    expect(third).toMatchObject({ seq: 3, prevHash: second!.hash, note: 'typo' });
    expect(new Set([first!.hash, second!.hash, third!.hash]).size).toBe(3);
    expect(await verifyAuditTrail(db)).toBeNull();
  });

  it('names the operator from the settings', async () => {
    const db = freshDb();
    await saveSettings(db, { operatorName: 'Dana' }, T);
    const entry = await db.transaction('rw', db.audit, db.settings, () => appendAudit(db, create(1), T + 1));
    expect(entry.actor).toBe('Dana');
  });

  it('commits or aborts with the change it describes', async () => {
    const db = freshDb();
    await expect(
      db.transaction('rw', db.leads, db.audit, db.settings, async () => {
        await appendAudit(db, create(1), T);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await db.audit.count()).toBe(0);
  });
});

describe('auditHead, listAudit, auditForLead', () => {
  it('the head of an empty trail is the genesis hash', async () => {
    expect(await auditHead(freshDb())).toEqual({ seq: 0, hash: GENESIS_HASH });
  });

  it('the head is the newest entry; lists are newest first, paged and filtered', async () => {
    const db = freshDb();
    const entries = await trail(db, [create(1), create(2), edit(1), create(3)]);
    expect(await auditHead(db)).toEqual({ seq: 4, hash: entries[3]!.hash });
    expect((await listAudit(db, { limit: 2 })).map((e) => e.seq)).toEqual([4, 3]);
    expect((await listAudit(db, { limit: 2, offset: 2 })).map((e) => e.seq)).toEqual([2, 1]);
    expect((await listAudit(db, { limit: 10, action: 'edit' })).map((e) => e.seq)).toEqual([3]);
    expect((await auditForLead(db, 1)).map((e) => e.seq)).toEqual([1, 3]);
  });
});

describe('verifyAuditTrail: tampering written straight into the table', () => {
  it.each([
    {
      why: 'an edited entry',
      tamper: (db: LeadsDb, e: AuditEntry) => db.audit.update(e.seq, { after: { name: 'Someone else' } }),
      problem: { seq: 2, index: 1, problem: 'details-mismatch' },
    },
    {
      why: 'a replaced entry (put)',
      tamper: (db: LeadsDb, e: AuditEntry) => db.audit.put({ ...e, actor: 'Eve' }),
      problem: { seq: 2, index: 1, problem: 'hash-mismatch' },
    },
    {
      why: 'a deleted entry',
      tamper: (db: LeadsDb, e: AuditEntry) => db.audit.delete(e.seq),
      problem: { seq: 3, index: 1, problem: 'sequence-gap' },
    },
  ])('finds $why at its seq', async ({ tamper, problem }) => {
    const db = freshDb();
    const entries = await trail(db, [create(1), create(2), edit(1)]);
    await tamper(db, entries[1]!);
    expect(await verifyAuditTrail(db)).toEqual(problem);
  });
});

describe('the head kept outside the audit table', () => {
  it('is written with every append, in the same transaction', async () => {
    const db = freshDb();
    const entries = await trail(db, [create(1), create(2)]);
    expect(await keptHead(db)).toEqual({ seq: 2, hash: entries[1]!.hash, count: 2 });
    await expect(
      db.transaction('rw', db.audit, db.settings, async () => {
        await appendAudit(db, edit(1), T + 5000);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await keptHead(db)).toEqual({ seq: 2, hash: entries[1]!.hash, count: 2 });
  });

  it('finds the newest entry deleted from the table, which the chain alone cannot', async () => {
    const db = freshDb();
    await trail(db, [create(1), create(2), edit(1)]);
    await db.audit.delete(3);
    expect(await verifyAuditTrail(db)).toEqual({ seq: 3, index: 2, problem: 'newest-missing' });
  });

  it('finds the newest entry replaced by a re-sealed one', async () => {
    const db = freshDb();
    const entries = await trail(db, [create(1), create(2), edit(1)]);
    const { hash: _h, detailsHash: _d, ...rest } = entries[2]!;
    await db.audit.put(sealEntry({ ...rest, after: { name: 'Someone else' } }));
    expect(await verifyAuditTrail(db)).toEqual({ seq: 3, index: 2, problem: 'head-mismatch' });
  });

  it('finds entries missing by the count', async () => {
    const db = freshDb();
    await trail(db, [create(1), create(2), edit(1)]);
    await db.audit.delete(1);
    expect((await auditTrailReport(db)).problems).toEqual([
      { seq: 2, index: 0, problem: 'broken-link' },
      { seq: 3, index: 2, problem: 'entries-missing' },
    ]);
  });

  it('an append after the newest entry was removed goes on from the kept head, so the removal stays visible', async () => {
    const db = freshDb();
    const entries = await trail(db, [create(1), create(2), edit(1)]);
    await db.audit.delete(3);
    const next = await db.transaction('rw', db.audit, db.settings, () => appendAudit(db, create(4), T + 9000));
    expect(next).toMatchObject({ seq: 4, prevHash: entries[2]!.hash });
    expect(await verifyAuditTrail(db)).toEqual({ seq: 4, index: 2, problem: 'sequence-gap' });
  });

  it('a trail from before the head was kept verifies, and is kept from its next append', async () => {
    const db = freshDb();
    await trail(db, [create(1), create(2)]);
    await db.settings.delete('flag:auditHead');
    expect(await verifyAuditTrail(db)).toBeNull();
    await trail(db, [edit(1)]);
    expect(await keptHead(db)).toMatchObject({ seq: 3, count: 3 });
    expect(await verifyAuditTrail(db)).toBeNull();
  });
});

describe('malformed entries written straight into the table', () => {
  it.each([
    { why: 'a hash of 12345', patch: { hash: 12345 } },
    { why: 'a null hash', patch: { hash: null } },
    { why: 'ids of null and a date that is text', patch: { ids: null, at: 'soon' } },
  ])('$why: reported as tampering at its seq; reads do not throw', async ({ patch }) => {
    const db = freshDb();
    const entries = await trail(db, [create(1), create(2), edit(1)]);
    await db.audit.put({ ...entries[2]!, ...patch } as unknown as AuditEntry);
    const report = await auditTrailReport(db);
    expect(report.problem).toEqual({ seq: 3, index: 2, problem: 'malformed' });
    expect(report.count).toBe(3);
    expect(await auditHead(db)).toEqual({ seq: 3, hash: 'hash' in patch ? String(patch.hash) : entries[2]!.hash });
    expect((await listAudit(db, { limit: 10 })).length).toBe(3);
    expect((await auditForLead(db, 2)).map((e) => e.seq)).toEqual([2]);
  });
});
