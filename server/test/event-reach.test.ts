/**
 * A call or a consent is taken only for a lead within its author's reach (migration 007): one of
 * their teams holds it, or the server does not hold it yet; a call also from a team that held it
 * before a move; a withdrawal for any lead. Another team's lead is refused and quarantined,
 * through the API and in plain SQL alike.
 */
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { withSession } from '../src/db/session';
import {
  addUser,
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

const eventsOf = async (token: string, leadId: string) =>
  (await pullAll(app, token))
    .filter((c) => (c.kind === 'call' || c.kind === 'consent') && c.data.leadId === leadId)
    .map((c) => c.data.id);

describe('calls and consents for a lead out of reach', () => {
  it('are refused for another team’s lead, whatever else the batch holds, and never reach that team', async () => {
    const org = await makeOrg(db);
    const [t1, t2] = org.teams as [string, string];
    const agent1 = await addUser(db, org.orgId, 'agent', [t1]);
    const lead2 = tokenFor(app, await addUser(db, org.orgId, 'team_lead', [t2]));
    const t = Date.now() - 10_000;
    await pushAs(app, lead2, [leadPut('lead-rc000002', t2, newLeadFields('Theirs'), hlc(t), '+15550177702')]);
    await pushAs(app, tokenFor(app, agent1), [
      leadPut('lead-rc000001', t1, newLeadFields('Mine'), hlc(t), '+15550177701'),
    ]);

    const results = await pushAs(app, tokenFor(app, agent1), [
      callAdd('lead-rc000001', 'call-mine'),
      callAdd('lead-rc000002', 'call-theirs'),
      consentAdd('lead-rc000002', 'consent-theirs'),
      // Not on the server yet: its lead.put may come later in the outbox.
      callAdd('lead-rc000009', 'call-early'),
    ]);
    expect(results.map((r) => [r.status, r.reason])).toEqual([
      ['applied', undefined],
      ['quarantined', 'lead-out-of-reach'],
      ['quarantined', 'lead-out-of-reach'],
      ['applied', undefined],
    ]);
    // A replay of the same mutation is answered as before; the same call sent again under a new
    // mutation id is refused again. The refusals reach their author.
    const theirs = callAdd('lead-rc000002', 'call-theirs-2');
    const first = await pushAs(app, tokenFor(app, agent1), [theirs]);
    const replay = await pushAs(app, tokenFor(app, agent1), [theirs]);
    expect(first[0]).toMatchObject({ status: 'quarantined', reason: 'lead-out-of-reach' });
    expect(replay[0]).toMatchObject({ status: 'quarantined', reason: 'lead-out-of-reach', duplicate: true });
    const again = await pushAs(app, tokenFor(app, agent1), [callAdd('lead-rc000002', 'call-theirs')]);
    expect(again[0]).toMatchObject({ status: 'quarantined', reason: 'lead-out-of-reach' });
    const refusals = (await pullAll(app, tokenFor(app, agent1))).filter((c) => c.kind === 'quarantine');
    expect(refusals).toHaveLength(4);

    expect(await eventsOf(lead2, 'lead-rc000002')).toEqual([]);
    expect(await eventsOf(tokenFor(app, org.steward), 'lead-rc000002')).toEqual([]);
    expect(await eventsOf(tokenFor(app, agent1), 'lead-rc000001')).toEqual(['call-mine']);

    // "Whatever the API code does": a plain INSERT in the agent's session is refused by the policy.
    const insert = (leadId: string, id: string) =>
      withSession(db.api, agent1, (c) =>
        c.query(
          `INSERT INTO calls (org_id, id, lead_id, at, body, author_id, device_id)
           VALUES (app_org_id(), $1, $2, 0, '{}', app_user_id(), 'sql')`,
          [id, leadId],
        ),
      );
    await expect(insert('lead-rc000002', 'call-sql-theirs')).rejects.toThrow(/row-level security/);
    await expect(insert('lead-rc000001', 'call-sql-mine')).resolves.toBeTruthy();
  });

  it('a withdrawal is taken for any lead: refusing it would keep the person callable against their word', async () => {
    const org = await makeOrg(db);
    const [t1, t2] = org.teams as [string, string];
    const agent1 = tokenFor(app, await addUser(db, org.orgId, 'agent', [t1]));
    await pushAs(app, tokenFor(app, org.steward), [
      leadPut('lead-rc000021', t2, newLeadFields('Withdraws'), hlc(Date.now() - 10_000), '+15550177721'),
    ]);
    const withdrawal = consentAdd('lead-rc000021', 'consent-withdrawn');
    withdrawal.consent.kind = 'withdrawn';
    const results = await pushAs(app, agent1, [withdrawal, consentAdd('lead-rc000021', 'consent-granted')]);
    expect(results.map((r) => [r.status, r.reason])).toEqual([
      ['applied', undefined],
      ['quarantined', 'lead-out-of-reach'],
    ]);
    const lead2 = tokenFor(app, await addUser(db, org.orgId, 'team_lead', [t2]));
    expect(await eventsOf(lead2, 'lead-rc000021')).toEqual(['consent-withdrawn']);
  });

  it('calls are taken from a team that held the lead before it moved, consents are not; both from the organisation-wide roles', async () => {
    const org = await makeOrg(db, 3);
    const [t1, t2, t3] = org.teams as [string, string, string];
    const agent1 = tokenFor(app, await addUser(db, org.orgId, 'agent', [t1]));
    const agent3 = tokenFor(app, await addUser(db, org.orgId, 'agent', [t3]));
    const manager = tokenFor(app, await addUser(db, org.orgId, 'manager'));
    const steward = tokenFor(app, org.steward);
    const t = Date.now() - 10_000;
    await pushAs(app, agent1, [leadPut('lead-rc000011', t1, newLeadFields('Moves'), hlc(t), '+15550177711')]);
    await pushAs(app, steward, [leadPut('lead-rc000011', t2, {}, hlc(t + 1_000), '+15550177711')]);

    // A call made before the move, sent after it: it happened, and counts against the cap.
    const late = await pushAs(app, agent1, [callAdd('lead-rc000011', 'call-before-move')]);
    expect(late[0]).toMatchObject({ status: 'applied' });
    // A consent granted there is not taken: it would make the new team's lead callable.
    const granted = await pushAs(app, agent1, [consentAdd('lead-rc000011', 'consent-after-move')]);
    expect(granted[0]).toMatchObject({ status: 'quarantined', reason: 'lead-out-of-reach' });
    // A team that never held it.
    const stranger = await pushAs(app, agent3, [callAdd('lead-rc000011', 'call-stranger')]);
    expect(stranger[0]).toMatchObject({ status: 'quarantined', reason: 'lead-out-of-reach' });
    const wide = await pushAs(app, manager, [callAdd('lead-rc000011', 'call-manager')]);
    expect(wide[0]).toMatchObject({ status: 'applied' });

    const lead2 = tokenFor(app, await addUser(db, org.orgId, 'team_lead', [t2]));
    expect((await eventsOf(lead2, 'lead-rc000011')).sort()).toEqual(['call-before-move', 'call-manager']);
  });
});
