/**
 * Pulled pages applied in bulk mean what they meant one change at a time: after any sequence of
 * random pages (new and held leads merging by stamp, leads deleted here meanwhile, removals, calls
 * and consents arriving before their leads, repeated, or of removed leads, DNC entries, refused
 * mutations, audit entries), every table of the bulk path equals the one-by-one oracle's
 * (src/testing/sync-pull-one-by-one.ts), local ids included; so does the bulk path sparing the
 * look-ups of ids a large pull's filter of held sync ids says are new (held-filter-repo.ts). A
 * new lead called in its own page is written once with its call facts, unless the page also lists
 * a DNC entry (then recounted after).
 */
import Dexie from 'dexie';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { LeadsDb } from '../leads-db';
import { freshDbs } from '../../testing/fresh-dbs';
import { teamModeOn, TEST_TEAM } from '../../testing/team-mode';
import { applyPulledPageOneByOne } from '../../testing/sync-pull-one-by-one';
import { applyPulledPage, type PulledChange } from './sync-pull-repo';
import { SYNC_KEYS } from '../../domain/sync/sync-rows';
import { heldFilterOf, noteHeld, type HeldIds } from './held-filter-repo';

const fresh = freshDbs();
const NOW = Date.UTC(2026, 11, 4, 12);
const LEADS = ['lead-a000001', 'lead-a000002', 'lead-a000003', 'lead-a000004', 'lead-a000005'];
const PHONES = ['+15550100001', '+15550100002', '+15550100003'];
const OTHER_TEAM = '7d9a3c1e-0000-4000-8000-000000000002';

beforeAll(() => {
  // Rows stamped with Date.now() (a refused mutation's `at`, a list's creation) match across the two databases.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterAll(() => vi.useRealTimers());

const stamp = (wall: number, node: string) => `${String(NOW - 10_000 + wall).padStart(13, '0')}-0000-${node}`;

const leadChange = fc
  .record({
    id: fc.constantFrom(...LEADS),
    phone: fc.constantFrom(...PHONES),
    name: fc.option(fc.constantFrom('Ann', 'Bo', 'Cy'), { nil: undefined }),
    company: fc.option(fc.constantFrom('Acme', ''), { nil: undefined }),
    tags: fc.option(fc.subarray(['vip', 'b2b']), { nil: undefined }),
    dncStatus: fc.option(fc.constantFrom('clear', 'listed'), { nil: undefined }),
    // Call facts as another device counted them: a recount here replaces them.
    attempts: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
    lastOutcome: fc.option(fc.constantFrom('no-answer', 'connected'), { nil: undefined }),
    team: fc.constantFrom(TEST_TEAM, OTHER_TEAM),
    wall: fc.integer({ min: 0, max: 4 }),
    node: fc.constantFrom('a', 'b'),
  })
  .map(({ id, phone, team, wall, node, ...values }) => {
    const fields: Record<string, unknown> = {};
    const clocks: Record<string, string> = { teamId: stamp(wall, node) };
    for (const [k, v] of Object.entries(values))
      if (v !== undefined) {
        fields[k] = v;
        clocks[k] = stamp(wall, node);
      }
    return { kind: 'lead', data: { id, teamId: team, phoneE164: phone, fields, clocks } };
  });

const eventChange = fc
  .record({
    kind: fc.constantFrom('call', 'consent'),
    n: fc.integer({ min: 0, max: 7 }),
    leadId: fc.constantFrom(...LEADS, 'lead-never01'),
    outcome: fc.constantFrom('no-answer', 'connected', 'converted'),
    at: fc.integer({ min: 0, max: 9 }),
  })
  .map(({ kind, n, leadId, outcome, at }) => ({
    kind,
    data:
      kind === 'call'
        ? { id: `call-e${n}000000`, leadId, at: NOW - at * 60_000, outcome, durationSec: at, agent: 'x' }
        : {
            id: `cons-e${n}000000`,
            leadId,
            purpose: 'calls',
            kind: 'granted',
            basis: 'consent',
            capturedAt: NOW - at * 60_000,
            method: 'web-form',
            proofRef: `p${n}`,
            capturedBy: 'x',
          },
  }));

const otherChange = fc.oneof(
  fc.constantFrom(...LEADS).map((leadId) => ({ kind: 'removal', data: { leadId, reason: 'delete', at: NOW } })),
  fc.constantFrom(...PHONES).map((phone) => ({
    kind: 'dnc',
    data: { id: `dnc-${phone.slice(-4)}000`, kind: 'request', phoneE164: phone, at: NOW - 1000 },
  })),
  fc.record({ deviceId: fc.constantFrom('this-device', 'other-device'), mutationId: fc.uuid() }).map((data) => ({
    kind: 'quarantine',
    data: { ...data, type: 'call.add', reason: 'invalid', detail: 'x' },
  })),
  fc.integer({ min: 1, max: 3 }).map((orgPosition) => ({ kind: 'audit', data: { orgPosition, orgHash: 'h' } })),
);

type Step = { page: Omit<PulledChange, 'seq'>[] } | { deleteHere: string };
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .array(fc.oneof({ weight: 3, arbitrary: leadChange }, { weight: 4, arbitrary: eventChange }, otherChange), {
        maxLength: 12,
      })
      .map((page) => ({ page })),
  },
  { weight: 1, arbitrary: fc.constantFrom(...LEADS).map((deleteHere) => ({ deleteHere })) },
);

type Apply = typeof applyPulledPage;

const TABLE_OF: Record<string, string> = { lead: 'leads', call: 'calls', consent: 'consents' };

/**
 * The bulk path as a large pull runs it (pull-loop.ts): a filter of the held sync ids built
 * before the second page (from the rows the first wrote), and told each page applied. `asked`
 * counts the ids it let be looked up and the ids it spared.
 */
function withHeldFilter(asked: { maybe: number; spared: number }): Apply {
  let pages = 0;
  let filter: HeldIds | null = null;
  return async (db, page, deviceId) => {
    if (++pages === 2) filter = await heldFilterOf(db);
    if (filter)
      for (const c of page.changes) {
        const table = TABLE_OF[c.kind];
        if (table) asked[filter.filter.mayHold(table, String(c.data.id)) ? 'maybe' : 'spared']++;
      }
    await applyPulledPage(db, page, deviceId, undefined, filter ?? undefined);
    if (filter) noteHeld(filter, page);
  };
}

/** A lead row deleted here without telling the team (its sync id row stays): the "mapping whose row is gone" case. */
async function deleteHere(db: LeadsDb, syncId: string): Promise<void> {
  const held = await db.syncIds.where('[table+syncId]').equals(['leads', syncId]).first();
  if (typeof held?.localId !== 'number' || held.removed) return;
  await db.transaction('rw', db.leads, db.syncState, async () => {
    await db.syncState.put({ key: SYNC_KEYS.cursor, value: (await db.syncState.get(SYNC_KEYS.cursor))?.value ?? 0 });
    await db.leads.delete(held.localId as number);
  });
}

async function run(apply: Apply, steps: readonly Step[]): Promise<unknown> {
  const db = fresh();
  await teamModeOn(db);
  let seq = 0;
  for (const s of steps) {
    if ('deleteHere' in s) await deleteHere(db, s.deleteHere);
    else {
      const changes = s.page.map((c) => ({ ...c, seq: ++seq }));
      await apply(db, { changes, cursor: seq, more: false }, 'this-device');
    }
  }
  return {
    leads: await db.leads.toArray(),
    calls: await db.calls.toArray(),
    consents: await db.consents.toArray(),
    syncIds: await db.syncIds.toArray(),
    // The device id is random per database, and so is a filter's mark.
    syncState: (await db.syncState.toArray()).filter((r) => r.key !== SYNC_KEYS.device && r.key !== SYNC_KEYS.heldMark),
    syncIssues: await db.syncIssues.toArray(),
    dncEntries: await db.dncEntries.toArray(),
    dncLists: await db.dncLists.toArray(),
    outbox: await db.outbox.count(),
  };
}

describe('a pulled page applied in bulk', () => {
  it('leaves every table as applying it one change at a time does', async () => {
    const seen = {
      bulkLeads: 0,
      merged: 0,
      orphaned: 0,
      adopted: 0,
      repeatedEvent: 0,
      fallback: 0,
      removed: 0,
      calledWithLead: 0,
      calledWithLeadAndDnc: 0,
    };
    const asked = { maybe: 0, spared: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 5 }), async (steps) => {
        const bulk = (await run(applyPulledPage, steps)) as Awaited<ReturnType<typeof run>> & Record<string, unknown[]>;
        const oneByOne = await run(applyPulledPageOneByOne, steps);
        expect(bulk).toEqual(oneByOne);
        expect(await run(withHeldFilter(asked), steps)).toEqual(oneByOne);
        // What the runs went through (anti-vacuity, checked below).
        const pages = steps.flatMap((s) => ('page' in s ? [s.page] : []));
        const leadIdsOf = (p: (typeof pages)[number]) => p.filter((c) => c.kind === 'lead').map((c) => c.data.id);
        for (const [i, p] of pages.entries()) {
          const ids = leadIdsOf(p);
          const removals = new Set(p.filter((c) => c.kind === 'removal').map((c) => c.data.leadId));
          if (new Set(ids).size !== ids.length || ids.some((id) => removals.has(id))) seen.fallback++;
          else if (ids.length) seen.bulkLeads++;
          if (ids.some((id) => pages.slice(0, i).some((q) => leadIdsOf(q).includes(id)))) seen.merged++;
          if (removals.size) seen.removed++;
          const events = p.filter((c) => c.kind === 'call' || c.kind === 'consent').map((c) => c.data.id);
          if (new Set(events).size < events.length) seen.repeatedEvent++;
          const arrived = new Set(pages.slice(0, i + 1).flatMap(leadIdsOf));
          if (p.some((c) => (c.kind === 'call' || c.kind === 'consent') && !arrived.has(c.data.leadId as string)))
            seen.orphaned++;
          if (p.some((c) => c.kind === 'call' && ids.includes(c.data.leadId as string)))
            seen[p.some((c) => c.kind === 'dnc') ? 'calledWithLeadAndDnc' : 'calledWithLead']++;
        }
        if (steps.some((s) => 'deleteHere' in s)) seen.adopted++;
      }),
      { numRuns: 200 },
    );
    for (const [what, n] of Object.entries({ ...seen, ...asked })) expect(n, what).toBeGreaterThan(3);
  }, 120_000);
});

describe('a pulled page written with queued writes', () => {
  const lead = (id: string, phone: string) => ({
    kind: 'lead',
    data: { id, teamId: TEST_TEAM, phoneE164: phone, fields: { name: 'Ann' }, clocks: { name: stamp(1, 'a') } },
  });
  const ownRefusal = (n: number) => ({
    kind: 'quarantine',
    data: {
      deviceId: 'this-device',
      mutationId: `00000000-0000-4000-8000-00000000000${n}`,
      type: 'call.add',
      reason: 'x',
    },
  });

  it('stays in its transaction after the writes settle, through this device’s own refusals, to the last row', async () => {
    const db = fresh();
    await teamModeOn(db);
    const call = (n: number) => ({
      kind: 'call',
      data: {
        id: `call-q000000${n}`,
        leadId: 'lead-q000001',
        at: NOW,
        outcome: 'connected',
        durationSec: 5,
        agent: 'x',
      },
    });
    const pages = [
      [lead('lead-q000001', PHONES[0]!), call(1)],
      // The lead again (merged: its writes queued, no new row to wait for), a call, then refusals.
      [ownRefusal(1), lead('lead-q000001', PHONES[0]!), call(2), ownRefusal(2), ownRefusal(3)],
    ];
    let seq = 0;
    for (const page of pages) {
      const changes = page.map((c) => ({ ...c, seq: ++seq }));
      await applyPulledPage(db, { changes, cursor: seq, more: false }, 'this-device');
    }
    expect(await db.leads.count()).toBe(1);
    expect((await db.leads.toArray())[0]).toMatchObject({ attempts: 2 });
    expect(await db.calls.count()).toBe(2);
    expect(await db.syncIds.count()).toBe(3);
    expect((await db.syncState.get(SYNC_KEYS.cursor))?.value).toBe(seq);
  });

  it('leaves nothing of the page when a queued write fails', async () => {
    const db = fresh();
    await teamModeOn(db);
    await applyPulledPage(
      db,
      { changes: [{ ...lead('lead-q000002', PHONES[1]!), seq: 1 }], cursor: 1, more: false },
      'this-device',
    );
    const before = {
      leads: await db.leads.toArray(),
      syncIds: await db.syncIds.toArray(),
      state: await db.syncState.toArray(),
    };
    // A call whose lead is held: its sync id row is queued; a sync id row's key taken by a bad row makes it fail.
    const bad = vi
      .spyOn(db.syncIds, 'bulkPut')
      .mockImplementation(() => Dexie.Promise.reject(new Error('disk full')) as never);
    const changes = [
      lead('lead-q000003', PHONES[2]!),
      {
        kind: 'call',
        data: {
          id: 'call-q0000002',
          leadId: 'lead-q000002',
          at: NOW,
          outcome: 'connected',
          durationSec: 5,
          agent: 'x',
        },
      },
    ].map((c, i) => ({ ...c, seq: i + 2 }));
    await expect(applyPulledPage(db, { changes, cursor: 3, more: false }, 'this-device')).rejects.toThrow('disk full');
    bad.mockRestore();
    expect({
      leads: await db.leads.toArray(),
      syncIds: await db.syncIds.toArray(),
      state: await db.syncState.toArray(),
    }).toEqual(before);
  });
});
