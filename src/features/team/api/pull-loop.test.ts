/**
 * The pull follows the scope each page says it was read under (the token that asked for it), not
 * the team config every tab shares; and a page is applied only over the cursor and scope it was
 * asked under. Against a stubbed server whose answers depend on the cursor asked and the teams of
 * the token (two tabs of one replica, each with a token of its own).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LeadsDb } from '../../../db/leads-db';
import { deleteFreshDatabases, freshDb } from '../../../db/test-databases';
import { applyPulledPage, notedScope, PullRaced, type PulledChange } from '../../../db/repos/sync-pull-repo';
import { rescopeIfChanged } from '../../../db/repos/sync-scope-repo';
import { getCursor } from '../../../db/repos/sync-state-repo';
import { orgChainKey } from '../../../db/repos/org-chain-repo';
import { TEST_TEAM, teamModeOn } from '../../../testing/team-mode';
import { pullToEnd } from './pull-loop';

deleteFreshDatabases();
afterEach(() => vi.unstubAllGlobals());

const OTHER_TEAM = '7d9a3c1e-0000-4000-8000-000000000002';
const NOW = Date.UTC(2026, 11, 1, 15);
const SERVER = 'http://127.0.0.1:4361';

const lead = (id: string, teamId: string, seq: number): PulledChange => ({
  seq,
  kind: 'lead',
  data: { id, teamId, phoneE164: `+1555010${String(seq).padStart(4, '0')}`, fields: { name: id }, clocks: {} },
});
const call = (id: string, leadId: string, seq: number): PulledChange => ({
  seq,
  kind: 'call',
  data: { id, leadId, at: NOW - seq * 60_000, outcome: 'connected', durationSec: 3, agent: 'b' },
});

/** The organisation: two teams' leads, each with a call. A token names its teams ("tok:<team>,<team>"). */
const CHANGES = [
  lead('lead-one', TEST_TEAM, 1),
  lead('lead-two', OTHER_TEAM, 2),
  call('call-one', 'lead-one', 3),
  call('call-two', 'lead-two', 4),
];
const teamOf = (c: PulledChange) =>
  c.kind === 'lead'
    ? c.data.teamId
    : CHANGES.find((l) => l.kind === 'lead' && l.data.id === c.data.leadId)!.data.teamId;

/** Serves pages of two changes after the cursor asked, of the teams the token names; `onAsk` runs before each answer. */
function stubServer(onAsk: (cursor: number) => Promise<void> | void = () => undefined) {
  const asked: number[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      const cursor = Number(new URL(url).searchParams.get('cursor'));
      asked.push(cursor);
      await onAsk(cursor);
      const teams = String(new Headers(init.headers).get('authorization')).replace('Bearer tok:', '').split(',');
      const after = CHANGES.filter((c) => c.seq > cursor && teams.includes(String(teamOf(c))));
      const changes = after.slice(0, 2);
      const answer = {
        changes,
        cursor: changes.length ? changes.at(-1)!.seq : cursor,
        more: after.length > 2,
        scope: { role: 'agent', teamIds: teams },
      };
      return new Response(JSON.stringify(answer));
    }),
  );
  return asked;
}

const tokenFor = (teams: string[]) => async () => `tok:${teams.join(',')}`;
const names = async (db: LeadsDb) => (await db.leads.toArray()).map((l) => l.name).sort();

describe('the pull and the scope its pages were read under', () => {
  it("notes the pages' scope, not the team config's, and a page read under other teams starts it again from 0", async () => {
    const db = freshDb();
    // The config (shared by every tab) says one team; this tab's token still reads two.
    await teamModeOn(db, 'agent');
    stubServer();
    const both = { role: 'agent', teamIds: [TEST_TEAM] };
    await pullToEnd(db, SERVER, tokenFor([TEST_TEAM, OTHER_TEAM]), 'me', both);
    expect(await names(db)).toEqual(['lead-one', 'lead-two']);
    expect(await db.calls.count()).toBe(2);
    expect(await notedScope(db)).toEqual({ orgWide: false, teamIds: [OTHER_TEAM, TEST_TEAM].sort() });
    expect(await getCursor(db)).toBe(4);

    // The next round's token reads one team: the other team's lead and its call leave, and the
    // pull starts again from 0 under the new scope.
    const asked = stubServer();
    const times = await pullToEnd(db, SERVER, tokenFor([TEST_TEAM]), 'me', both);
    expect(asked[0]).toBe(4);
    expect(asked).toContain(0);
    expect(times.restarts).toBe(1);
    expect(await names(db)).toEqual(['lead-one']);
    expect((await db.calls.toArray()).map((c) => c.leadId)).toHaveLength(1);
    expect(await notedScope(db)).toEqual({ orgWide: false, teamIds: [TEST_TEAM] });
  });

  it('a page whose cursor another tab moved meanwhile is not applied; the pull goes on from the stored cursor', async () => {
    const db = freshDb();
    await teamModeOn(db, 'agent');
    await rescopeIfChanged(db, { role: 'agent', teamIds: [TEST_TEAM, OTHER_TEAM] });
    let moved = false;
    // While the second page is fetched, another tab (its token reads one team) rescopes the replica.
    const asked = stubServer(async (cursor) => {
      if (cursor === 2 && !moved) {
        moved = true;
        await rescopeIfChanged(db, { role: 'agent', teamIds: [TEST_TEAM] });
      }
    });
    const times = await pullToEnd(db, SERVER, tokenFor([TEST_TEAM, OTHER_TEAM]), 'me', {
      role: 'agent',
      teamIds: [TEST_TEAM],
    });
    expect(moved).toBe(true);
    expect(times.restarts).toBeGreaterThanOrEqual(1);
    // The other tab's rescope dropped lead-two; this tab's pages (two teams) rescoped back and
    // pulled from 0 again, so nothing was skipped: every lead and call of its scope is held once.
    expect(asked.filter((c) => c === 0).length).toBeGreaterThanOrEqual(2);
    expect(await names(db)).toEqual(['lead-one', 'lead-two']);
    expect(await db.calls.count()).toBe(2);
    expect(await getCursor(db)).toBe(4);
  });

  it('a page asked over a cursor or a scope no longer stored is refused whole', async () => {
    const db = freshDb();
    await teamModeOn(db, 'agent');
    await rescopeIfChanged(db, { role: 'agent', teamIds: [TEST_TEAM] });
    const page = { changes: [lead('lead-one', TEST_TEAM, 1)], cursor: 1, more: false };
    const scope = { orgWide: false, teamIds: [TEST_TEAM] };
    await expect(applyPulledPage(db, page, 'me', { from: 7, scope })).rejects.toBeInstanceOf(PullRaced);
    await expect(
      applyPulledPage(db, page, 'me', { from: 0, scope: { orgWide: false, teamIds: [OTHER_TEAM] } }),
    ).rejects.toBeInstanceOf(PullRaced);
    expect(await db.leads.count()).toBe(0);
    expect(await getCursor(db)).toBe(0);
    await applyPulledPage(db, page, 'me', { from: 0, scope });
    expect(await names(db)).toEqual(['lead-one']);
  });

  it("a steward made a team lead keeps neither the organisation's audit chain nor other authors' refusals", async () => {
    const db = freshDb();
    await teamModeOn(db, 'steward');
    await rescopeIfChanged(db, { role: 'steward', teamIds: [] });
    await db.syncState.put({ key: orgChainKey(1), value: { orgPosition: 1, entry: { after: { name: 'Ann' } } } });
    await db.syncIssues.add({ at: NOW, kind: 'quarantine', mutationId: 'm-1', reason: 'not-permitted' });
    await db.syncIssues.add({ at: NOW, kind: 'conflict', mutationId: 'm-2', field: 'name' });
    expect(await rescopeIfChanged(db, { role: 'team_lead', teamIds: [TEST_TEAM] })).toBe(true);
    expect(await db.syncState.get(orgChainKey(1))).toBeUndefined();
    expect((await db.syncIssues.toArray()).map((i) => i.kind)).toEqual(['conflict']);
  });
});
