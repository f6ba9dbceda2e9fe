import { sampleNewLead } from '../testing/new-lead-fixture';
import { describe, expect, it } from 'vitest';
import { deleteFreshDatabases, freshDb } from './test-databases';
import { createLead, updateLead } from './repos/leads-repo';
import { recordConsent } from './repos/consent-repo';
import { addToInternalDnc } from './repos/dnc-repo';
import { disableTeamMode } from './repos/sync-state-repo';
import { TEST_TEAM, teamModeOn } from '../testing/team-mode';
import { applyPulledPage } from './repos/sync-pull-repo';
import type { NewLead } from '../domain/leads/lead';
import type { LeadsDb } from './leads-db';

deleteFreshDatabases();
const NOW = Date.UTC(2026, 11, 1, 15);
const TEAM = TEST_TEAM;

const newLead = (over: Partial<NewLead> = {}): NewLead => sampleNewLead(NOW, over);

const teamOn = (db: LeadsDb) => teamModeOn(db);
/** A queued mutation, loosely typed for reading in assertions. */
interface Queued {
  type: string;
  leadId?: string;
  phoneE164?: string;
  fields?: Record<string, { value: unknown; hlc: string }>;
  consent?: { leadId: string; proofRef: string };
  dnc?: { phoneE164: string; at: number };
}
const queued = async (db: LeadsDb) =>
  (await db.outbox.orderBy('seq').toArray()).map((r) => r.mutation as unknown as Queued);

describe('the outbox', () => {
  it('queues nothing while team mode is off (the single-browser app)', async () => {
    const db = freshDb();
    await createLead(db, newLead(), NOW);
    await teamOn(db);
    await disableTeamMode(db);
    await updateLead(db, 1, { name: 'Grace' }, undefined, NOW);
    // Only the audit chain queued when team mode was switched on.
    expect((await queued(db)).map((m) => m.type)).toEqual(['audit.append']);
  });

  it('a new lead is sent whole, an edit sends the fields it changed, stamped, with the team', async () => {
    const db = freshDb();
    await teamOn(db);
    const lead = await createLead(db, newLead(), NOW);
    await updateLead(db, lead.id, { name: 'Grace Hopper' }, undefined, NOW + 1);
    const puts = (await queued(db)).filter((m) => m.type === 'lead.put');
    expect(puts).toHaveLength(2);
    const [created, edited] = puts as {
      leadId: string;
      phoneE164: string;
      fields: Record<string, { value: unknown; hlc: string }>;
    }[];
    expect(created!.leadId).toBe(edited!.leadId);
    expect(created!.phoneE164).toBe('+12133734253');
    expect(created!.fields.name!.value).toBe('Ada Lovelace');
    expect(Object.keys(edited!.fields).sort()).toEqual(['name', 'teamId', 'updatedAt']);
    expect(edited!.fields.teamId!.value).toBe(TEAM);
    expect(edited!.fields.name!.hlc > created!.fields.name!.hlc).toBe(true);
    const audit = (await queued(db)).filter((m) => m.type === 'audit.append');
    expect(audit.length).toBeGreaterThanOrEqual(2);
  });

  it('a consent and a DNC addition are queued against the lead’s sync id', async () => {
    const db = freshDb();
    await teamOn(db);
    const lead = await createLead(db, newLead(), NOW);
    await recordConsent(
      db,
      {
        leadIds: [lead.id],
        purpose: 'calls',
        kind: 'granted',
        basis: 'consent',
        method: 'verbal-recording',
        proofRef: 'rec-1',
        capturedAt: NOW - 1000,
      },
      NOW,
    );
    await addToInternalDnc(db, { phone: lead.phoneE164, defaultRegion: 'US' }, NOW);
    const all = await queued(db);
    const leadId = (all.find((m) => m.type === 'lead.put') as { leadId: string }).leadId;
    const consent = all.find((m) => m.type === 'consent.add') as { consent: { leadId: string; proofRef: string } };
    expect(consent.consent).toMatchObject({ leadId, proofRef: 'rec-1' });
    const dnc = all.find((m) => m.type === 'dnc.add') as { dnc: { phoneE164: string; at: number } };
    expect(dnc.dnc).toMatchObject({ phoneE164: lead.phoneE164, at: NOW });
  });

  it('a failed transaction leaves nothing in the outbox', async () => {
    const db = freshDb();
    await teamOn(db);
    const before = await db.outbox.count();
    await expect(
      db.transaction('rw', db.leads, async () => {
        await db.leads.add({
          ...newLead(),
          createdAt: NOW,
          updatedAt: NOW,
          attempts: 0,
          dncStatus: 'unchecked',
          dncCheckedVersions: [],
        } as never);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await db.outbox.count()).toBe(before);
  });

  it('a pulled page is applied with its cursor and never queued again; its DNC entry blocks the number', async () => {
    const db = freshDb();
    await teamOn(db);
    const before = await db.outbox.count();
    const clocks = {
      teamId: '1764600000000-0000-other',
      name: '1764600000000-0000-other',
      phoneRaw: '1764600000000-0000-other',
    };
    await applyPulledPage(
      db,
      {
        changes: [
          {
            seq: 1,
            kind: 'call',
            data: {
              id: 'call-000001',
              leadId: 'lead-000001',
              at: NOW,
              outcome: 'connected',
              durationSec: 3,
              agent: 'b',
            },
          },
          {
            seq: 2,
            kind: 'lead',
            data: {
              id: 'lead-000001',
              teamId: TEAM,
              phoneE164: '+15550100000',
              fields: { name: 'Pulled', phoneRaw: '555' },
              clocks,
            },
          },
          { seq: 3, kind: 'dnc', data: { id: 'dnc-0000001', kind: 'request', phoneE164: '+15550100000', at: NOW } },
        ],
        cursor: 3,
        more: false,
      },
      'this-device',
    );
    expect(await db.outbox.count()).toBe(before);
    const lead = await db.leads.where('phoneE164').equals('+15550100000').first();
    // The call came before its lead in seq order and still counts: the lead’s
    // call facts are recomputed from the calls held, not taken from a last-writer-wins counter.
    expect(lead).toMatchObject({ name: 'Pulled', dncStatus: 'listed', attempts: 1, lastOutcome: 'connected' });
    expect(await db.calls.where('leadId').equals(lead!.id).count()).toBe(1);
    expect(await db.dncEntries.get(['internal', '+15550100000'])).toMatchObject({ addedAt: NOW });
    expect((await db.syncState.get('cursor'))?.value).toBe(3);
    // The same page again (a reload before the next pull was stored): nothing twice.
    await applyPulledPage(
      db,
      {
        changes: [
          {
            seq: 1,
            kind: 'call',
            data: {
              id: 'call-000001',
              leadId: 'lead-000001',
              at: NOW,
              outcome: 'connected',
              durationSec: 3,
              agent: 'b',
            },
          },
        ],
        cursor: 3,
        more: false,
      },
      'this-device',
    );
    expect(await db.calls.count()).toBe(1);
  });

  it('a pulled older stamp does not overwrite a newer local edit', async () => {
    const db = freshDb();
    await teamOn(db);
    const lead = await createLead(db, newLead(), NOW);
    await updateLead(db, lead.id, { name: 'Mine' }, undefined, NOW + 1);
    const put = (await queued(db)).find((m) => m.type === 'lead.put') as { leadId: string };
    await applyPulledPage(
      db,
      {
        changes: [
          {
            seq: 9,
            kind: 'lead',
            data: {
              id: put.leadId,
              teamId: TEAM,
              phoneE164: lead.phoneE164,
              fields: { name: 'Old', company: 'New Co' },
              clocks: { name: '0000000000001-0000-x', company: '9999999999999-0000-x' },
            },
          },
        ],
        cursor: 9,
        more: false,
      },
      'this-device',
    );
    expect(await db.leads.get(lead.id)).toMatchObject({ name: 'Mine', company: 'New Co' });
  });
});

describe('the demo data', () => {
  it('never leaves the browser: a demo lead’s edits and consents are not queued', async () => {
    const db = freshDb();
    const demo = await createLead(db, newLead({ entryMethod: 'demo' }), NOW);
    await teamOn(db);
    const before = await db.outbox.count();
    await updateLead(db, demo.id, { name: 'Sample' }, undefined, NOW + 1);
    await recordConsent(
      db,
      {
        leadIds: [demo.id],
        purpose: 'calls',
        kind: 'granted',
        basis: 'consent',
        method: 'web-form',
        proofRef: 'form-1',
        capturedAt: NOW - 1000,
      },
      NOW,
    );
    const types = (await queued(db)).slice(before).map((m) => m.type);
    expect(types.filter((t) => t !== 'audit.append')).toEqual([]);
  });
});

describe('a lead deleted while signed out of the team', () => {
  it('is removed from the team at the next push all the same, and a pulled change does not bring it back', async () => {
    const db = freshDb();
    await teamModeOn(db, 'steward');
    const lead = await createLead(db, newLead(), NOW);
    const put = (await queued(db)).find((m) => m.type === 'lead.put')!;
    await disableTeamMode(db);
    await db.leads.delete(lead.id);
    expect((await queued(db)).filter((m) => m.type === 'lead.remove').map((m) => m.leadId)).toEqual([put.leadId]);
    await teamModeOn(db, 'steward');
    await applyPulledPage(
      db,
      {
        changes: [
          {
            seq: 5,
            kind: 'lead',
            data: {
              id: put.leadId,
              teamId: TEAM,
              phoneE164: lead.phoneE164,
              fields: { name: 'Back' },
              clocks: { name: '9999999999999-0000-x' },
            },
          },
        ],
        cursor: 5,
        more: false,
      },
      'this-device',
    );
    expect(await db.leads.count()).toBe(0);
    // Only the ids are kept: none of the lead's values.
    const maps = await db.syncIds.where('[table+syncId]').equals(['leads', put.leadId!]).toArray();
    expect(maps).toEqual([{ table: 'leads', localId: lead.id, syncId: put.leadId, removed: true }]);
  });
});

describe('Collection.modify (Dexie’s hooks and cache layers read the transaction from its zone)', () => {
  it('with team mode off, a modify that is rolled back still rolls back (the write goes down before any await)', async () => {
    const db = freshDb();
    await createLead(db, newLead(), NOW);
    await createLead(db, newLead({ phoneE164: '+12133734254', name: 'Grace' }), NOW);
    await expect(
      db.transaction('rw', db.leads, async () => {
        await db.leads.toCollection().modify({ company: 'Never saved' });
        throw new Error('cancelled');
      }),
    ).rejects.toThrow('cancelled');
    expect((await db.leads.toArray()).map((l) => l.company)).toEqual(['Analytical Engines', 'Analytical Engines']);
    expect(await db.outbox.count()).toBe(0);
  });
});
