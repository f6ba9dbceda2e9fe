/**
 * A lead moved to a team this device's user is not in leaves the device (a `move` pulled as not
 * visible), and comes back with its calls and consents when it is moved back: each held once,
 * however often the server sends them (it cannot tell what a replica holds).
 */
import { describe, expect, it } from 'vitest';
import { TEST_TEAM, teamModeOn } from '../testing/team-mode';
import { deleteFreshDatabases, freshDb } from './test-databases';
import { applyPulledPage, type PulledChange } from './repos/sync-pull-repo';
import type { LeadsDb } from './leads-db';

deleteFreshDatabases();
const NOW = Date.UTC(2026, 11, 1, 15);
const PHONE = '+15550100031';
const LEAD = 'lead-moved01';

const page = (changes: PulledChange[], cursor: number) => ({ changes, cursor, more: false });
const lead = (seq: number, name = 'Moved'): PulledChange => ({
  seq,
  kind: 'lead',
  data: { id: LEAD, teamId: TEST_TEAM, phoneE164: PHONE, fields: { name }, clocks: { name: `${seq}` } },
});
const call = (id: string, seq: number): PulledChange => ({
  seq,
  kind: 'call',
  data: { id, leadId: LEAD, at: NOW - seq * 60_000, outcome: 'connected', durationSec: 3, agent: 'b' },
});
const consent = (id: string, seq: number): PulledChange => ({
  seq,
  kind: 'consent',
  data: { id, leadId: LEAD, purpose: 'calls', kind: 'granted', capturedAt: NOW - 86_400_000, method: 'web-form' },
});
const move = (seq: number, visible: boolean): PulledChange => ({ seq, kind: 'move', data: { leadId: LEAD, visible } });

async function held(db: LeadsDb) {
  const row = await db.leads.where('phoneE164').equals(PHONE).first();
  return {
    lead: row?.name,
    attempts: row?.attempts,
    calls: await db.calls.count(),
    consents: await db.consents.count(),
    mappings: (await db.syncIds.toArray()).map((m) => `${m.table}:${m.syncId}${m.removed ? ' removed' : ''}`).sort(),
  };
}

describe('a lead moved between teams', () => {
  it('leaves this device when moved out of view, and comes back with its history, each event once', async () => {
    const db = freshDb();
    await teamModeOn(db, 'team_lead');
    await applyPulledPage(
      db,
      page(
        [
          lead(1),
          call('call-a', 2),
          call('call-b', 3),
          consent('consent-a', 4),
          { ...lead(5, 'Other'), data: { ...lead(5).data, id: 'lead-stays01', phoneE164: '+15550100032' } },
        ],
        5,
      ),
      'me',
    );
    expect(await held(db)).toMatchObject({ lead: 'Moved', attempts: 2, calls: 2, consents: 1 });
    const outbox = await db.outbox.count();

    // Moved to another team: gone, with its calls, consents and sync ids (not kept as removed).
    await applyPulledPage(db, page([move(6, false)], 6), 'me');
    expect(await held(db)).toEqual({
      lead: undefined,
      attempts: undefined,
      calls: 0,
      consents: 0,
      mappings: ['leads:lead-stays01'],
    });
    expect(await db.leads.count()).toBe(1);
    expect(await db.outbox.count()).toBe(outbox);

    // Moved back: the lead at its new seq, then the move with its calls and consent again. One of
    // the calls comes twice in the page (in its own right, and after the move): held once.
    await applyPulledPage(
      db,
      page(
        [
          call('call-c', 7),
          lead(8, 'Back'),
          move(9, true),
          call('call-a', 9),
          call('call-b', 9),
          consent('consent-a', 9),
          call('call-c', 9),
        ],
        9,
      ),
      'me',
    );
    expect(await held(db)).toMatchObject({ lead: 'Back', attempts: 3, calls: 3, consents: 1 });
    // The same move's events sent again by a later pull: nothing doubles.
    await applyPulledPage(db, page([move(10, true), call('call-a', 10), consent('consent-a', 10)], 10), 'me');
    expect(await held(db)).toMatchObject({ lead: 'Back', attempts: 3, calls: 3, consents: 1 });
    expect((await held(db)).mappings).toEqual([
      'calls:call-a',
      'calls:call-b',
      'calls:call-c',
      'consents:consent-a',
      'leads:lead-moved01',
      'leads:lead-stays01',
    ]);
    expect((await db.syncState.get('orphans'))?.value ?? []).toEqual([]);
  });

  it('a departure of a lead this device never held changes nothing, and drops the events waiting for it', async () => {
    const db = freshDb();
    await teamModeOn(db);
    await applyPulledPage(db, page([call('call-x', 1)], 1), 'me');
    expect((await db.syncState.get('orphans'))?.value).toHaveLength(1);
    await applyPulledPage(db, page([move(2, false)], 2), 'me');
    expect((await db.syncState.get('orphans'))?.value).toEqual([]);
    expect(await db.syncIds.count()).toBe(0);
    expect(await db.calls.count()).toBe(0);
  });

  it("a removal of a lead that already left with a move drops this device's writes still queued for it", async () => {
    const db = freshDb();
    await teamModeOn(db, 'team_lead');
    await applyPulledPage(db, page([lead(1)], 1), 'me');
    // A call logged here, not yet sent; then the lead moves away, and is erased in its new team.
    const queued = { id: '00000000-0000-4000-8000-000000000001', type: 'call.add' as const, call: { leadId: LEAD } };
    await db.outbox.add({ at: NOW, mutation: queued as never });
    const other = { id: '00000000-0000-4000-8000-000000000002', type: 'call.add' as const, call: { leadId: 'x' } };
    await db.outbox.add({ at: NOW, mutation: other as never });
    await applyPulledPage(db, page([move(2, false)], 2), 'me');
    // Left with the move, the call stays queued (the server takes it: the lead still exists).
    expect((await db.outbox.toArray()).map((r) => r.mutation.id)).toEqual([queued.id, other.id]);
    await applyPulledPage(
      db,
      page([{ seq: 3, kind: 'removal', data: { leadId: LEAD, reason: 'erase', at: NOW } }], 3),
      'me',
    );
    expect((await db.outbox.toArray()).map((r) => r.mutation.id)).toEqual([other.id]);
    expect(await db.leads.count()).toBe(0);
  });
});
