/**
 * A large pull's filter of held sync ids (held-filter-repo.ts, decision 065) spares look-ups and
 * changes nothing else: a replica that pulls with it holds what one that pulls without holds. A
 * lead created here and pushed comes back merged into its own row, not as a second one, and its
 * call arriving a page before it waits for it; a lead this device removed stays removed; and a
 * restore in the middle of the pull (its rows unknown to the filter) sends the filter to be built again.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { LeadsDb } from '../../../db/leads-db';
import { deleteFreshDatabases, freshDb } from '../../../db/test-databases';
import type { PulledChange } from '../../../db/repos/sync-pull-repo';
import { createLead } from '../../../db/repos/leads-repo';
import { heldFilterOf } from '../../../db/repos/held-filter-repo';
import { sampleNewLead } from '../../../testing/new-lead-fixture';
import { TEST_TEAM, teamModeOn } from '../../../testing/team-mode';
import { pullToEnd } from './pull-loop';
import { SYNC_KEYS } from '../../../domain/sync/sync-rows';
import { wireFields } from '../../../domain/sync/lead-diff';
import type { Lead } from '../../../domain/leads/lead';

deleteFreshDatabases();
const NOW = Date.UTC(2026, 11, 7, 10);
beforeAll(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterAll(() => vi.useRealTimers());
afterEach(() => vi.unstubAllGlobals());

const SERVER = 'http://127.0.0.1:4361';
const SCOPE = { role: 'steward', teamIds: [TEST_TEAM] };
const LATER = `${NOW + 60_000}-0000-other-device`;

const lead = (id: string, name: string): Omit<PulledChange, 'seq'> => ({
  kind: 'lead',
  data: {
    id,
    teamId: TEST_TEAM,
    phoneE164: `+1555${String(id.length * 7919 + name.length).padStart(7, '0')}`,
    fields: { name },
    clocks: { name: LATER, teamId: LATER },
  },
});
const call = (id: string, leadId: string): Omit<PulledChange, 'seq'> => ({
  kind: 'call',
  data: { id, leadId, at: NOW - 60_000, outcome: 'connected', durationSec: 30, agent: 'b' },
});

/** Serves `changes` in pages of two after the cursor asked; `onAsk` runs before each answer. */
function stubServer(changes: Omit<PulledChange, 'seq'>[], onAsk: (cursor: number) => Promise<void> = async () => {}) {
  const all = changes.map((c, i) => ({ ...c, seq: i + 1 }));
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      const cursor = Number(new URL(url).searchParams.get('cursor'));
      await onAsk(cursor);
      const after = all.filter((c) => c.seq > cursor);
      const page = after.slice(0, 2);
      return new Response(
        JSON.stringify({
          changes: page,
          cursor: page.length ? page.at(-1)!.seq : cursor,
          more: after.length > 2,
          scope: SCOPE,
        }),
      );
    }),
  );
}

/**
 * A replica with a lead created here (its sync id minted and pushed: the server sends it back
 * renamed) and one created and deleted here; then a pull of ten pages.
 */
async function pulled(exclusive: boolean) {
  const db = freshDb();
  await teamModeOn(db, 'steward');
  const own = await createLead(db, sampleNewLead(NOW, { name: 'Made here' }), NOW);
  const gone = await createLead(db, sampleNewLead(NOW, { name: 'Deleted here', phoneE164: '+12133734254' }), NOW);
  await db.leads.delete(gone.id);
  const syncIdOf = async (localId: number) => (await db.syncIds.get(['leads', localId]))!.syncId;
  const ownId = await syncIdOf(own.id);
  const goneId = await syncIdOf(gone.id);
  const news = Array.from({ length: 8 }, (_, i) => `new-lead-${i}`);
  stubServer([
    ...news.slice(0, 4).flatMap((id) => [call(`call-${id}`, id), lead(id, `Pulled ${id}`)]),
    // The own lead's call a page before the lead; the removed one's change is not taken again.
    call('call-own', ownId),
    lead(goneId, 'Back again'),
    lead(ownId, 'Renamed elsewhere'),
    ...news.slice(4).flatMap((id) => [lead(id, `Pulled ${id}`), call(`call-${id}`, id)]),
  ]);
  const times = await pullToEnd(db, SERVER, async () => 'tok', 'this-device', SCOPE, undefined, { exclusive });
  return { db, times, own: own.id, ownId };
}

const tables = async (db: LeadsDb) => ({
  leads: await db.leads.toArray(),
  calls: (await db.calls.toArray()).map(({ id: _id, ...c }) => c),
  syncIds: (await db.syncIds.toArray()).map(({ syncId, ...r }) => ({ ...r, ours: !syncId.startsWith('new-') })),
});

describe('a large pull with a filter of the sync ids held', () => {
  it('ends as a pull without it, the lead made here merged into its row and the removed one kept out', async () => {
    const withFilter = await pulled(true);
    const without = await pulled(false);
    expect(withFilter.times.heldFilter).toBe(true);
    expect(without.times.heldFilter).toBe(false);
    expect(withFilter.times.pages).toBeGreaterThan(5);

    const leads = await withFilter.db.leads.toArray();
    expect(leads.map((l) => l.name).sort()).toEqual([
      ...Array.from({ length: 8 }, (_, i) => `Pulled new-lead-${i}`),
      'Renamed elsewhere',
    ]);
    const own = leads.find((l) => l.id === withFilter.own)!;
    expect(own.name).toBe('Renamed elsewhere');
    // The call that came a page before its lead is the lead's.
    expect(await withFilter.db.calls.where('leadId').equals(withFilter.own).count()).toBe(1);
    expect(await withFilter.db.calls.count()).toBe(9);
    expect(await withFilter.db.syncIds.where('[table+syncId]').equals(['leads', withFilter.ownId]).count()).toBe(1);

    const a = await tables(withFilter.db);
    const b = await tables(without.db);
    expect(a.leads.map(({ name, attempts, id }) => ({ name, attempts, id }))).toEqual(
      b.leads.map(({ name, attempts, id }) => ({ name, attempts, id })),
    );
    expect(a.calls.map((c) => c.leadId)).toEqual(b.calls.map((c) => c.leadId));
    expect(a.syncIds.map(({ clocks: _c, wire: _w, ...r }) => r)).toEqual(
      b.syncIds.map(({ clocks: _c, wire: _w, ...r }) => r),
    );
  });

  it.each([
    ['to an earlier cursor', true],
    ['at the cursor the pull had reached', false],
  ])('takes a restore mid-pull (%s): a lead it brought back is merged into, not added again', async (_, earlier) => {
    const db = freshDb();
    await teamModeOn(db, 'steward');
    const news = Array.from({ length: 8 }, (_, i) => `new-lead-${i}`);
    let restoredId = 0;
    stubServer(
      news.map((id) => lead(id, `Pulled ${id}`)),
      async (cursor) => {
        if (cursor !== 4 || restoredId) return;
        // As a restore of a backup holding new-lead-6 (replacing syncState: the filter's mark is gone).
        await db.transaction('rw', db.leads, db.syncIds, db.syncState, async () => {
          const at = (await db.syncState.get(SYNC_KEYS.cursor))!.value as number;
          await db.syncState.put({ key: SYNC_KEYS.cursor, value: earlier ? 0 : at });
          await db.syncState.delete(SYNC_KEYS.heldMark);
          const row = {
            ...sampleNewLead(NOW, { name: 'Restored', phoneE164: '+12133734259' }),
            createdAt: NOW,
            updatedAt: NOW,
            attempts: 0,
            dncStatus: 'unchecked',
            dncCheckedVersions: [],
          } as unknown as Lead;
          restoredId = (await db.leads.add(row)) as number;
          await db.syncIds.put({
            table: 'leads',
            localId: restoredId,
            syncId: 'new-lead-6',
            clocks: {},
            team: { value: TEST_TEAM, hlc: '' },
            wire: wireFields({ ...row, id: restoredId }),
          });
        });
      },
    );
    const times = await pullToEnd(db, SERVER, async () => 'tok', 'this-device', SCOPE, undefined, { exclusive: true });
    expect(restoredId).toBeGreaterThan(0);
    expect(times.heldFilter).toBe(true);
    expect(times.restarts).toBeGreaterThan(0);
    expect(await db.syncIds.where('[table+syncId]').equals(['leads', 'new-lead-6']).count()).toBe(1);
    expect((await db.leads.get(restoredId))?.name).toBe('Pulled new-lead-6');
    expect(await db.leads.count()).toBe(8);
  });

  it('is not kept by a replica holding more sync ids than it reads, nor by a pull of one page', async () => {
    const db = freshDb();
    await teamModeOn(db, 'steward');
    for (let i = 0; i < 3; i++) await createLead(db, sampleNewLead(NOW, { phoneE164: `+1213373425${i}` }), NOW);
    expect(await heldFilterOf(db, 2)).toBeNull();
    const filter = await heldFilterOf(db, 3);
    const held = await db.syncIds.toArray();
    expect(held).toHaveLength(3);
    for (const r of held) expect(filter!.filter.mayHold(r.table, r.syncId)).toBe(true);

    stubServer([lead('new-lead-a', 'Alone')]);
    const times = await pullToEnd(db, SERVER, async () => 'tok', 'this-device', SCOPE, undefined, { exclusive: true });
    expect(times.heldFilter).toBe(false);
    expect(await db.leads.count()).toBe(4);
  });
});
