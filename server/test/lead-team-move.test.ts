/**
 * A lead moved to another team: the old team's replicas are told to drop it, and the new team's
 * get it with the calls and consents the stream sent them before (behind their cursors), once.
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
  pullFrom as pullFromAs,
  pushAs,
  tokenFor,
  type PulledPage,
  type TestDb,
  withTestServer,
} from './helpers';

let db: TestDb;
let app: FastifyInstance;
withTestServer((d, a) => {
  db = d;
  app = a;
});

const pullFrom = (token: string, cursor: number, limit = 1000) => pullFromAs(app, token, cursor, limit);

const ofLead = (changes: PulledPage['changes'], leadId: string) =>
  changes.filter((c) => c.data.leadId === leadId || c.data.id === leadId);
const kinds = (changes: PulledPage['changes']) => changes.map((c) => c.kind).sort();

describe('a lead moved to another team', () => {
  it('is dropped by the old team’s replicas and reaches the new team’s with its earlier calls and consents, once', async () => {
    const org = await makeOrg(db);
    const [t1, t2] = org.teams as [string, string];
    const steward = tokenFor(app, org.steward);
    const agent1 = tokenFor(app, await addUser(db, org.orgId, 'agent', [t1]));
    const lead2 = tokenFor(app, await addUser(db, org.orgId, 'team_lead', [t2]));
    const both = tokenFor(app, await addUser(db, org.orgId, 'team_lead', [t1, t2]));
    const moved = 'lead-mv000001';
    const stays = 'lead-mv000002';
    const t = Date.now() - 10_000;
    await pushAs(app, agent1, [
      leadPut(moved, t1, newLeadFields('Moved'), hlc(t), '+15550166661'),
      leadPut(stays, t1, newLeadFields('Stays'), hlc(t), '+15550166662'),
      callAdd(moved),
      callAdd(moved),
      consentAdd(moved),
      callAdd(stays),
    ]);
    // The new team's own work, after those events: its replicas' cursors are past them.
    await pushAs(app, lead2, [leadPut('lead-mv000004', t2, newLeadFields('Team 2'), hlc(t), '+15550166664')]);
    const before1 = await pullFrom(agent1, 0);
    const before2 = await pullFrom(lead2, 0);
    const beforeBoth = await pullFrom(both, 0);
    const beforeSteward = await pullFrom(steward, 0);
    expect(kinds(ofLead(before1.changes, moved))).toEqual(['call', 'call', 'consent', 'lead']);
    expect(ofLead(before2.changes, moved)).toEqual([]);

    await pushAs(app, steward, [leadPut(moved, t2, {}, hlc(t + 5_000), '+15550166661')]);

    // The old team: told to drop it, and nothing of it sent.
    const after1 = await pullFrom(agent1, before1.cursor);
    expect(after1.changes.map((c) => [c.kind, c.data])).toEqual([['move', { leadId: moved, visible: false }]]);
    // The new team: the lead, the move, then its earlier calls and consent at the move's seq.
    const after2 = await pullFrom(lead2, before2.cursor);
    expect(after2.changes.map((c) => c.kind)).toEqual(['lead', 'move', 'call', 'call', 'consent']);
    const move = after2.changes[1]!;
    expect(move.data).toEqual({ leadId: moved, visible: true });
    expect(after2.changes.slice(2).every((c) => c.seq === move.seq && c.data.leadId === moved)).toBe(true);
    expect(after2.cursor).toBe(move.seq);
    // A member of both teams keeps it: the move says visible (its events again, which a replica
    // already holding them skips by their ids); the steward sees every team and gets no move.
    const afterBoth = await pullFrom(both, beforeBoth.cursor);
    expect(afterBoth.changes.find((c) => c.kind === 'move')?.data).toEqual({ leadId: moved, visible: true });
    const afterSteward = await pullFrom(steward, beforeSteward.cursor);
    expect(kinds(afterSteward.changes)).toEqual(['lead']);

    // A new replica of the new team, from cursor 0 in small pages: every event of the lead, and
    // again after the move only what the pages before it held (the server cannot tell what a
    // replica holds; it takes an event it holds by its id once: sync-pull-move.test.ts).
    const fresh = await pullFrom(lead2, 0, 2);
    const freshMoved = ofLead(fresh.changes, moved);
    const moveSeq = freshMoved.find((c) => c.kind === 'move')!.seq;
    const ownRight = freshMoved
      .filter((c) => c.kind === 'call' || c.kind === 'consent')
      .filter((c) => c.seq !== moveSeq);
    const again = freshMoved.filter((c) => c.kind !== 'move' && c.kind !== 'lead' && c.seq === moveSeq);
    expect(kinds(ownRight)).toEqual(['call', 'call', 'consent']);
    expect(again.every((c) => ownRight.some((o) => o.data.id === c.data.id))).toBe(true);
    expect(ofLead(fresh.changes, stays)).toEqual([]);

    // Moved back: the old team gets it again, with its history; the new team is told to drop it.
    await pushAs(app, steward, [leadPut(moved, t1, {}, hlc(t + 6_000), '+15550166661')]);
    const back1 = await pullFrom(agent1, after1.cursor);
    expect(kinds(back1.changes)).toEqual(['call', 'call', 'consent', 'lead', 'move']);
    const back2 = await pullFrom(lead2, after2.cursor);
    expect(back2.changes.map((c) => c.data)).toEqual([{ leadId: moved, visible: false }]);
  });

  it('records each move in the moving transaction, append-only', async () => {
    const org = await makeOrg(db);
    const [t1, t2] = org.teams as [string, string];
    const steward = tokenFor(app, org.steward);
    const t = Date.now() - 10_000;
    await pushAs(app, steward, [leadPut('lead-mv000003', t1, newLeadFields('A'), hlc(t), '+15550166663')]);
    // A write that keeps the team records no move.
    await pushAs(app, steward, [leadPut('lead-mv000003', t1, { name: 'A2' }, hlc(t + 1), '+15550166663')]);
    await pushAs(app, steward, [leadPut('lead-mv000003', t2, {}, hlc(t + 2), '+15550166663')]);
    // Read and written as the owner in an agent's session of the old team (a steward's reads no move).
    const asAgent = (sql: string) =>
      withSession(db.owner, { ...org.steward, role: 'agent', teamIds: [t1] }, (c) => c.query(sql));
    const { rows } = await asAgent('SELECT from_team, to_team FROM lead_team_moves');
    expect(rows).toEqual([{ from_team: t1, to_team: t2 }]);
    for (const sql of ['UPDATE lead_team_moves SET to_team = from_team', 'DELETE FROM lead_team_moves'])
      await expect(asAgent(sql)).rejects.toThrow(/append-only/);
    // The API's own statements cannot record a move that did not happen.
    await expect(
      withSession(db.api, org.steward, (c) =>
        c.query(
          `INSERT INTO lead_team_moves (org_id, lead_id, from_team, to_team, seq) VALUES ($1, 'lead-mv000003', $2, $3, 0)`,
          [org.orgId, t2, t1],
        ),
      ),
    ).rejects.toThrow(/permission denied/);
  });
});
