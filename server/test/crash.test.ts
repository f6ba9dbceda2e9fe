/**
 * Kill the server mid-push: a real server process is SIGKILLed while a batch is in flight and started
 * again; the client retries each batch until it is acknowledged. Nothing is lost, nothing is applied twice.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { withSession } from '../src/db/session';
import { callAdd, JWT_SECRET, makeOrg, tokenFor, type TestDb, withTestServer } from './helpers';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

let db: TestDb;
let app: FastifyInstance;
withTestServer((d, a) => {
  db = d;
  app = a;
});

const children = new Set<ChildProcess>();
afterAll(() => children.forEach((c) => c.kill('SIGKILL')));

interface Running {
  child: ChildProcess;
  url: string;
}

function startServer(): Promise<Running> {
  // One process (node with tsx's loader), so SIGKILL hits the server itself, not a wrapper.
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: inject('apiUrl'),
      MIGRATION_DATABASE_URL: inject('ownerUrl'),
      JWT_SECRET,
      PORT: '0',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const found = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (found) resolve({ child, url: found[1]! });
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before listening`)));
  });
}

/** Polls pg_locks until the push's advisory lock is granted (true) or the request has finished first (false). */
async function insidePush(request: Promise<unknown>): Promise<boolean> {
  let finished = false;
  void request.then(() => (finished = true));
  while (!finished) {
    const { rowCount } = await db.owner.query(
      "SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND classid = 4361 AND granted",
    );
    if (rowCount) return true;
  }
  return false;
}

const killed = (child: ChildProcess): Promise<void> =>
  new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });

describe('server killed mid-push', () => {
  it('loses nothing and applies nothing twice when the client retries until acknowledged', async () => {
    const org = await makeOrg(db);
    const token = tokenFor(app, org.steward);
    const batches = Array.from({ length: 10 }, () => Array.from({ length: 60 }, () => callAdd('lead-k0000001')));
    let server = await startServer();
    let restarts = 0;
    let attempts = 0;

    for (const [i, batch] of batches.entries()) {
      for (;;) {
        attempts += 1;
        const request = fetch(`${server.url}/push`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ deviceId: 'crash-client', mutations: batch }),
        }).catch(() => undefined);
        // Mid-push: once the server holds the organisation's push lock (inside the batch's transaction), kill it.
        if (i >= 4 && restarts === 0 && (await insidePush(request))) {
          await killed(server.child);
          restarts += 1;
          await request;
          server = await startServer();
          continue;
        }
        const res = await request;
        if (res?.ok) {
          const { results } = (await res.json()) as { results: { status: string }[] };
          expect(results.every((r) => r.status === 'applied')).toBe(true);
          break;
        }
      }
    }
    await killed(server.child);

    const pushed = batches.flat().map((m) => m.call.id);
    const { rows } = await withSession(db.api, org.steward, (c) =>
      c.query<{ id: string }>('SELECT id FROM calls WHERE org_id = app_org_id()'),
    );
    expect(restarts).toBe(1);
    expect(attempts).toBeGreaterThanOrEqual(batches.length + 1);
    expect(rows.map((r) => r.id).sort()).toEqual([...pushed].sort());
    const mutations = await withSession(db.api, org.steward, (c) =>
      c.query<{ n: number }>('SELECT count(*)::int AS n FROM mutations WHERE org_id = app_org_id()'),
    );
    expect(mutations.rows[0]!.n).toBe(pushed.length);
  }, 90_000);
});
