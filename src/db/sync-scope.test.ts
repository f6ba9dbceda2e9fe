/**
 * A user's role or teams changed since the replica's cursor was pulled: the leads out of view
 * leave the device and the pull starts again from 0 (sync-scope-repo.ts); a refusal pulled again
 * is listed once.
 */
import { describe, expect, it } from 'vitest';
import { TEST_TEAM, teamModeOn } from '../testing/team-mode';
import { deleteFreshDatabases, freshDb } from './test-databases';
import { applyPulledPage, type PulledChange } from './repos/sync-pull-repo';
import { rescopeIfChanged } from './repos/sync-scope-repo';
import { getCursor } from './repos/sync-state-repo';

deleteFreshDatabases();
const NOW = Date.UTC(2026, 11, 1, 15);
const OTHER_TEAM = '7d9a3c1e-0000-4000-8000-000000000002';

const lead = (id: string, phoneE164: string, teamId: string, seq: number): PulledChange => ({
  seq,
  kind: 'lead',
  data: { id, teamId, phoneE164, fields: { name: id }, clocks: { name: `${seq}` } },
});
const call = (id: string, leadId: string, seq: number): PulledChange => ({
  seq,
  kind: 'call',
  data: { id, leadId, at: NOW - seq * 60_000, outcome: 'connected', durationSec: 3, agent: 'b' },
});
const page = (changes: PulledChange[], cursor: number) => ({ changes, cursor, more: false });

describe('the scope a cursor was pulled under', () => {
  it('is noted the first time; a change of teams drops the leads out of view and starts the pull again from 0', async () => {
    const db = freshDb();
    await teamModeOn(db, 'agent');
    expect(await rescopeIfChanged(db, { role: 'agent', teamIds: [TEST_TEAM, OTHER_TEAM] })).toBe(false);
    await applyPulledPage(
      db,
      page(
        [
          lead('lead-one', '+15550100041', TEST_TEAM, 1),
          lead('lead-two', '+15550100042', OTHER_TEAM, 2),
          call('call-one', 'lead-one', 3),
          call('call-two', 'lead-two', 4),
        ],
        4,
      ),
      'me',
    );
    // The same teams in another order: nothing to do.
    expect(await rescopeIfChanged(db, { role: 'agent', teamIds: [OTHER_TEAM, TEST_TEAM] })).toBe(false);
    expect(await getCursor(db)).toBe(4);

    // A call waiting for a lead of the other team that has not come yet.
    await applyPulledPage(db, page([call('call-waiting', 'lead-three', 5)], 5), 'me');
    expect((await db.syncState.get('orphans'))?.value).toHaveLength(1);

    // Left the other team: its lead goes with its call; the waiting call too (the pull from 0
    // sends again what is in view); the cursor starts again.
    expect(await rescopeIfChanged(db, { role: 'agent', teamIds: [TEST_TEAM] })).toBe(true);
    expect((await db.leads.toArray()).map((l) => l.name)).toEqual(['lead-one']);
    expect(await db.calls.count()).toBe(1);
    expect(await getCursor(db)).toBe(0);
    expect(await db.syncState.get('orphans')).toBeUndefined();
    expect((await db.syncIds.toArray()).map((m) => m.syncId).sort()).toEqual(['call-one', 'lead-one']);

    // The pull from 0 brings what is in view again: each change held once.
    await applyPulledPage(
      db,
      page([lead('lead-one', '+15550100041', TEST_TEAM, 1), call('call-one', 'lead-one', 3)], 4),
      'me',
    );
    expect(await db.leads.count()).toBe(1);
    expect(await db.calls.count()).toBe(1);

    // Made a manager (every team in view): nothing is dropped, the pull starts again for the rest.
    await applyPulledPage(db, page([], 9), 'me');
    expect(await rescopeIfChanged(db, { role: 'manager', teamIds: [] })).toBe(true);
    expect(await db.leads.count()).toBe(1);
    expect(await getCursor(db)).toBe(0);
    expect(await rescopeIfChanged(db, { role: 'steward', teamIds: [TEST_TEAM] })).toBe(false);
  });

  it('a refusal pulled again (another device of this user) is listed once', async () => {
    const db = freshDb();
    await teamModeOn(db);
    const refusal: PulledChange = {
      seq: 1,
      kind: 'quarantine',
      data: { mutationId: 'm-1', deviceId: 'their-laptop', reason: 'not-permitted', type: 'lead.remove' },
    };
    await applyPulledPage(db, page([refusal], 1), 'me');
    await applyPulledPage(db, page([refusal], 1), 'me');
    expect(await db.syncIssues.count()).toBe(1);
  });
});
