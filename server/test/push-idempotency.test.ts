/** Replays change nothing twice: duplicated, reordered and concurrent batches end in the same state. */
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import {
  callAdd,
  consentAdd,
  hlc,
  leadPut,
  makeOrg,
  newLeadFields,
  pullAll,
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

/** Everything the organisation holds, as the steward pulls it, without seqs (which replays must not move). */
async function state(token: string) {
  const changes = await pullAll(app, token);
  return {
    count: changes.length,
    byKind: changes.reduce<Record<string, number>>((acc, c) => ({ ...acc, [c.kind]: (acc[c.kind] ?? 0) + 1 }), {}),
    data: changes.map((c) => JSON.stringify([c.kind, c.data])).sort(),
    maxSeq: changes.at(-1)?.seq ?? 0,
  };
}

function batch(teamId: string) {
  const t = Date.now();
  return [
    leadPut('lead-aaaaaaa1', teamId, newLeadFields('Ann'), hlc(t), '+15550100001'),
    leadPut('lead-aaaaaaa2', teamId, newLeadFields('Bob'), hlc(t), '+15550100002'),
    callAdd('lead-aaaaaaa1'),
    callAdd('lead-aaaaaaa2'),
    consentAdd('lead-aaaaaaa1'),
    leadPut('lead-aaaaaaa1', teamId, { name: 'Ann B.' }, hlc(t + 1), '+15550100001'),
  ];
}

describe('push is idempotent', () => {
  it('answers a duplicated batch from its first outcome and changes nothing', async () => {
    const org = await makeOrg(db);
    const token = tokenFor(app, org.steward);
    const mutations = batch(org.teams[0]!);
    const first = await pushAs(app, token, mutations);
    expect(first.map((r) => r.status)).toEqual(Array(6).fill('applied'));
    const before = await state(token);
    expect(before.byKind).toEqual({ lead: 2, call: 2, consent: 1 });

    const again = await pushAs(app, token, [...mutations, ...mutations]);
    expect(again.every((r) => r.status === 'applied' && r.duplicate)).toBe(true);
    expect(await state(token)).toEqual(before);
  });

  it('a reordered batch, and a batch with each mutation under a new id, reach the same state', async () => {
    const a = await makeOrg(db);
    const b = await makeOrg(db);
    const tokenA = tokenFor(app, a.steward);
    const tokenB = tokenFor(app, b.steward);
    const forA = batch(a.teams[0]!);
    const forB = forA.map((m) => retarget(m, a.teams[0]!, b.teams[0]!));
    await pushAs(app, tokenA, forA);
    // Organisation B receives the same events reversed, then again with fresh mutation ids (an outbox rebuilt).
    await pushAs(app, tokenB, [...forB].reverse());
    await pushAs(
      app,
      tokenB,
      forB.map((m) => ({ ...m, id: crypto.randomUUID() })),
    );
    const sa = await state(tokenA);
    const sb = await state(tokenB);
    expect(sb.byKind).toEqual(sa.byKind);
    expect(normalise(sb.data, b.teams[0]!)).toEqual(normalise(sa.data, a.teams[0]!));
  });

  it('concurrent copies of one batch apply it once', async () => {
    const org = await makeOrg(db);
    const token = tokenFor(app, org.steward);
    const mutations = batch(org.teams[0]!);
    const results = await Promise.all([1, 2, 3, 4].map(() => pushAs(app, token, mutations)));
    const fresh = results.flat().filter((r) => !r.duplicate);
    expect(fresh).toHaveLength(mutations.length);
    expect(results.flat().every((r) => r.status === 'applied')).toBe(true);
    expect((await state(token)).byKind).toEqual({ lead: 2, call: 2, consent: 1 });
  });
});

function retarget<T>(m: T, from: string, to: string): T {
  return JSON.parse(JSON.stringify(m).replaceAll(from, to)) as T;
}

function normalise(rows: string[], teamId: string): string[] {
  return rows.map((r) => r.replaceAll(teamId, 'TEAM').replace(/"authorId":"[^"]+"/, '"authorId":"X"')).sort();
}
