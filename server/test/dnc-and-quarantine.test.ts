/** A DNC block is never removed by sync; rejected mutations are quarantined and returned to their author. */
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { withSession } from '../src/db/session';
import {
  addUser,
  dncAdd,
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

async function leadFields(orgToken: string, leadId: string) {
  const changes = await pullAll(app, orgToken);
  const lead = changes.filter((c) => c.kind === 'lead' && c.data.id === leadId).at(-1);
  return lead?.data.fields as Record<string, unknown> | undefined;
}

describe('DNC', () => {
  it('a request from one team’s agent blocks the number on every team’s lead, and no later edit unblocks it', async () => {
    const org = await makeOrg(db);
    const [t1, t2] = org.teams as [string, string];
    const agent = await addUser(db, org.orgId, 'agent', [t1]);
    const steward = tokenFor(app, org.steward);
    const phone = '+15550122222';
    const t = Date.now() - 1000;
    await pushAs(app, steward, [
      leadPut('lead-dnc00001', t1, newLeadFields('A'), hlc(t), phone),
      leadPut('lead-dnc00002', t2, newLeadFields('B'), hlc(t), phone),
    ]);
    const [res] = await pushAs(app, tokenFor(app, agent), [dncAdd(phone, 'lead-dnc00001')], 'agent-laptop');
    expect(res!.status).toBe('applied');
    expect((await leadFields(steward, 'lead-dnc00001'))!.dncStatus).toBe('listed');
    expect((await leadFields(steward, 'lead-dnc00002'))!.dncStatus).toBe('listed');

    // An offline scrub stamped later says "clear": the block stays, and the author is told.
    const [later] = await pushAs(app, steward, [
      leadPut('lead-dnc00002', t2, { dncStatus: 'clear', name: 'B2' }, hlc(Date.now() + 1000, 'dev-b'), phone),
    ]);
    expect(later!.status).toBe('applied');
    expect(later!.superseded).toContainEqual(expect.objectContaining({ field: 'dncStatus', kept: 'listed' }));
    const fields = await leadFields(steward, 'lead-dnc00002');
    expect(fields).toMatchObject({ dncStatus: 'listed', name: 'B2' });

    // A lead created afterwards with the blocked number is listed from the start.
    await pushAs(app, steward, [leadPut('lead-dnc00003', t1, newLeadFields('C'), hlc(Date.now()), phone)]);
    expect((await leadFields(steward, 'lead-dnc00003'))!.dncStatus).toBe('listed');
  });

  it('there is no way to remove an entry: no mutation type, no DELETE', async () => {
    const org = await makeOrg(db);
    const token = tokenFor(app, org.steward);
    await pushAs(app, token, [dncAdd('+15550133333')]);
    const [res] = await pushAs(app, token, [
      { id: crypto.randomUUID(), type: 'dnc.remove', dnc: { phoneE164: '+15550133333' } },
    ]);
    expect(res).toMatchObject({ status: 'quarantined', reason: 'invalid' });
    await expect(withSession(db.api, org.steward, (c) => c.query('DELETE FROM dnc_entries'))).rejects.toThrow();
    const dnc = (await pullAll(app, token)).filter((c) => c.kind === 'dnc');
    expect(dnc).toHaveLength(1);
  });
});

describe('quarantine', () => {
  it('keeps a rejected mutation with its reason, answers a replay with it, and returns it to its author only', async () => {
    const org = await makeOrg(db);
    const [t1, t2] = org.teams as [string, string];
    const lead = await addUser(db, org.orgId, 'team_lead', [t1]);
    const other = await addUser(db, org.orgId, 'agent', [t1]);
    const token = tokenFor(app, lead);
    const bad = [
      // Another team: refused by row-level security.
      leadPut('lead-q0000001', t2, newLeadFields('X'), hlc(Date.now()), '+15550144441'),
      // A value that fails its schema.
      leadPut('lead-q0000002', t1, { ...newLeadFields('Y'), acquiredAt: 5 }, hlc(Date.now()), '+15550144442'),
      // A stamp an hour ahead would win every later edit.
      leadPut('lead-q0000003', t1, newLeadFields('Z'), hlc(Date.now() + 3_600_000), '+15550144443'),
      // An update of a lead the server does not hold, without its number.
      { ...leadPut('lead-q0000004', t1, { name: 'W' }, hlc(Date.now())), phoneE164: undefined },
    ];
    const good = leadPut('lead-q0000005', t1, newLeadFields('V'), hlc(Date.now()), '+15550144445');
    const results = await pushAs(app, token, [...bad, good]);
    expect(results.map((r) => [r.status, r.reason])).toEqual([
      ['quarantined', 'not-permitted'],
      ['quarantined', 'invalid'],
      ['quarantined', 'clock-ahead'],
      ['quarantined', 'lead-unknown'],
      ['applied', undefined],
    ]);
    const replay = await pushAs(app, token, bad);
    expect(replay.map((r) => [r.status, r.reason, r.duplicate])).toEqual(
      results.slice(0, 4).map((r) => [r.status, r.reason, true]),
    );
    const mine = (await pullAll(app, token)).filter((c) => c.kind === 'quarantine');
    expect(mine.map((c) => c.data.reason).sort()).toEqual(['clock-ahead', 'invalid', 'lead-unknown', 'not-permitted']);
    expect(mine[0]!.data.payload).toBeTruthy();
    const theirs = (await pullAll(app, tokenFor(app, other))).filter((c) => c.kind === 'quarantine');
    expect(theirs).toEqual([]);
    // The good lead was applied though its batch held four rejected mutations.
    expect((await pullAll(app, token)).some((c) => c.kind === 'lead' && c.data.id === 'lead-q0000005')).toBe(true);
  });

  it('refuses a batch whose envelope is unreadable (no mutation id to answer with)', async () => {
    const org = await makeOrg(db);
    const res = await app.inject({
      method: 'POST',
      url: '/push',
      headers: { authorization: `Bearer ${tokenFor(app, org.steward)}` },
      payload: { deviceId: 'd', mutations: [{ type: 'call.add' }] },
    });
    expect(res.statusCode).toBe(400);
  });
});
