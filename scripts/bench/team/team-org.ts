/**
 * The bench's organisations on the team server's database, written as the owner inside a steward
 * session (FORCE row-level security applies to the owner too): two teams, a steward, agents split
 * between the teams, and leads (with one call each, for a first sync) inserted by SQL in bulk —
 * a million leads take a minute this way, against the hours of a million pushes.
 */
import { createHash } from 'node:crypto';
import type pg from 'pg';
import { createOrg, createTeam, createUser } from '../../../server/src/admin';
import { hashPassword } from '../../../server/src/auth/password';
import { withSession, type SessionClaims } from '../../../server/src/db/session';

export const BENCH_PASSWORD = 'bench passphrase, loopback only';

export interface BenchUser {
  email: string;
  claims: SessionClaims;
}

export interface BenchOrg {
  orgId: string;
  teams: string[];
  steward: BenchUser;
  agents: BenchUser[];
}

export async function createBenchOrg(owner: pg.Pool, name: string, agentCount: number): Promise<BenchOrg> {
  // One scrypt hash for every user: sign-in still verifies it with the server's own parameters.
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const orgId = await createOrg(owner, name);
  const teams = [await createTeam(owner, orgId, 'Team A'), await createTeam(owner, orgId, 'Team B')];
  const tag = orgId.slice(0, 8);
  const user = async (role: 'steward' | 'agent', email: string, teamIds: string[]): Promise<BenchUser> => {
    const userId = await createUser(owner, orgId, { email, name: email, role, teamIds, passwordHash });
    return { email, claims: { orgId, userId, role, teamIds } };
  };
  const steward = await user('steward', `steward-${tag}@bench.test`, teams);
  const agents: BenchUser[] = [];
  for (let i = 0; i < agentCount; i++)
    agents.push(await user('agent', `agent-${i}-${tag}@bench.test`, [teams[i % teams.length]!]));
  return { orgId, teams, steward, agents };
}

/**
 * Lead g's id (g from 1; it belongs to `teams[g % teams.length]`): a UUID made from `<prefix><g>`
 * (PostgreSQL's `md5(…)::uuid`), in no order, as the random UUIDs clients give the leads they
 * create. Until session 36 the id was `<prefix><g>` itself, whose order followed g, so each page
 * of a first sync asked the replica's index about a narrow range of ids and hid a cost a real
 * team's random ids have (decision 064).
 */
export const benchLeadId = (prefix: string, g: number): string => {
  const hex = createHash('md5').update(`${prefix}${g}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};
/** SQL for lead g's id (as benchLeadId), and for its call's. */
const LEAD_ID = `md5($1 || g)::uuid::text`;
const CALL_ID = `md5($1 || g || '-call')::uuid::text`;

/** The call of lead g (`$2` is now): its instant and outcome, as SEED_CALLS writes it and the lead's facts count it. */
const CALL_AT = `($2::bigint - g::bigint * 30000)`;
const OUTCOME = `(ARRAY['no-answer', 'connected', 'busy', 'voicemail'])[1 + g % 4]`;

const SEED_LEADS = `
  INSERT INTO leads (org_id, id, team_id, phone_e164, fields, clocks, created_by)
  SELECT app_org_id(), ${LEAD_ID}, t.team, '+447' || (100000000 + g)::text, f.fields,
         (SELECT jsonb_object_agg(k, $4::text) FROM jsonb_object_keys(f.fields) AS k), app_user_id()
    FROM generate_series($5::int, $6::int) AS g,
         LATERAL (SELECT ($3::uuid[])[1 + g % array_length($3::uuid[], 1)] AS team) AS t,
         LATERAL (SELECT jsonb_build_object(
           'phoneRaw', '07' || (100000000 + g)::text, 'region', 'GB', 'timeZone', 'Europe/London',
           'name', 'Bench Lead ' || g, 'company', 'Company ' || (g % 5000), 'email', 'lead' || g || '@example.test',
           'tags', jsonb_build_array('bench', 'batch-' || (g % 12)), 'sourceId', 'source-' || (g % 12),
           'campaignId', NULL, 'acquiredAt', $2::bigint - g::bigint * 60000, 'acquiredAtPrecision', 'exact',
           'acquiredAtDeclared', NULL, 'createdAt', $2::bigint, 'updatedAt', $2::bigint, 'entryMethod', 'file',
           'verifiedAt', NULL, 'dncStatus', 'clear', 'dncCheckedAt', $2::bigint, 'anonymizedAt', NULL,
           'teamId', t.team) ||
           CASE WHEN $7 THEN jsonb_build_object('attempts', 1, 'firstContactAt', ${CALL_AT},
             'lastContactAt', ${CALL_AT}, 'lastOutcome', ${OUTCOME},
             'firstConnectedAt', CASE WHEN g % 4 = 1 THEN ${CALL_AT} END, 'convertedAt', NULL)
           ELSE jsonb_build_object('attempts', 0, 'firstContactAt', NULL, 'lastContactAt', NULL,
             'lastOutcome', NULL, 'firstConnectedAt', NULL, 'convertedAt', NULL) END AS fields) AS f`;

const SEED_CALLS = `
  INSERT INTO calls (org_id, id, lead_id, at, body, author_id, device_id)
  SELECT app_org_id(), ${CALL_ID}, ${LEAD_ID}, ${CALL_AT},
         jsonb_build_object('outcome', ${OUTCOME}, 'durationSec', g % 300, 'agent', 'seed'),
         app_user_id(), 'bench-seed'
    FROM generate_series($3::int, $4::int) AS g`;

/** Leads are seeded in blocks, each block's calls first: a lead's seq is its latest change, and logging a call changes it (its synced call facts). */
const BLOCK = 1000;

/**
 * `count` leads `<prefix>1…<prefix>count` across the organisation's teams, each with one call and
 * the call facts it gives when `withCalls`; in slices of 100k, one transaction each (a seq per
 * row, like any write).
 */
export async function seedLeads(
  owner: pg.Pool,
  org: BenchOrg,
  prefix: string,
  count: number,
  withCalls: boolean,
): Promise<void> {
  const now = Date.now();
  const stamp = `${String(now).padStart(13, '0')}-0000-bench-seed`;
  for (let slice = 1; slice <= count; slice += 100_000)
    await withSession(owner, org.steward.claims, async (c) => {
      for (let from = slice; from <= Math.min(count, slice + 99_999); from += BLOCK) {
        const to = Math.min(count, from + BLOCK - 1);
        if (withCalls) await c.query(SEED_CALLS, [prefix, now, from, to]);
        await c.query(SEED_LEADS, [prefix, now, org.teams, stamp, from, to, withCalls]);
      }
    });
  // A server's rows are written over days and vacuumed by autovacuum meanwhile; rows written a
  // moment ago are not (their first read sets every row's hint bits, several times slower).
  await owner.query('VACUUM (ANALYZE) leads, calls');
}
