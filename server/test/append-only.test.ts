/** Events are append-only: the API role has no UPDATE/DELETE privilege, and the trigger refuses even the owner. */
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { withSession } from '../src/db/session';
import { callAdd, consentAdd, dncAdd, makeOrg, pushAs, tokenFor, type TestDb, withTestServer } from './helpers';

let db: TestDb;
let app: FastifyInstance;
withTestServer((d, a) => {
  db = d;
  app = a;
});

const TABLES = ['calls', 'consents', 'dnc_entries', 'quarantine', 'mutations'] as const;

describe('append-only event tables', () => {
  it('refuse UPDATE, DELETE and TRUNCATE, as the API role and as the owner', async () => {
    const org = await makeOrg(db);
    const token = tokenFor(app, org.steward);
    await pushAs(app, token, [
      callAdd('lead-x0000001'),
      consentAdd('lead-x0000001'),
      dncAdd('+15550111111'),
      { id: crypto.randomUUID(), type: 'no.such.type' },
    ]);
    for (const table of TABLES) {
      for (const pool of [db.api, db.owner]) {
        for (const sql of [`UPDATE ${table} SET org_id = org_id`, `DELETE FROM ${table}`, `TRUNCATE ${table}`]) {
          await expect(
            withSession(pool, org.steward, (c) => c.query(sql)),
            `${sql} as ${pool === db.api ? 'api' : 'owner'}`,
          ).rejects.toThrow(/permission denied|append-only|must be owner/);
        }
      }
      const { rows } = await withSession(db.api, org.steward, (c) =>
        c.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`),
      );
      expect(rows[0]!.n, table).toBeGreaterThan(0);
    }
  });

  it('the owner’s UPDATE reaches the trigger (it is the trigger that refuses, not only the privileges)', async () => {
    const org = await makeOrg(db);
    await pushAs(app, tokenFor(app, org.steward), [callAdd('lead-x0000002')]);
    await expect(withSession(db.owner, org.steward, (c) => c.query('UPDATE calls SET at = at + 1'))).rejects.toThrow(
      /append-only table calls: UPDATE refused/,
    );
    await expect(withSession(db.owner, org.steward, (c) => c.query('DELETE FROM calls'))).rejects.toThrow(
      /append-only table calls: DELETE refused/,
    );
  });

  it('a replayed event is not inserted twice (ON CONFLICT DO NOTHING on its client id)', async () => {
    const org = await makeOrg(db);
    const token = tokenFor(app, org.steward);
    const call = callAdd('lead-x0000003', 'call-fixed-0001');
    await pushAs(app, token, [call]);
    // The same event under a new mutation id (an outbox that lost its acknowledgement and rebuilt the mutation).
    await pushAs(app, token, [{ ...call, id: crypto.randomUUID() }]);
    const { rows } = await withSession(db.api, org.steward, (c) =>
      c.query<{ n: number }>("SELECT count(*)::int AS n FROM calls WHERE id = 'call-fixed-0001'"),
    );
    expect(rows[0]!.n).toBe(1);
  });
});
