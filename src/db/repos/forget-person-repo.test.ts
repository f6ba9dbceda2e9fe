import { afterEach, describe, expect, it } from 'vitest';
import { GENESIS_HASH, isRedacted, legacyEntryHash } from '../../domain/audit/audit-hash';
import type { AuditEntry } from '../../domain/audit/audit-entry';
import { keyedPhoneHash } from '../../domain/compliance/anonymise';
import type { NewLead } from '../../domain/leads/lead';
import { MS_PER_DAY } from '../../domain/time/calendar';
import { readAll } from '../migrations/migration-harness';
import type { LeadsDb } from '../leads-db';
import { verifyAuditTrail } from './audit-repo';
import { applyBulkEdit } from './bulk-edit-repo';
import { NOW, closeAll, dbWith, demoSlice } from './compliance-test-fixture';
import { recordConsent } from './consent-repo';
import { addToInternalDnc } from './dnc-repo';
import { recordExport } from './export-repo';
import { ForgetError, forgetPerson, forgetPreview } from './forget-person-repo';
import { listedPhones } from './import-lookup-repo';
import { commitLeadImport, type LeadImportPlan } from './import-repo';
import { loadLeadCompliance } from './lead-compliance-repo';
import { createLead, updateLead } from './leads-repo';
import { saveView } from './saved-views-repo';
import { getFlag } from './settings-repo';
import { listUndoable } from './undo-repo';

afterEach(closeAll);

const PHONE = '+12133734253';
const RAW = '(213) 373-4253';
const EMAIL = 'Zelda.Quistorff@example.org';
const NAMES = ['Zelda Quistorff', 'Zelda Q. Quistorff'];
/** Everything that identifies the person, as it could appear in any stored JSON. */
const NEEDLES = [PHONE, PHONE.slice(1), RAW, EMAIL.toLowerCase(), ...NAMES.map((n) => n.toLowerCase()), 'quistorff'];

const person: NewLead = {
  phoneE164: PHONE,
  phoneRaw: RAW,
  region: 'US',
  timeZone: 'America/Los_Angeles',
  name: NAMES[0]!,
  company: 'Quistorff Bakery',
  email: EMAIL,
  tags: ['vip'],
  sourceId: 'referrals',
  acquiredAt: NOW - 40 * MS_PER_DAY,
  acquiredAtPrecision: 'exact',
  entryMethod: 'manual',
};

/** Stored JSON of every table, lower-cased, with the needles found in it. */
async function leaks(db: LeadsDb): Promise<string[]> {
  const rows = await readAll(db);
  const found: string[] = [];
  for (const [table, list] of Object.entries(rows)) {
    const json = JSON.stringify(list).toLowerCase();
    for (const n of NEEDLES) if (json.includes(n)) found.push(`${table}: ${n}`);
  }
  return found;
}

/** A demo slice plus the person, with a history in every place personal data can end up. */
async function worldWithPerson() {
  const db = await dbWith(demoSlice(400));
  const other = (await db.leads.toCollection().first())!;
  const lead = await createLead(db, person, NOW - 30 * MS_PER_DAY);
  await updateLead(db, lead.id, { name: NAMES[1]! }, undefined, NOW - 29 * MS_PER_DAY);
  await recordConsent(
    db,
    {
      leadIds: [lead.id],
      purpose: 'calls',
      kind: 'granted',
      basis: 'consent',
      method: 'web-form',
      proofRef: `form from ${EMAIL}`,
      capturedAt: NOW - 29 * MS_PER_DAY,
      expiresAt: NOW + 300 * MS_PER_DAY,
    },
    NOW - 29 * MS_PER_DAY,
  );
  await db.calls.bulkAdd([
    { leadId: lead.id, at: NOW - 20 * MS_PER_DAY, outcome: 'connected', durationSec: 60, agent: 'a1' },
    { leadId: lead.id, at: NOW - 10 * MS_PER_DAY, outcome: 'no-answer', durationSec: 0, agent: 'a1' },
  ] as never[]);
  await db.acquisitions.add({
    leadId: lead.id,
    sourceId: 'referrals',
    acquiredAt: NOW - 60 * MS_PER_DAY,
    entryMethod: 'manual',
    recordedAt: NOW - 30 * MS_PER_DAY,
  } as never);
  await applyBulkEdit(db, [lead.id, other.id], { kind: 'add-tags', tags: ['callback'] }, NOW - 5 * MS_PER_DAY);
  await addToInternalDnc(db, { phone: RAW, defaultRegion: 'US', note: 'asked on the phone' }, NOW - 3 * MS_PER_DAY);
  await saveView(db, 'Zelda', { q: NAMES[0], sourceId: 'referrals' }, NOW - 2 * MS_PER_DAY);
  await recordExport(
    db,
    {
      kind: 'leads',
      format: 'csv',
      fileName: 'one.csv',
      filter: { q: PHONE },
      columns: ['phone'],
      rows: 1,
      sha256: 'ab'.repeat(32),
      dncVersionIds: [],
      at: NOW - MS_PER_DAY,
      exclusions: null,
    },
    NOW - MS_PER_DAY,
  );
  return { db, lead, other };
}

describe('forgetPerson', () => {
  it('leaves no trace of the name, number (E.164 or as typed) or e-mail in any table, and the trail still verifies', async () => {
    const { db, lead, other } = await worldWithPerson();
    expect((await leaks(db)).length).toBeGreaterThan(5);
    const auditBefore = await db.audit.count();

    const result = await forgetPerson(db, lead.id, NOW);

    expect(await leaks(db)).toEqual([]);
    expect(await verifyAuditTrail(db)).toBeNull();
    expect(await db.leads.get(lead.id)).toBeUndefined();
    expect(await db.calls.where('leadId').equals(lead.id).count()).toBe(0);
    expect(await db.consents.where('leadId').equals(lead.id).count()).toBe(0);
    expect(await db.acquisitions.where('leadId').equals(lead.id).count()).toBe(0);
    expect(result).toMatchObject({ calls: 2, consents: 1, acquisitions: 1, internalDnc: 1, undoOperations: 1 });
    // The entries stay (one more: the forget entry); only their details went.
    expect(await db.audit.count()).toBe(auditBefore + 1);
    const redacted = (await db.audit.toArray()).filter(isRedacted);
    expect(redacted.map((e) => e.seq)).toEqual(
      ((await db.audit.get(result.auditSeq))!.after as { redactedSeqs: number[] }).redactedSeqs,
    );
    expect(redacted.map((e) => e.action).sort()).toEqual([
      'bulk-edit',
      'consent',
      'create',
      'dnc-add',
      'edit',
      'export',
    ]);
    // Someone else's lead is untouched; the bulk edit they shared can no longer be undone.
    expect((await db.leads.get(other.id))!.tags).toContain('callback');
    expect((await listUndoable(db)).map((e) => e.action)).not.toContain('bulk-edit');
  });

  it('writes one forget entry with only the lead id and the keyed hash of the number', async () => {
    const { db, lead } = await worldWithPerson();
    const result = await forgetPerson(db, lead.id, NOW);
    const key = (await getFlag<string>(db, 'anonymisationKey'))!;
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(result.suppression).toBe(keyedPhoneHash(PHONE, key));
    const entry = (await db.audit.get(result.auditSeq))!;
    expect(entry).toMatchObject({
      action: 'forget',
      entity: 'lead',
      ids: [lead.id],
      before: null,
      after: { suppression: result.suppression },
    });
    expect(await db.audit.where('action').equals('forget').count()).toBe(1);
  });

  it('keeps the suppression as a keyed hash on the internal list, listed since the person first asked', async () => {
    const { db, lead } = await worldWithPerson();
    const { suppression } = await forgetPerson(db, lead.id, NOW);
    expect(await db.dncEntries.get(['internal', PHONE])).toBeUndefined();
    expect(await db.dncEntries.get(['internal', suppression])).toMatchObject({ addedAt: NOW - 3 * MS_PER_DAY });
  });

  it('blocks the number when it is entered again by hand: back on the internal list, not callable', async () => {
    const { db, lead } = await worldWithPerson();
    await forgetPerson(db, lead.id, NOW);
    const again = await createLead(db, { ...person, name: 'Z. Q.', email: '' }, NOW + MS_PER_DAY);
    expect(again.dncStatus).toBe('listed');
    const compliance = (await loadLeadCompliance(db, again.id, NOW + 2 * MS_PER_DAY))!;
    expect(compliance.internalListed).toBe(true);
    expect(compliance.verdict.callable).toBe(false);
    expect(compliance.verdict.reasons.find((r) => r.code === 'dnc-listed')).toMatchObject({
      severity: 'block',
      since: NOW - 3 * MS_PER_DAY,
    });
    expect(await verifyAuditTrail(db)).toBeNull();
  });

  it('blocks the number when a file brings it back (the import preview already counts it as listed)', async () => {
    const { db, lead } = await worldWithPerson();
    await forgetPerson(db, lead.id, NOW);
    expect(await listedPhones(db, [PHONE, '+12133734254'])).toEqual(new Set([PHONE]));
    const plan: LeadImportPlan = {
      kind: 'leads',
      fileName: 'again.csv',
      sha256: 'cd'.repeat(32),
      encoding: 'utf-8',
      conflictRule: 'keep-existing',
      rowsRead: 1,
      rejected: 0,
      warnings: 0,
      duplicatesInFile: 0,
      conflictsInFile: 0,
      leads: [
        {
          phoneE164: PHONE,
          phoneRaw: RAW,
          region: 'US',
          timeZone: 'America/Los_Angeles',
          name: 'Zed',
          company: '',
          email: '',
          tags: [],
          sourceRef: 'referrals',
          campaignRef: null,
          acquiredAt: NOW,
          precision: 'exact',
          declared: false,
          consents: [],
          extraAcquisitions: [],
          line: 2,
        },
      ],
    } as unknown as LeadImportPlan;
    await commitLeadImport(db, plan, undefined, NOW + MS_PER_DAY);
    const back = (await db.leads.where('phoneE164').equals(PHONE).first())!;
    const compliance = (await loadLeadCompliance(db, back.id, NOW + 2 * MS_PER_DAY))!;
    expect(compliance.internalListed).toBe(true);
    expect(compliance.verdict.callable).toBe(false);
  });

  it('previews exactly what it then removes, and changes nothing by previewing', async () => {
    const { db, lead } = await worldWithPerson();
    const before = await readAll(db);
    const preview = await forgetPreview(db, lead.id);
    expect(await readAll(db)).toEqual(before);
    const { suppression: _s, auditSeq: _a, ...done } = await forgetPerson(db, lead.id, NOW);
    expect(done).toEqual(preview);
    expect(preview.otherRecords).toBe(1);
  });

  it('is all or nothing: a failure half-way leaves every table as it was', async () => {
    const { db, lead } = await worldWithPerson();
    const before = await readAll(db);
    db.audit.hook('creating', (_key, entry: AuditEntry) => {
      if (entry.action === 'forget') throw new Error('disk full');
    });
    await expect(forgetPerson(db, lead.id, NOW)).rejects.toThrow('disk full');
    expect(await readAll(db)).toEqual(before);
  });

  it('refuses a lead that does not exist', async () => {
    const { db } = await worldWithPerson();
    await expect(forgetPerson(db, 999_999, NOW)).rejects.toBeInstanceOf(ForgetError);
  });

  it('upgrades a format-1 trail (restored from an old backup) before redacting, so the chain still verifies', async () => {
    const { db, lead } = await worldWithPerson();
    // Rewrite the trail as format 1, the way schema v1/v2 stored it.
    const entries = await db.audit.orderBy('seq').toArray();
    let prevHash = GENESIS_HASH;
    const legacy = entries.map(({ detailsHash: _d, legacyHash: _l, hash: _h, ...e }) => {
      const unhashed = { ...e, prevHash };
      prevHash = legacyEntryHash(unhashed);
      return { ...unhashed, hash: prevHash };
    });
    await db.audit.clear();
    await db.audit.bulkAdd(legacy);
    // A backup that old carries no kept chain head (audit-head-repo.ts) in its settings table.
    await db.settings.delete('flag:auditHead');
    expect(await verifyAuditTrail(db)).toBeNull();
    await forgetPerson(db, lead.id, NOW);
    expect(await verifyAuditTrail(db)).toBeNull();
    expect(await leaks(db)).toEqual([]);
    expect(await db.audit.where('action').equals('upgrade').count()).toBe(1);
  });

  it('leaves copies of external DNC lists as published (the number stays on the national list copy)', async () => {
    const data = demoSlice(400);
    const national = data.dncEntries.find((e) => e.listId !== 'internal')!;
    const db = await dbWith(data);
    const listed = (await db.leads.where('phoneE164').equals(national.phoneE164).first())!;
    await forgetPerson(db, listed.id, NOW);
    expect(await db.dncEntries.get([national.listId, national.phoneE164])).toEqual(national);
    expect(await db.leads.get(listed.id)).toBeUndefined();
  });
});
