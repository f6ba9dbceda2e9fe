/** Commit, merge, rollback and cancel of imports, call logs and API payloads, on fake-indexeddb. */
import { describe, expect, it } from 'vitest';
import type { LeadsDb } from '../db/leads-db';
import { verifyAuditTrail } from '../db/repos/audit-repo';
import { changesSince } from '../db/repos/change-log-repo';
import { ensureDataVersion } from '../db/repos/data-version-repo';
import { getRememberedMapping } from '../db/repos/import-lookup-repo';
import { WRITE_CHUNK } from '../db/repos/import-commit';
import { commitLeadImport } from '../db/repos/import-repo';
import { stampNewLead } from '../db/repos/leads-repo';
import type { Lead } from '../domain/leads/lead';
import { check, importLeads, NOW, freshDatabases } from './import-test-kit';

const fresh = freshDatabases();

const DAY = 86_400_000;
const stored = (over: Partial<Lead> = {}): Omit<Lead, 'id'> =>
  stampNewLead(
    {
      phoneE164: '+12133734253',
      phoneRaw: '(213) 373-4253',
      region: 'US',
      timeZone: 'America/Los_Angeles',
      name: 'Ann',
      company: '',
      email: '',
      tags: ['vip'],
      sourceId: 'referrals',
      acquiredAt: NOW - 30 * DAY,
      acquiredAtPrecision: 'exact',
      entryMethod: 'manual',
      ...over,
    },
    NOW - 20 * DAY,
  );

/** Every table but the append-only ones (audit, batches, settings), for before/after comparisons. */
async function dump(db: LeadsDb) {
  return {
    leads: await db.leads.toArray(),
    acquisitions: await db.acquisitions.toArray(),
    consents: await db.consents.toArray(),
    calls: await db.calls.toArray(),
    sources: await db.sources.toArray(),
    campaigns: await db.campaigns.toArray(),
  };
}

const FILE = [
  'phone,name,company,email,source,campaign,acquired at,consent',
  '2133734253,Ann Lee,Acme,ann@acme.com,Expo 2026,Spring push,2026-03-01T10:00:00Z,yes',
  '2133734254,Bob,,bob@example.com,,,2026-01-10T09:00:00Z,',
  '2133734255,Cy,,,,,2026-01-11T09:00:00Z,no',
].join('\n');

describe('lead import commit and rollback', () => {
  it('merges into a stored lead by the rule, keeps every acquisition, and a rollback restores the database exactly', async () => {
    const db = fresh();
    await db.sources.bulkAdd([
      { id: 'referrals', name: 'Referrals', kind: 'referral' },
      { id: 'web-forms', name: 'Web forms', kind: 'web' },
    ]);
    await db.leads.add(stored() as Lead);
    const before = await dump(db);

    const { summary, batch } = await importLeads(db, FILE, { conflictRule: 'take-new' });
    expect(summary.counts).toMatchObject({ rowsRead: 3, valid: 3, matchedExisting: 1, toCreate: 2, conflicts: 1 });
    expect(summary.newSources).toEqual(['Expo 2026']);
    expect(summary.newCampaigns).toEqual(['Spring push']);
    expect(batch).toMatchObject({
      kind: 'leads',
      created: 2,
      matchedExisting: 1,
      conflicts: 1,
      createdSourceIds: ['expo-2026'],
      createdCampaignIds: ['spring-push'],
      status: 'committed',
      by: 'Data steward',
    });

    const ann = (await db.leads.where('phoneE164').equals('+12133734253').first())!;
    // The stored acquisition (30 days ago) is earlier than the file's: it stands; the file's is kept as a row.
    expect(ann).toMatchObject({
      name: 'Ann Lee',
      company: 'Acme',
      email: 'ann@acme.com',
      tags: ['vip'],
      acquiredAt: NOW - 30 * DAY,
      sourceId: 'referrals',
      entryMethod: 'manual',
    });
    expect(await db.acquisitions.where('leadId').equals(ann.id).toArray()).toMatchObject([
      {
        sourceId: 'expo-2026',
        campaignId: 'spring-push',
        acquiredAt: Date.UTC(2026, 2, 1, 10),
        importBatchId: batch.id,
      },
    ]);
    const consents = (await db.consents.toArray()).sort((a, b) => a.proofRef.localeCompare(b.proofRef));
    expect(consents.map((c) => [c.leadId, c.kind, c.method, c.proofRef])).toEqual([
      [ann.id, 'granted', 'import', 'leads.csv#2'],
      [expect.any(Number), 'withdrawn', 'import', 'leads.csv#4'],
    ]);
    const created = await db.leads.where('importBatchId').equals(batch.id).toArray();
    expect(created.map((l) => [l.phoneE164, l.sourceId, l.entryMethod, l.createdAt])).toEqual([
      ['+12133734254', 'web-forms', 'file', NOW],
      ['+12133734255', 'web-forms', 'file', NOW],
    ]);

    const { session } = await check(db, 'phone\n2133734299\n', { declaredAcquiredDay: '2026-01-01' });
    const rolled = await session.rollback(batch.id);
    expect(rolled).toMatchObject({ ok: true, value: { status: 'rolled-back', rolledBackAt: NOW } });
    const after = await dump(db);
    expect({ ...after, leads: after.leads.map((l) => ({ ...l, updatedAt: 0 })) }).toEqual({
      ...before,
      leads: before.leads.map((l) => ({ ...l, updatedAt: 0 })),
    });
    expect((await db.audit.toArray()).map((a) => a.action)).toEqual(['import', 'rollback']);
    expect(await verifyAuditTrail(db)).toBeNull();
    expect(await session.rollback(batch.id)).toMatchObject({ ok: false, error: 'already-rolled-back' });
  });

  it('a rollback keeps a source or campaign the batch created once another lead uses it, and removes the unused one', async () => {
    const db = fresh();
    await db.sources.bulkAdd([
      { id: 'referrals', name: 'Referrals', kind: 'referral' },
      { id: 'web-forms', name: 'Web forms', kind: 'web' },
    ]);
    await db.leads.add(stored() as Lead);
    const { batch } = await importLeads(db, FILE, { conflictRule: 'take-new' });
    await db.leads.add(stored({ phoneE164: '+12133734290', sourceId: 'expo-2026' }) as Lead);
    const { session } = await check(db, 'phone\n2133734299\n', { declaredAcquiredDay: '2026-01-01' });
    expect(await session.rollback(batch.id)).toMatchObject({ ok: true });
    expect(await db.sources.get('expo-2026')).toMatchObject({ id: 'expo-2026' });
    expect(await db.campaigns.get('spring-push')).toBeUndefined();
  });

  it('an earlier acquisition in the file takes over the lead; the stored one is kept, and comes back on rollback', async () => {
    const db = fresh();
    await db.leads.add(stored({ acquiredAt: Date.UTC(2026, 0, 20) }) as Lead);
    const { batch } = await importLeads(db, 'phone,acquired at,source\n2133734253,2025-06-01T00:00:00Z,Vendor X\n');
    const lead = (await db.leads.toArray())[0]!;
    expect([lead.acquiredAt, lead.sourceId]).toEqual([Date.UTC(2025, 5, 1), 'vendor-x']);
    expect(await db.acquisitions.toArray()).toMatchObject([
      { displaced: true, acquiredAt: Date.UTC(2026, 0, 20), sourceId: 'referrals', entryMethod: 'manual' },
    ]);
    const { session } = await check(db, 'phone\n2133734299\n', { declaredAcquiredDay: '2026-01-01' });
    await session.rollback(batch.id);
    const back = (await db.leads.toArray())[0]!;
    expect([back.acquiredAt, back.sourceId, await db.acquisitions.count(), await db.sources.count()]).toEqual([
      Date.UTC(2026, 0, 20),
      'referrals',
      0,
      0,
    ]);
  });

  it('refuses to roll back a batch a later import merged into, naming that batch', async () => {
    const db = fresh();
    const first = await importLeads(db, 'phone,acquired at\n2133734253,2026-01-01T00:00:00Z\n');
    const second = await importLeads(db, 'phone,acquired at\n2133734253,2026-02-01T00:00:00Z\n');
    expect(await second.session.rollback(first.batch.id)).toEqual({
      ok: false,
      error: 'later-import',
      detail: [second.batch.id],
    });
    expect(await second.session.rollback(second.batch.id)).toMatchObject({ ok: true });
    expect(await second.session.rollback(first.batch.id)).toMatchObject({ ok: true });
    expect([await db.leads.count(), await db.acquisitions.count()]).toEqual([0, 0]);
  });

  it('also refuses when a later import merged into a stored lead this batch changed, so no acquisition is lost', async () => {
    const db = fresh();
    await db.leads.add(stored({ acquiredAt: Date.UTC(2026, 1, 1) }) as Lead);
    const first = await importLeads(db, 'phone,acquired at\n2133734253,2026-01-01T00:00:00Z\n');
    const second = await importLeads(db, 'phone,acquired at\n2133734253,2025-12-01T00:00:00Z\n');
    expect(await second.session.rollback(first.batch.id)).toEqual({
      ok: false,
      error: 'later-import',
      detail: [second.batch.id],
    });
    await second.session.rollback(second.batch.id);
    await second.session.rollback(first.batch.id);
    expect([(await db.leads.toArray())[0]!.acquiredAt, await db.acquisitions.count()]).toEqual([
      Date.UTC(2026, 1, 1),
      0,
    ]);
  });

  it('remembers the mapping per source for the next file, a write the engine does not rebuild for', async () => {
    const db = fresh();
    const version = await ensureDataVersion(db);
    await importLeads(db, 'Tel,Who,When\n2133734253,Ann,2026-01-01T00:00:00Z\n', {
      mapping: { phone: 0, name: 1, acquiredAt: 2 },
      defaultSource: 'expo',
    });
    expect(await getRememberedMapping(db, 'leads', 'expo')).toEqual({ phone: 'Tel', name: 'Who', acquiredAt: 'When' });
    expect(await getRememberedMapping(db, 'leads', 'other')).toBeNull();
    // The change log names the new lead and nothing that moves every verdict: the engine catches up by it.
    const ids = (await db.leads.toCollection().primaryKeys()) as number[];
    expect(ids).toHaveLength(1);
    expect(await changesSince(db, version)).toMatchObject({ full: false, leadIds: new Set(ids) });
  });

  it('a cancelled commit leaves the database exactly as before, even after chunks were written', async () => {
    const db = fresh();
    const rows = Array.from(
      { length: WRITE_CHUNK + 500 },
      (_, i) => `+1213${String(3000000 + i)},2026-01-01T00:00:00Z`,
    );
    const { session } = await check(db, `phone,acquired at\n${rows.join('\n')}\n`);
    const before = await dump(db);
    let chunks = 0;
    const committing = session.commit((p) => {
      if (p.phase === 'writing' && p.done > 0 && chunks++ === 0) session.cancel();
    });
    expect(await committing).toEqual({ ok: false, error: 'cancelled' });
    expect(chunks).toBeGreaterThan(0);
    expect(await dump(db)).toEqual(before);
    expect([await db.importBatches.count(), await db.audit.count()]).toEqual([0, 0]);
  }, 60_000);

  it('a failing write aborts the whole batch', async () => {
    const db = fresh();
    const { session } = await check(db, 'phone,acquired at\n2133734253,2026-01-01T00:00:00Z\n');
    // A source with the id the import is about to create makes its bulkAdd fail mid-transaction.
    const plan = (session as unknown as { plan: { plan: Parameters<typeof commitLeadImport>[1] } }).plan.plan;
    plan.leads[0]!.sourceRef = 'New Source';
    await db.sources.add({ id: 'web-forms', name: 'Web', kind: 'web' });
    const spy = db.leads.bulkAdd.bind(db.leads);
    db.leads.bulkAdd = (() => Promise.reject(new Error('disk full'))) as unknown as typeof db.leads.bulkAdd;
    await expect(commitLeadImport(db, plan, undefined, NOW)).rejects.toThrow('disk full');
    db.leads.bulkAdd = spy;
    expect([
      await db.leads.count(),
      await db.sources.count(),
      await db.importBatches.count(),
      await db.audit.count(),
    ]).toEqual([0, 1, 0, 0]);
  });
});

describe('call-log import', () => {
  it('adds calls, updates call facts, reports unknown numbers, skips repeats, and rolls back', async () => {
    const db = fresh();
    const leadId = (await db.leads.add(stored() as Lead)) as number;
    const log = [
      '电话,通话时间,通话结果,通话时长,坐席',
      '2133734253,2026-03-01T10:00:00Z,未接,0,Li',
      '2133734253,2026-03-02T10:00:00Z,接通,1:35,Li',
      '2133734253,2026-03-02T10:00:00Z,接通,1:35,Li',
      '2133739999,2026-03-02T10:00:00Z,busy,0,Li',
      '2133734253,2026-03-03T10:00:00Z,maybe,0,Li',
    ].join('\n');
    const { summary, session } = await check(db, log, {}, 'calls', 'calls.csv');
    expect(summary.counts).toMatchObject({
      rowsRead: 5,
      valid: 3,
      rejected: 2,
      duplicatesInFile: 1,
      toCreate: 2,
      leadsAffected: 1,
    });
    expect(summary.rejections.map((r) => `${r.line}:${r.column}:${r.reason}`)).toEqual([
      '5:电话:number-unknown',
      '6:通话结果:outcome-unrecognised',
    ]);
    const committed = await session.commit();
    expect(committed.ok).toBe(true);
    const lead = (await db.leads.get(leadId))!;
    expect(lead).toMatchObject({
      attempts: 2,
      firstContactAt: Date.UTC(2026, 2, 1, 10),
      lastContactAt: Date.UTC(2026, 2, 2, 10),
      firstConnectedAt: Date.UTC(2026, 2, 2, 10),
      lastOutcome: 'connected',
    });
    expect((await db.calls.toArray()).map((c) => [c.outcome, c.durationSec, c.agent])).toEqual([
      ['no-answer', 0, 'Li'],
      ['connected', 95, 'Li'],
    ]);

    const again = await check(db, log, {}, 'calls', 'calls.csv');
    expect(again.summary.counts).toMatchObject({ matchedExisting: 2, toCreate: 0 });
    expect(await again.session.commit()).toEqual({ ok: false, error: 'nothing-to-commit' });

    expect(await session.rollback(committed.ok ? committed.value.id : 0)).toMatchObject({ ok: true });
    const back = (await db.leads.get(leadId))!;
    expect([back.attempts, back.firstContactAt, back.lastOutcome, await db.calls.count()]).toEqual([
      0,
      undefined,
      undefined,
      0,
    ]);
  });

  it('a lead created by an import cannot be rolled back once calls were logged for it', async () => {
    const db = fresh();
    const { batch, session } = await importLeads(db, 'phone,acquired at\n2133734253,2026-01-01T00:00:00Z\n');
    const calls = await check(db, 'phone,at,outcome\n2133734253,2026-03-01T10:00:00Z,busy\n', {}, 'calls');
    await calls.session.commit();
    expect(await session.rollback(batch.id)).toEqual({ ok: false, error: 'calls-logged', detail: [1] });
  });
});

describe('API payloads', () => {
  const record = (over: Record<string, unknown> = {}) => ({
    phone: '+12133734253',
    acquiredAt: '2026-01-10T09:00:00+08:00',
    name: 'Ann',
    tags: ['api'],
    ...over,
  });

  it('imports a JSON array with entry method "api"; every record needs acquiredAt', async () => {
    const db = fresh();
    const payload = JSON.stringify([
      record(),
      record({ phone: '+12133734254', acquiredAt: undefined }),
      record({ phone: '+12133734255', acquiredAt: '2026-01-10T09:00:00' }),
    ]);
    const { summary, session } = await check(db, payload, {}, 'api', 'payload.json');
    expect(summary.rejections.map((r) => `${r.line}:${r.column}:${r.reason}`)).toEqual([
      '2:acquiredAt:record-field-missing',
      '3:acquiredAt:record-field-invalid',
    ]);
    await session.commit();
    expect((await db.leads.toArray()).map((l) => [l.phoneE164, l.entryMethod, l.acquiredAt, l.tags])).toEqual([
      ['+12133734253', 'api', Date.UTC(2026, 0, 10, 1), ['api']],
    ]);
  });

  it('imports NDJSON and reports a line that is not JSON with its number', async () => {
    const db = fresh();
    const payload = [
      JSON.stringify(record()),
      '{not json',
      '',
      JSON.stringify(
        record({
          phone: '+12133734254',
          consent: { status: 'granted', capturedAt: '2026-01-10T09:00:00Z', proofRef: 'form-77' },
        }),
      ),
    ].join('\n');
    const { summary, session } = await check(db, payload, {}, 'api', 'payload.ndjson');
    expect(summary.rejections.map((r) => `${r.line}:${r.reason}`)).toEqual(['2:json-invalid']);
    expect(summary.counts).toMatchObject({ rowsRead: 3, valid: 2, rejected: 1 });
    await session.commit();
    expect((await db.consents.toArray()).map((c) => [c.proofRef, c.capturedAt])).toEqual([
      ['form-77', Date.UTC(2026, 0, 10, 9)],
    ]);
  });
});

describe('rejected-row report', () => {
  it('is a CSV with line, column, reason and value, formulas neutralised', async () => {
    const db = fresh();
    const { session } = await check(db, 'phone,name,acquired at\n=cmd|calc,Ann,2026-01-01T00:00:00Z\n');
    const csv = session.rejectedReport({
      line: 'Line',
      column: 'Column',
      reason: 'Reason',
      code: 'Code',
      value: 'Value',
      reasons: { 'phone-not-a-number': 'Not a phone number' },
    });
    expect(csv).toBe("\uFEFFLine,Column,Reason,Code,Value\r\n2,phone,Not a phone number,phone-not-a-number,'=cmd|calc");
  });
  it('keeps a rejected E.164 number dialable, and catches a formula on a later line of a cell', async () => {
    const db = fresh();
    const { session } = await check(
      db,
      'phone,name,acquired at\n+19993734253,Ann,2026-01-01T00:00:00Z\n"1\n=cmd",Bob,2026-01-01T00:00:00Z\n',
    );
    const csv = session.rejectedReport({ line: 'L', column: 'C', reason: 'R', code: 'K', value: 'V', reasons: {} });
    expect(csv).toContain(',phone-invalid,+19993734253\r\n');
    expect(csv).toContain(',"1\n\'=cmd"');
  });
});
