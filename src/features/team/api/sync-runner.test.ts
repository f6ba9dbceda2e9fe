// @vitest-environment jsdom
/**
 * One sync round against a stubbed server (the real one: e2e/team-sync.spec.ts), the sync
 * worker's part across a Comlink channel as in the browser: the outbox goes
 * out oldest first in batches of at most 500, acknowledged mutations leave it, deferred ones
 * stay, quarantined ones become issues with their reason; pages are pulled after the stored
 * cursor until there is no more; offline, nothing is lost and the error is recorded.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LeadsDb } from '../../../db/leads-db';
import { deleteFreshDatabases, freshDb } from '../../../db/test-databases';
import { enableTeamMode, getCursor, getSyncStatus, getTeamConfig } from '../../../db/repos/sync-state-repo';
import { setTeamSession } from './team-session';
import { failedRounds, syncNow } from './sync-runner';
import * as Comlink from 'comlink';
import { comlinkPairs } from '../../../testing/comlink-pair';
import { createSyncApi, type TokenSource } from './sync-round';

const h = vi.hoisted(() => ({ db: null as unknown, workerFails: false }));
vi.mock('../../../db/leads-db', async (original) => ({ ...(await original<object>()), getDb: () => h.db }));
// The round runs in the sync worker: here its code, in-process, across a real Comlink channel (the token asked of the page).
const pair = comlinkPairs();
vi.mock('./sync-worker', () => ({
  roundInWorker: (token: TokenSource) =>
    h.workerFails
      ? Promise.reject(new Error('the sync worker failed'))
      : pair(createSyncApi(h.db as LeadsDb)).round(Comlink.proxy(token)),
}));

deleteFreshDatabases();
afterEach(() => {
  h.workerFails = false;
  vi.unstubAllGlobals();
  setTeamSession(null);
});

async function signedIn(): Promise<LeadsDb> {
  const db = freshDb();
  h.db = db;
  await enableTeamMode(db, {
    serverUrl: 'https://team.example.test',
    email: 'a@example.test',
    userId: 'u',
    orgId: 'o',
    role: 'agent',
    teamIds: ['t'],
  });
  await db.outbox.clear();
  setTeamSession({ token: 'tok', expiresAt: Date.now() + 900_000 });
  return db;
}

const mutation = (i: number) => ({
  at: 0,
  mutation: { id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, type: 'call.add' as const },
});

describe('a sync round', () => {
  it('pushes in batches of at most 500, keeps what is deferred, records what was refused, pulls to the end', async () => {
    const db = await signedIn();
    await db.outbox.bulkAdd(Array.from({ length: 620 }, (_, i) => mutation(i)));
    const batches: number[] = [];
    const cursors: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init: RequestInit) => {
        if (url.includes('/push')) {
          const { mutations } = JSON.parse(String(init.body)) as { mutations: { id: string }[] };
          batches.push(mutations.length);
          const results = mutations.map((m, i) =>
            m.id === mutation(0).mutation.id
              ? { id: m.id, status: 'deferred', reason: 'chain-gap' }
              : i === 1 && batches.length === 1
                ? { id: m.id, status: 'quarantined', reason: 'unknown-reference' }
                : { id: m.id, status: 'applied' },
          );
          return new Response(JSON.stringify({ results }));
        }
        const cursor = new URL(url).searchParams.get('cursor')!;
        cursors.push(cursor);
        const more = cursor === '0';
        return new Response(JSON.stringify({ changes: [], cursor: more ? 40 : 41, more }));
      }),
    );
    expect(await syncNow()).toBe(true);
    expect(Math.max(...batches)).toBeLessThanOrEqual(500);
    expect(batches).toEqual([500, 121, 1]);
    // The deferred one is first in every later batch, until only it is left.
    expect(await db.outbox.count()).toBe(1);
    const issues = await db.syncIssues.toArray();
    expect(issues).toMatchObject([{ kind: 'quarantine', reason: 'unknown-reference' }]);
    expect(cursors).toEqual(['0', '40']);
    expect(await getCursor(db)).toBe(41);
    expect((await getSyncStatus(db)).lastSyncedAt).toBeGreaterThan(0);
  });

  it('offline: the outbox and the cursor are untouched and the status says offline', async () => {
    const db = await signedIn();
    await db.outbox.bulkAdd([mutation(1), mutation(2)]);
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    expect(await syncNow()).toBe(false);
    expect(await db.outbox.count()).toBe(2);
    expect(await getCursor(db)).toBe(0);
    expect((await getSyncStatus(db)).error).toBe('offline');
  });

  it('an expired session is not sent at all: the user is asked to sign in again', async () => {
    const db = await signedIn();
    setTeamSession({ token: 'old', expiresAt: Date.now() - 1 });
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    expect(await syncNow()).toBe(false);
    expect(fetch).not.toHaveBeenCalled();
    expect((await getSyncStatus(db)).error).toBe('session-expired');
    expect(sessionStorage.getItem('leadledger.team-session')).toBeNull();
  });

  it('a token near its end is exchanged for a new one before the next request (with the role and teams it answers), and the round goes on with it', async () => {
    const db = await signedIn();
    await db.outbox.bulkAdd([mutation(1)]);
    setTeamSession({ token: 'old', expiresAt: Date.now() + 60_000 });
    const seen: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init: RequestInit) => {
        const headers = new Headers(init.headers);
        seen.push(`${new URL(url).pathname} ${headers.get('authorization')}`);
        // The server refuses an empty body that claims to be JSON.
        if (init.body === undefined) expect(headers.get('content-type')).toBeNull();
        if (url.endsWith('/auth/refresh'))
          return new Response(
            JSON.stringify({
              token: 'new',
              expiresInSec: 900,
              // Promoted and given a second team since the sign-in.
              user: { orgId: 'o', userId: 'u', role: 'team_lead', teamIds: ['t', 't2'] },
            }),
          );
        if (url.includes('/push')) {
          const { mutations } = JSON.parse(String(init.body)) as { mutations: { id: string }[] };
          return new Response(JSON.stringify({ results: mutations.map((m) => ({ id: m.id, status: 'applied' })) }));
        }
        return new Response(JSON.stringify({ changes: [], cursor: 7, more: false }));
      }),
    );
    expect(await syncNow()).toBe(true);
    expect(seen).toEqual(['/auth/refresh Bearer old', '/push Bearer new', '/pull Bearer new']);
    expect(JSON.parse(sessionStorage.getItem('leadledger.team-session')!)).toMatchObject({ token: 'new' });
    expect(await getTeamConfig(db)).toMatchObject({ enabled: true, role: 'team_lead', teamIds: ['t', 't2'] });
    expect((await getSyncStatus(db)).error).toBeUndefined();
  });

  it('a refused refresh (the session ended on the server) asks for the sign-in again and sends nothing', async () => {
    const db = await signedIn();
    await db.outbox.bulkAdd([mutation(1)]);
    setTeamSession({ token: 'old', expiresAt: Date.now() + 60_000 });
    const fetch = vi.fn(async (url: string) =>
      url.endsWith('/auth/refresh')
        ? new Response(JSON.stringify({ error: 'unauthorized', message: 'session ended' }), { status: 401 })
        : new Response('{}', { status: 500 }),
    );
    vi.stubGlobal('fetch', fetch);
    expect(await syncNow()).toBe(false);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(await db.outbox.count()).toBe(1);
    expect((await getSyncStatus(db)).error).toBe('session-expired');
    expect(sessionStorage.getItem('leadledger.team-session')).toBeNull();
  });

  it('a change queued while a round pulls is sent by one more round after it', async () => {
    const db = await signedIn();
    await db.outbox.bulkAdd([mutation(1)]);
    const pushed: string[][] = [];
    let releasePull!: () => void;
    const pullGate = new Promise<void>((resolve) => (releasePull = resolve));
    let pulling!: () => void;
    const pullStarted = new Promise<void>((resolve) => (pulling = resolve));
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init: RequestInit) => {
        if (url.includes('/push')) {
          const { mutations } = JSON.parse(String(init.body)) as { mutations: { id: string }[] };
          pushed.push(mutations.map((m) => m.id));
          return new Response(JSON.stringify({ results: mutations.map((m) => ({ id: m.id, status: 'applied' })) }));
        }
        pulling();
        await pullGate;
        return new Response(JSON.stringify({ changes: [], cursor: 0, more: false }));
      }),
    );
    const first = syncNow();
    await pullStarted;
    // The first round has pushed and is pulling: a change now is not in its push.
    await db.outbox.bulkAdd([mutation(2)]);
    void syncNow();
    releasePull();
    await first;
    await vi.waitFor(async () => expect(await db.outbox.count()).toBe(0));
    expect(pushed).toEqual([[mutation(1).mutation.id], [mutation(2).mutation.id]]);
  });

  it('a sync worker that fails fails the round: the outbox stays, the status says so, and the back-off counts it', async () => {
    const db = await signedIn();
    await db.outbox.bulkAdd([mutation(1)]);
    h.workerFails = true;
    const before = failedRounds();
    expect(await syncNow()).toBe(false);
    expect(failedRounds()).toBe(before + 1);
    expect(await db.outbox.count()).toBe(1);
    expect((await getSyncStatus(db)).error).toBe('server');
  });

  it('a round whose database fails answers a failed outcome (it does not reject: the worker stays usable)', async () => {
    const db = await signedIn();
    db.close();
    const token = vi.fn(async () => 'tok');
    expect(await createSyncApi(db).round(token)).toEqual({ ok: false, error: 'server' });
    expect(token).not.toHaveBeenCalled();
  });
});
