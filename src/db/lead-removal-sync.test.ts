/**
 * A lead deleted, purged, anonymised or erased on this device leaves the team's data (lead.remove,
 * with its reason), and a removal pulled from another device deletes the lead here; neither is
 * undone by a later change of the lead arriving from the server.
 */
import { describe, expect, it } from 'vitest';
import { sampleNewLead } from '../testing/new-lead-fixture';
import { TEST_TEAM, teamModeOn } from '../testing/team-mode';
import { deleteFreshDatabases, freshDb } from './test-databases';
import { createLead, updateLead } from './repos/leads-repo';
import { undoOperation } from './repos/undo-repo';
import { mayRemoveLead } from './repos/sync-state-repo';
import { forgetPerson } from './repos/forget-person-repo';
import { forgetPulledErasures } from './repos/pulled-erasure-repo';
import { isRedacted, verifyChain } from '../domain/audit/audit-hash';
import { purgeRetention } from './repos/retention-repo';
import { planFromTables } from './repos/retention-test-kit';
import { applyBulkEdit } from './repos/bulk-edit-repo';
import { applyPulledPage, type PulledChange } from './repos/sync-pull-repo';
import type { NewLead } from '../domain/leads/lead';
import type { LeadsDb } from './leads-db';

deleteFreshDatabases();
const NOW = Date.UTC(2026, 11, 1, 15);
const YEARS_LATER = NOW + 20 * 365 * 86_400_000;

interface Queued {
  type: string;
  leadId?: string;
  reason?: string;
  phoneE164?: string;
}
const queued = async (db: LeadsDb) =>
  (await db.outbox.orderBy('seq').toArray()).map((r) => r.mutation as unknown as Queued);
const removals = async (db: LeadsDb) =>
  (await queued(db)).filter((m) => m.type === 'lead.remove').map((m) => [m.leadId, m.reason]);

/** A lead created in team mode, and the sync id its lead.put carried. */
async function syncedLead(db: LeadsDb, over: Partial<NewLead> = {}) {
  const lead = await createLead(db, sampleNewLead(NOW, over), NOW);
  const puts = (await queued(db)).filter((m) => m.type === 'lead.put');
  return { lead, syncId: puts.at(-1)!.leadId! };
}

const page = (changes: PulledChange[], cursor: number) => ({ changes, cursor, more: false });
const pulledLead = (syncId: string, phoneE164: string, seq: number, name = 'Edited elsewhere'): PulledChange => ({
  seq,
  kind: 'lead',
  data: { id: syncId, teamId: TEST_TEAM, phoneE164, fields: { name }, clocks: { name: '9999999999999-0000-x' } },
});
const pulledCall = (syncId: string, seq: number): PulledChange => ({
  seq,
  kind: 'call',
  data: { id: `call-${seq}-remote`, leadId: syncId, at: NOW, outcome: 'connected', durationSec: 3, agent: 'b' },
});

describe('a lead removed on this device', () => {
  it('is sent as lead.remove with the reason its repository gave: a bulk delete, a retention purge, an erasure', async () => {
    const db = freshDb();
    await teamModeOn(db, 'steward');
    const a = await syncedLead(db);
    const b = await syncedLead(db, { phoneE164: '+12133734254', name: 'Grace' });
    const c = await syncedLead(db, { phoneE164: '+12133734255', name: 'Edsger' });
    await applyBulkEdit(db, [a.lead.id], { kind: 'delete' }, NOW + 1);
    await forgetPerson(db, b.lead.id, NOW + 2);
    // The forget entry names the team's id of the lead: the server redacts its copies for it.
    expect((await db.audit.orderBy('seq').last())!.after).toMatchObject({ leadSyncId: b.syncId });
    await purgeRetention(db, { plan: await planFromTables(db, YEARS_LATER, 'delete') }, NOW + 3);
    expect(await removals(db)).toEqual([
      [a.syncId, 'delete'],
      [b.syncId, 'erase'],
      [c.syncId, 'purge'],
    ]);
    expect(await db.leads.count()).toBe(0);
    // The mappings keep the ids only: nothing of an erased person stays for the next comparison.
    const maps = await db.syncIds.where('table').equals('leads').toArray();
    expect(maps.map((m) => Object.keys(m).sort())).toEqual(Array(3).fill(['localId', 'removed', 'syncId', 'table']));
  });

  it('an anonymising purge keeps the anonymous row here and removes the lead from the team (no hashed number sent)', async () => {
    const db = freshDb();
    await teamModeOn(db, 'steward');
    const a = await syncedLead(db);
    await purgeRetention(db, { plan: await planFromTables(db, YEARS_LATER, 'anonymize') }, NOW + 1);
    const after = (await queued(db)).filter((m) => m.type !== 'audit.append');
    expect(after.map((m) => m.type)).toEqual(['lead.put', 'lead.remove']);
    expect(await removals(db)).toEqual([[a.syncId, 'purge']]);
    expect(after.every((m) => !m.phoneE164 || m.phoneE164.startsWith('+'))).toBe(true);
    expect(await db.leads.count()).toBe(1);
    // A call added to the anonymous row (it cannot be dialled, but a call file could name it) is not sent either.
    await db.calls.add({ leadId: a.lead.id, at: NOW + 2, outcome: 'no-answer', durationSec: 0, agent: 'x' } as never);
    expect((await queued(db)).filter((m) => m.type === 'call.add')).toEqual([]);
  });

  it('a lead never sent (demo data) is not announced, and a later pulled change does not bring a removed lead back', async () => {
    const db = freshDb();
    const demo = await createLead(db, sampleNewLead(NOW, { entryMethod: 'demo' }), NOW);
    await teamModeOn(db, 'steward');
    const a = await syncedLead(db, { phoneE164: '+12133734256' });
    await applyBulkEdit(db, [demo.id, a.lead.id], { kind: 'delete' }, NOW + 1);
    expect(await removals(db)).toEqual([[a.syncId, 'delete']]);
    await applyPulledPage(db, page([pulledLead(a.syncId, '+12133734256', 7), pulledCall(a.syncId, 8)], 8), 'me');
    expect(await db.leads.count()).toBe(0);
    expect(await db.calls.count()).toBe(0);
    expect((await db.syncState.get('orphans'))?.value ?? []).toEqual([]);
  });

  it('is refused to an agent, whose server would refuse it: the write fails whole and nothing changes', async () => {
    const db = freshDb();
    await teamModeOn(db, 'agent');
    const a = await syncedLead(db);
    const before = await db.outbox.count();
    await expect(applyBulkEdit(db, [a.lead.id], { kind: 'delete' }, NOW + 1)).rejects.toThrow(/agent may not remove/);
    await expect(forgetPerson(db, a.lead.id, NOW + 2)).rejects.toThrow(/agent may not remove/);
    expect(await db.leads.get(a.lead.id)).toMatchObject({ name: 'Ada Lovelace' });
    expect(await db.outbox.count()).toBe(before);
    expect(await db.syncIds.get(['leads', a.lead.id])).toMatchObject({ syncId: a.syncId });
    expect((await db.syncIds.get(['leads', a.lead.id]))?.removed).toBeUndefined();
    // So the screens do not offer it (the drawer's "Forget this person…"), but a lead of this device alone stays removable.
    expect(await mayRemoveLead(db, a.lead.id)).toBe(false);
    const demo = await createLead(db, sampleNewLead(NOW, { phoneE164: '+12133734258', entryMethod: 'demo' }), NOW);
    expect(await mayRemoveLead(db, demo.id)).toBe(true);
    await teamModeOn(db, 'team_lead');
    expect(await mayRemoveLead(db, a.lead.id)).toBe(true);
  });
});

describe('after a removal was sent', () => {
  it('undoing the deletion is refused (the team no longer holds the lead), and nothing changes', async () => {
    const db = freshDb();
    await teamModeOn(db, 'steward');
    const a = await syncedLead(db);
    const deleted = await applyBulkEdit(db, [a.lead.id], { kind: 'delete' }, NOW + 1);
    const before = await db.outbox.count();
    await expect(undoOperation(db, deleted.auditSeq, NOW + 2)).rejects.toThrow(/removed from the team's data/);
    expect(await db.leads.count()).toBe(0);
    expect(await db.outbox.count()).toBe(before);
  });

  it('an erasure sends no hashed suppression as a DNC entry (the server would refuse it)', async () => {
    const db = freshDb();
    await teamModeOn(db, 'steward');
    const a = await syncedLead(db);
    await forgetPerson(db, a.lead.id, NOW + 1);
    expect((await db.dncEntries.toArray()).some((e) => e.phoneE164.startsWith('hmac:'))).toBe(true);
    // The trail's segments still queued carry its creation redacted: nothing of the person is sent.
    const segments = (await queued(db)).filter((m) => m.type === 'audit.append');
    expect(JSON.stringify(segments)).toContain('"redacted":true');
    expect(JSON.stringify(segments)).not.toContain('Ada Lovelace');
    expect((await queued(db)).filter((m) => m.type === 'dnc.add')).toEqual([]);
    expect(await removals(db)).toEqual([[a.syncId, 'erase']]);
  });
});

describe('a person forgotten on this device', () => {
  /** A lead created in team mode, then its person forgotten here. */
  const forgottenInTeamMode = async () => {
    const db = freshDb();
    await teamModeOn(db, 'steward');
    const a = await syncedLead(db);
    await forgetPerson(db, a.lead.id, NOW + 1);
    return { db, a, phone: a.lead.phoneE164 };
  };

  it('whose number comes back with a lead pulled from the team is on the internal list again, listed since the erasure', async () => {
    const { db, phone } = await forgottenInTeamMode();
    expect(await db.dncEntries.get(['internal', phone])).toBeUndefined();
    // Another agent imported the person again; the team's copy arrives here.
    await applyPulledPage(db, page([pulledLead('lead-from-b', phone, 1, 'Ada again')], 1), 'this-device');
    expect((await db.leads.where('phoneE164').equals(phone).toArray()).map((l) => [l.name, l.dncStatus])).toEqual([
      ['Ada again', 'listed'],
    ]);
    expect(await db.dncEntries.get(['internal', phone])).toMatchObject({ addedAt: NOW + 1 });
    // A number nobody forgot is not listed.
    await applyPulledPage(db, page([pulledLead('lead-from-c', '+12133734299', 2, 'Someone else')], 2), 'this-device');
    expect(await db.dncEntries.get(['internal', '+12133734299'])).toBeUndefined();
  });

  it('whose own lead comes back as a stale edit from another device stays erased: no lead, and no plain number listed', async () => {
    const { db, a, phone } = await forgottenInTeamMode();
    // An edit made elsewhere before that device saw the removal: the same sync id.
    await applyPulledPage(db, page([pulledLead(a.syncId, phone, 1, 'Edited elsewhere')], 1), 'this-device');
    expect(await db.leads.where('phoneE164').equals(phone).count()).toBe(0);
    expect(await db.dncEntries.get(['internal', phone])).toBeUndefined();
  });
});

describe('a removal pulled from another device', () => {
  it('deletes the lead with its calls and consents here, queues nothing, and keeps it gone', async () => {
    const db = freshDb();
    await teamModeOn(db);
    await applyPulledPage(
      db,
      page([pulledLead('lead-remote01', '+15550100001', 1, 'Remote'), pulledCall('lead-remote01', 2)], 2),
      'me',
    );
    const lead = await db.leads.where('phoneE164').equals('+15550100001').first();
    expect(lead).toMatchObject({ name: 'Remote', attempts: 1 });
    const before = await db.outbox.count();

    const removal: PulledChange = { seq: 3, kind: 'removal', data: { leadId: 'lead-remote01', reason: 'erase' } };
    await applyPulledPage(db, page([removal], 3), 'me');
    expect(await db.leads.count()).toBe(0);
    expect(await db.calls.count()).toBe(0);
    expect(await db.outbox.count()).toBe(before);
    const map = await db.syncIds.get(['leads', lead!.id]);
    expect(map).toEqual({ table: 'leads', localId: lead!.id, syncId: 'lead-remote01', removed: true });
    // The lead as pulled held a name only (no e-mail, no number as typed): its traces are erased all the same.
    expect(await forgetPulledErasures(db, NOW)).toBe(1);
    expect(await db.syncState.where('key').startsWith('erased:').count()).toBe(0);

    // The same removal again, a stale change of the lead, a late call: nothing comes back.
    await applyPulledPage(
      db,
      page([removal, pulledLead('lead-remote01', '+15550100001', 4), pulledCall('lead-remote01', 5)], 5),
      'me',
    );
    expect(await db.leads.count()).toBe(0);
    expect(await db.calls.count()).toBe(0);
    // A removal of a lead this device never held changes nothing, but drops the events waiting for it.
    await applyPulledPage(db, page([pulledCall('lead-never01', 6)], 6), 'me');
    expect((await db.syncState.get('orphans'))?.value).toHaveLength(1);
    await applyPulledPage(db, page([{ seq: 7, kind: 'removal', data: { leadId: 'lead-never01' } }], 7), 'me');
    expect(await db.syncIds.where('table').equals('leads').count()).toBe(1);
    expect((await db.syncState.get('orphans'))?.value).toEqual([]);
    expect(await db.calls.count()).toBe(0);
  });

  it('drops what this device had queued for the lead (it would be refused, carrying the person’s values)', async () => {
    const db = freshDb();
    await teamModeOn(db, 'steward');
    const a = await syncedLead(db);
    const b = await syncedLead(db, { phoneE164: '+12133734257', name: 'Kept' });
    await updateLead(db, a.lead.id, { name: 'Edited offline' }, undefined, NOW + 1);
    const mine = (await queued(db)).filter((m) => m.type === 'lead.put');
    expect(mine.map((m) => m.leadId)).toEqual([a.syncId, b.syncId, a.syncId]);
    await applyPulledPage(
      db,
      page([{ seq: 9, kind: 'removal', data: { leadId: a.syncId, reason: 'erase' } }], 9),
      'me',
    );
    expect((await queued(db)).filter((m) => m.type === 'lead.put').map((m) => m.leadId)).toEqual([b.syncId]);
    expect(await db.leads.get(a.lead.id)).toBeUndefined();
    // (The device's audit chain still carries its own edit: the trail is pushed as it is.)
    const writes = (await db.outbox.toArray()).filter((r) => r.mutation.type !== 'audit.append');
    expect(JSON.stringify(writes)).not.toContain('Edited offline');
  });

  it('an erasure erases what else this device holds of the person: its audit details, queued copies included, and keeps a suppression', async () => {
    const db = freshDb();
    await teamModeOn(db, 'steward');
    const a = await syncedLead(db, { name: 'Ada Erased' });
    const b = await syncedLead(db, {
      phoneE164: '+12133734258',
      phoneRaw: '(213) 373-4258',
      name: 'Kept Person',
      email: 'kept@example.com',
      company: 'Elsewhere Ltd',
    });
    await updateLead(db, a.lead.id, { name: 'Ada E. Offline' }, undefined, NOW + 1);
    // Nothing pushed yet: the outbox holds the trail's segments, with the person's values.
    expect(JSON.stringify(await db.outbox.toArray())).toContain('Ada E. Offline');
    const trail = async () => JSON.stringify(await db.audit.toArray());
    expect(await trail()).toContain('Ada Erased');

    await applyPulledPage(
      db,
      page([{ seq: 9, kind: 'removal', data: { leadId: a.syncId, reason: 'erase' } }], 9),
      'me',
    );
    // The page keeps the lead as held for the next step, and nothing else of it.
    expect(await db.leads.get(a.lead.id)).toBeUndefined();
    expect((await db.syncState.get(`erased:${a.lead.id}`))?.value).toMatchObject({
      lead: { name: 'Ada E. Offline' },
      syncId: a.syncId,
    });

    expect(await forgetPulledErasures(db, NOW + 2)).toBe(1);
    expect(await db.syncState.get(`erased:${a.lead.id}`)).toBeUndefined();
    const queuedTrail = async () => JSON.stringify((await queued(db)).filter((m) => m.type === 'audit.append'));
    for (const name of ['Ada Erased', 'Ada E. Offline']) {
      expect(await trail()).not.toContain(name);
      expect(await queuedTrail()).not.toContain(name);
    }
    // The chain verifies; the forget entry names what it redacted, and only that was redacted.
    const entries = await db.audit.orderBy('seq').toArray();
    expect(verifyChain(entries)).toBeNull();
    const forget = entries.at(-1)!;
    expect(forget).toMatchObject({
      action: 'forget',
      ids: [a.lead.id],
      after: { erasedElsewhere: true, leadSyncId: a.syncId },
    });
    const named = (forget.after as { redactedSeqs: number[] }).redactedSeqs;
    expect(named.length).toBeGreaterThanOrEqual(2);
    expect(entries.filter((e) => named.includes(e.seq)).every((e) => isRedacted(e))).toBe(true);
    expect(entries.filter((e) => !named.includes(e.seq)).some((e) => isRedacted(e))).toBe(false);
    expect(entries.some((e) => !named.includes(e.seq) && e.ids.includes(b.lead.id))).toBe(true);
    // The forget entry goes to the team (its server then redacts its copies); the number stays suppressed here.
    const segments = (await queued(db)).filter((m) => m.type === 'audit.append');
    expect(JSON.stringify(segments)).toContain('"erasedElsewhere":true');
    expect((await db.dncEntries.toArray()).some((e) => e.phoneE164.startsWith('hmac:'))).toBe(true);
    // The segments queued are the trail in order, each entry once: the redactions were not queued
    // again out of order (the server would refuse such a segment as a broken chain).
    const seqs = segments.flatMap((m) => (m as unknown as { entries: { seq: number }[] }).entries.map((e) => e.seq));
    expect(seqs).toEqual(entries.map((e) => e.seq));
    // Run again: nothing left to do.
    expect(await forgetPulledErasures(db, NOW + 3)).toBe(0);
  });
});
