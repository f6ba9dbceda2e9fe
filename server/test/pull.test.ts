/** Pull: pages after a cursor in seq order, nothing skipped or repeated, including while pushes commit. */
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { setTeams } from '../src/admin';
import {
  addUser,
  callAdd,
  hlc,
  leadPut,
  makeOrg,
  newLeadFields,
  pullAll,
  pullAs,
  pushAs,
  tokenFor,
  type TestDb,
  withTestServer,
} from './helpers';

let db: TestDb;
let app: FastifyInstance;
withTestServer((d, a) => {
  db = d;
  app = a;
});

describe('pull', () => {
  it('pages by cursor: every change once, in increasing seq order, with a lead at its latest change only', async () => {
    const org = await makeOrg(db);
    const token = tokenFor(app, org.steward);
    const team = org.teams[0]!;
    const t = Date.now() - 10_000;
    const batch = Array.from({ length: 40 }, (_, i) => callAdd(`lead-p${String(i % 5).padStart(7, '0')}`));
    for (let i = 0; i < 5; i++) {
      const id = `lead-p${String(i).padStart(7, '0')}`;
      batch.push(leadPut(id, team, newLeadFields(`L${i}`), hlc(t), `+1555016000${i}`) as never);
      batch.push(leadPut(id, team, { name: `L${i}'` }, hlc(t + 1), `+1555016000${i}`) as never);
    }
    await pushAs(app, token, batch);
    const pages: number[] = [];
    const seen: number[] = [];
    let cursor = 0;
    for (;;) {
      const page = await pullAs(app, token, cursor, 7);
      pages.push(page.changes.length);
      seen.push(...page.changes.map((c) => c.seq));
      if (page.changes.length) expect(page.cursor).toBe(page.changes.at(-1)!.seq);
      cursor = page.cursor;
      if (!page.more) break;
    }
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(45); // 40 calls + 5 leads (each at its latest seq)
    expect(pages.slice(0, -1).every((n) => n === 7)).toBe(true);
    const empty = await pullAs(app, token, cursor, 7);
    expect(empty).toEqual({ changes: [], cursor, more: false, scope: { role: 'steward', teamIds: [] } });
  });

  it("each page says the role and teams it was read under: the user's as they are now, whatever the token says", async () => {
    const org = await makeOrg(db);
    const lead = await addUser(db, org.orgId, 'team_lead', [org.teams[1]!]);
    const token = tokenFor(app, lead);
    expect((await pullAs(app, token)).scope).toEqual({ role: 'team_lead', teamIds: [org.teams[1]] });
    // A token naming a team the user is not in reads only the user's team.
    const claimed = tokenFor(app, { ...lead, teamIds: [org.teams[0]!, org.teams[1]!] });
    expect((await pullAs(app, claimed)).scope).toEqual({ role: 'team_lead', teamIds: [org.teams[1]] });
    // Moved to the other team: the token issued before reads the new team at its next request.
    await setTeams(db.owner, org.orgId, lead.userId, [org.teams[0]!]);
    expect((await pullAs(app, token)).scope).toEqual({ role: 'team_lead', teamIds: [org.teams[0]] });
  });

  it('a client pulling while others push misses nothing (seqs become visible in commit order)', async () => {
    const org = await makeOrg(db);
    const token = tokenFor(app, org.steward);
    const pushed = new Set<string>();
    const pushers = Array.from({ length: 3 }, async (_, p) => {
      for (let b = 0; b < 3; b++) {
        const batch = Array.from({ length: 10 }, () => callAdd('lead-c0000001'));
        batch.forEach((m) => pushed.add(m.call.id));
        await pushAs(app, token, batch, `dev-${p}`);
      }
    });
    const received = new Set<string>();
    let cursor = 0;
    let last = -1;
    const puller = (async () => {
      let done = false;
      void Promise.all(pushers).then(() => (done = true));
      for (;;) {
        const finished = done;
        const page = await pullAs(app, token, cursor, 25);
        for (const c of page.changes) {
          expect(c.seq).toBeGreaterThan(last);
          last = c.seq;
          received.add(c.data.id as string);
        }
        cursor = page.cursor;
        if (finished && !page.more) return;
        // Nothing new yet: let the pushers run rather than spin.
        if (!page.changes.length) await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    await Promise.all([...pushers, puller]);
    expect(received).toEqual(pushed);
    expect((await pullAll(app, token)).length).toBe(pushed.size);
  });

  it('carries every value exactly as pushed: quotes, backslashes, control characters, emoji, large instants', async () => {
    const org = await makeOrg(db);
    const token = tokenFor(app, org.steward);
    const name = 'Zoë "Q" O\'Brien \\ back\\slash\nnew line\ttab \u0001 😀 \u2028';
    const fields = { ...newLeadFields(name), company: '{"not":"json"}', tags: ['a"b', 'c\\d', '中文'] };
    await pushAs(app, token, [
      leadPut('lead-text0001', org.teams[0]!, fields, hlc(Date.now() - 1000), '+15550170001') as never,
    ]);
    const res = await app.inject({
      method: 'GET',
      url: '/pull?cursor=0&limit=10',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const page = res.json() as { changes: { kind: string; data: { fields: Record<string, unknown> } }[] };
    const lead = page.changes.find((c) => c.kind === 'lead')!;
    expect(lead.data.fields).toMatchObject({ ...fields, name });
  });

  it('refuses a request without a valid token', async () => {
    const res = await app.inject({ method: 'GET', url: '/pull?cursor=0' });
    expect(res.statusCode).toBe(401);
    const forged = await app.inject({
      method: 'GET',
      url: '/pull?cursor=0',
      headers: { authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.bad' },
    });
    expect(forged.statusCode).toBe(401);
  });
});
