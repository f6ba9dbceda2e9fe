/** A lead removed on one device leaves the server and every replica, and nothing brings it back. */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { withSession } from '../src/db/session';
import {
  addUser,
  callAdd,
  consentAdd,
  dncAdd,
  hlc,
  leadPut,
  makeOrg,
  newLeadFields,
  pullAll,
  pushAs,
  tokenFor,
  type TestDb,
  type TestOrg,
  withTestServer,
} from './helpers';

let db: TestDb;
let app: FastifyInstance;
withTestServer((d, a) => {
  db = d;
  app = a;
});

const leadRemove = (leadId: string, reason = 'erase') => ({
  id: randomUUID(),
  type: 'lead.remove',
  leadId,
  reason,
  at: Date.now(),
});

/** Rows of the organisation's `lead-rm…` leads, read as the tables' owner with the steward's session. */
async function countRows(org: TestOrg, table: 'leads' | 'calls' | 'consents' | 'dnc_entries'): Promise<number> {
  const column = table === 'leads' ? 'id' : 'lead_id';
  const { rows } = await withSession(db.owner, org.steward, (c) =>
    c.query<{ n: string }>(`SELECT count(*) AS n FROM ${table} WHERE ${column} LIKE 'lead-rm%'`),
  );
  return Number(rows[0]!.n);
}

describe('lead.remove', () => {
  it('deletes the lead with its calls and consents, keeps its DNC block, and tells every replica that could see it', async () => {
    const org = await makeOrg(db);
    const [t1, t2] = org.teams as [string, string];
    const steward = tokenFor(app, org.steward);
    const lead1 = tokenFor(app, await addUser(db, org.orgId, 'team_lead', [t1]));
    const lead2 = tokenFor(app, await addUser(db, org.orgId, 'team_lead', [t2]));
    const phone = '+15550144444';
    const t = Date.now() - 1000;
    await pushAs(app, steward, [
      leadPut('lead-rm000001', t1, newLeadFields('Erased'), hlc(t), phone),
      leadPut('lead-rm000002', t1, newLeadFields('Kept'), hlc(t), '+15550144445'),
      callAdd('lead-rm000001'),
      callAdd('lead-rm000002'),
      consentAdd('lead-rm000001'),
      dncAdd(phone, 'lead-rm000001'),
    ]);
    expect(await countRows(org, 'calls')).toBe(2);

    const removal = leadRemove('lead-rm000001');
    const [res] = await pushAs(app, lead1, [removal], 'lead1-laptop');
    expect(res).toEqual({ id: removal.id, status: 'applied' });
    expect(await countRows(org, 'leads')).toBe(1);
    expect(await countRows(org, 'calls')).toBe(1);
    expect(await countRows(org, 'consents')).toBe(0);
    expect(await countRows(org, 'dnc_entries')).toBe(1);

    const seen = await pullAll(app, steward);
    expect(seen.filter((c) => c.kind === 'removal').map((c) => c.data)).toEqual([
      { leadId: 'lead-rm000001', reason: 'erase', at: removal.at },
    ]);
    // Nothing of the person is left in the stream but the tombstone and the block.
    const mentions = seen.filter((c) => JSON.stringify(c.data).includes('lead-rm000001')).map((c) => c.kind);
    expect(mentions.sort()).toEqual(['dnc', 'removal']);
    // The other team's lead never saw the lead, and does not see its removal either.
    expect((await pullAll(app, lead2)).filter((c) => c.kind === 'removal')).toEqual([]);
    expect((await pullAll(app, lead1)).filter((c) => c.kind === 'removal')).toHaveLength(1);
  });

  it('refuses later writes to a removed lead (offline edits, calls, a full re-send) and answers a second removal as applied', async () => {
    const org = await makeOrg(db);
    const [t1] = org.teams as [string];
    const steward = tokenFor(app, org.steward);
    const t = Date.now() - 1000;
    await pushAs(app, steward, [leadPut('lead-rm000003', t1, newLeadFields('Gone'), hlc(t), '+15550144446')]);
    await pushAs(app, steward, [leadRemove('lead-rm000003', 'purge')]);

    const results = await pushAs(
      app,
      steward,
      [
        leadPut('lead-rm000003', t1, newLeadFields('Back again'), hlc(Date.now()), '+15550144446'),
        callAdd('lead-rm000003'),
        consentAdd('lead-rm000003'),
        leadRemove('lead-rm000003', 'delete'),
      ],
      'offline-laptop',
    );
    expect(results.map((r) => [r.status, r.reason])).toEqual([
      ['quarantined', 'lead-removed'],
      ['quarantined', 'lead-removed'],
      ['quarantined', 'lead-removed'],
      ['applied', undefined],
    ]);
    expect(await countRows(org, 'leads')).toBe(0);
    expect(await countRows(org, 'calls')).toBe(0);
    const removals = (await pullAll(app, steward)).filter((c) => c.kind === 'removal');
    expect(removals.map((c) => c.data.reason)).toEqual(['purge']);
  });

  it('is not open to agents, nor to a team lead for another team’s lead; events stay append-only otherwise', async () => {
    const org = await makeOrg(db);
    const [t1, t2] = org.teams as [string, string];
    const steward = tokenFor(app, org.steward);
    const agent = await addUser(db, org.orgId, 'agent', [t1]);
    const otherLead = tokenFor(app, await addUser(db, org.orgId, 'team_lead', [t2]));
    const t = Date.now() - 1000;
    await pushAs(app, steward, [
      leadPut('lead-rm000004', t1, newLeadFields('Stays'), hlc(t), '+15550144447'),
      callAdd('lead-rm000004'),
    ]);

    const [byAgent] = await pushAs(app, tokenFor(app, agent), [leadRemove('lead-rm000004')]);
    expect(byAgent).toMatchObject({ status: 'quarantined', reason: 'not-permitted' });
    const [byOther] = await pushAs(app, otherLead, [leadRemove('lead-rm000004')]);
    expect(byOther).toMatchObject({ status: 'quarantined', reason: 'unknown-reference' });
    expect(await countRows(org, 'leads')).toBe(1);

    // The exception in the append-only trigger is remove_lead's alone: the API role cannot delete a
    // call, even naming the lead being removed, nor rewrite a tombstone.
    await expect(
      withSession(db.api, org.steward, async (c) => {
        await c.query(`SELECT set_config('app.removing_lead', 'lead-rm000004', true)`);
        await c.query(`DELETE FROM calls WHERE lead_id = 'lead-rm000004'`);
      }),
    ).rejects.toThrow(/permission denied/);
    await pushAs(app, steward, [leadRemove('lead-rm000004')]);
    await expect(
      withSession(db.api, org.steward, (c) => c.query(`UPDATE lead_removals SET reason = 'delete'`)),
    ).rejects.toThrow();
    // Not even the owner, outside remove_lead: the triggers refuse.
    await expect(withSession(db.owner, org.steward, (c) => c.query(`DELETE FROM lead_removals`))).rejects.toThrow(
      /append-only/,
    );
    await pushAs(app, steward, [leadPut('lead-rm000005', t1, newLeadFields('Other'), hlc(t), '+15550144448')]);
    await pushAs(app, steward, [callAdd('lead-rm000005')]);
    await expect(withSession(db.owner, org.steward, (c) => c.query(`DELETE FROM calls`))).rejects.toThrow(
      /append-only/,
    );
  });

  it('leaves no value of the person in the quarantine: earlier refusals are cut to their ids, later ones are stored so', async () => {
    const org = await makeOrg(db);
    const [t1] = org.teams as [string];
    const steward = tokenFor(app, org.steward);
    const t = Date.now() - 1000;
    await pushAs(app, steward, [leadPut('lead-rm000006', t1, newLeadFields('Ada Private'), hlc(t), '+15550144449')]);
    // Refused before the removal (a stamp from the future), with the person's values in it.
    const [ahead] = await pushAs(app, steward, [
      leadPut('lead-rm000006', t1, { name: 'Ada Private 2' }, hlc(Date.now() + 3_600_000), '+15550144449'),
    ]);
    expect(ahead).toMatchObject({ status: 'quarantined', reason: 'clock-ahead' });
    const before = (await pullAll(app, steward)).filter((c) => c.kind === 'quarantine');
    expect(JSON.stringify(before)).toContain('Ada Private 2');

    await pushAs(app, steward, [leadRemove('lead-rm000006')]);
    // Refused after it: an offline edit of the erased person.
    const [late] = await pushAs(app, steward, [
      leadPut('lead-rm000006', t1, { name: 'Ada Private 3' }, hlc(Date.now()), '+15550144449'),
    ]);
    expect(late).toMatchObject({ status: 'quarantined', reason: 'lead-removed' });

    const rows = await withSession(db.owner, org.steward, (c) =>
      c.query<{ payload: object; reason: string; seq: string }>(
        'SELECT payload, reason, seq FROM quarantine ORDER BY seq',
      ),
    );
    expect(rows.rows.map((r) => r.reason)).toEqual(['clock-ahead', 'lead-removed']);
    expect(JSON.stringify(rows.rows)).not.toMatch(/Ada Private|15550144449/);
    expect(rows.rows.map((r) => r.payload)).toEqual([
      expect.objectContaining({ type: 'lead.put', leadId: 'lead-rm000006', redacted: 'erase' }),
      expect.objectContaining({ type: 'lead.put', leadId: 'lead-rm000006', redacted: 'lead-removed' }),
    ]);
    // The redacted row kept its seq (its author pulled it already); nothing else may rewrite it.
    expect(Number(rows.rows[0]!.seq)).toBe(before[0]!.seq);
    await expect(
      withSession(db.owner, org.steward, (c) => c.query(`UPDATE quarantine SET payload = '{"redacted": "x"}'`)),
    ).rejects.toThrow(/append-only/);
  });

  it('cannot be misled by a temporary table shadowing the real ones (definer functions search pg_temp last)', async () => {
    const org = await makeOrg(db);
    const [t1] = org.teams as [string];
    const steward = tokenFor(app, org.steward);
    const t = Date.now() - 1000;
    const phone = '+15550144450';
    await pushAs(app, steward, [
      leadPut('lead-rm000007', t1, newLeadFields('Shadowed'), hlc(t), phone),
      callAdd('lead-rm000007'),
    ]);
    await withSession(db.api, org.steward, async (c) => {
      await c.query(`CREATE TEMP TABLE leads (org_id uuid, id text, team_id uuid, phone_e164 text, fields jsonb,
                       clocks jsonb, seq bigint) ON COMMIT DROP`);
      await c.query(`CREATE TEMP TABLE lead_removals (org_id uuid, lead_id text) ON COMMIT DROP`);
      await c.query(`INSERT INTO pg_temp.leads VALUES ($1, 'lead-rm000007', $2, $3, '{}', '{}', 0)`, [
        org.orgId,
        t1,
        phone,
      ]);
      // As the real tables would have it: the lead removed, with its call; a DNC block reaches the real lead.
      await c.query(`SELECT remove_lead('lead-rm000007', 'erase', 1, 'dev')`);
      await c.query(`SELECT block_number($1, $2)`, [phone, hlc(Date.now())]);
      const removed = await c.query(
        `SELECT count(*)::int AS n FROM public.lead_removals WHERE lead_id = 'lead-rm000007'`,
      );
      expect(removed.rows[0].n).toBe(1);
    });
    expect(await countRows(org, 'leads')).toBe(0);
    expect(await countRows(org, 'calls')).toBe(0);
  });
});
