/**
 * Row-level security as a property: over random organisations (teams, leads spread across them,
 * team leads and agents in random teams), a team member's token never reads a lead — nor a call or
 * consent of a lead — outside their teams, through /pull or through any SQL in their session.
 */
import type { FastifyInstance } from 'fastify';
import fc from 'fast-check';
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

const world = fc.record({
  teamCount: fc.integer({ min: 2, max: 4 }),
  /** For each lead, an index into the teams (taken modulo the team count). */
  leadTeams: fc.array(fc.nat(), { minLength: 1, maxLength: 12 }),
  /** Each member: a role and a subset of team indexes (possibly empty). */
  members: fc.array(
    fc.record({ role: fc.constantFrom('team_lead' as const, 'agent' as const), teams: fc.uniqueArray(fc.nat(3)) }),
    { minLength: 1, maxLength: 3 },
  ),
});

describe('row-level security', () => {
  it('a team member never reads another team’s leads or their events (property)', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(world, async ({ teamCount, leadTeams, members }) => {
        run += 1;
        const org = await makeOrg(db, teamCount);
        const steward = tokenFor(app, org.steward);
        const leadTeam = new Map<string, string>();
        const mutations: object[] = [];
        leadTeams.forEach((t, i) => {
          const id = `lead-r${run}-${i}-0000`;
          const team = org.teams[t % teamCount]!;
          leadTeam.set(id, team);
          mutations.push(
            leadPut(id, team, newLeadFields(`L${i}`), hlc(Date.now()), `+1555017${String(i).padStart(4, '0')}`),
          );
          mutations.push(callAdd(id), consentAdd(id));
        });
        const results = await pushAs(app, steward, mutations);
        expect(results.every((r) => r.status === 'applied')).toBe(true);

        for (const m of members) {
          const teams = [...new Set(m.teams.map((t) => org.teams[t % teamCount]!))];
          const user = await addUser(db, org.orgId, m.role, teams);
          const visible = [...leadTeam].filter(([, team]) => teams.includes(team)).map(([id]) => id);
          const changes = await pullAll(app, tokenFor(app, user), 5);
          const leads = changes.filter((c) => c.kind === 'lead').map((c) => c.data.id as string);
          const eventLeads = changes
            .filter((c) => c.kind === 'call' || c.kind === 'consent')
            .map((c) => c.data.leadId as string);
          expect(leads.sort()).toEqual([...visible].sort());
          expect(eventLeads.every((id) => teams.includes(leadTeam.get(id)!))).toBe(true);
          expect(eventLeads).toHaveLength(visible.length * 2);

          // "Whatever the API code does": plain SQL in the member's session, with no filter at all.
          const rows = await withSession(db.api, user, async (c) => {
            const all = await c.query<{ id: string; team_id: string }>('SELECT id, team_id FROM leads');
            const calls = await c.query<{ lead_id: string }>('SELECT lead_id FROM calls');
            return { leads: all.rows, calls: calls.rows };
          });
          expect(rows.leads.every((r) => teams.includes(r.team_id))).toBe(true);
          expect(rows.leads).toHaveLength(visible.length);
          expect(rows.calls.every((r) => teams.includes(leadTeam.get(r.lead_id)!))).toBe(true);
        }
      }),
      { numRuns: 8 },
    );
  });

  it('a forged claim of another organisation reads nothing of this one', async () => {
    const org = await makeOrg(db);
    await pushAs(app, tokenFor(app, org.steward), [
      leadPut('lead-f0000001', org.teams[0]!, newLeadFields('F'), hlc(Date.now()), '+15550180001'),
    ]);
    const other = await makeOrg(db);
    // A steward of the other organisation who claims this organisation's team ids.
    const intruder = { ...other.steward, teamIds: org.teams };
    expect(await pullAll(app, tokenFor(app, intruder))).toEqual([]);
  });

  it('a session with no settings at all reads nothing (policies fail closed)', async () => {
    const client = await db.api.connect();
    try {
      const { rows } = await client.query('SELECT count(*)::int AS n FROM leads');
      expect(rows[0].n).toBe(0);
    } finally {
      client.release();
    }
  });

  it('the API login is not a superuser, has no BYPASSRLS and owns no table', async () => {
    const { rows } = await db.api.query<{ rolsuper: boolean; rolbypassrls: boolean; owned: number }>(
      `SELECT r.rolsuper, r.rolbypassrls,
              (SELECT count(*)::int FROM pg_tables t WHERE t.schemaname = 'public' AND t.tableowner = current_user) AS owned
         FROM pg_roles r WHERE r.rolname = current_user`,
    );
    expect(rows[0]).toEqual({ rolsuper: false, rolbypassrls: false, owned: 0 });
    const forced = await db.api.query<{ relname: string }>(
      `SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r'
          AND relname NOT IN ('schema_version', 'credentials') AND NOT (relrowsecurity AND relforcerowsecurity)`,
    );
    expect(forced.rows).toEqual([]);
  });
});
