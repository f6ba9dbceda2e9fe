/**
 * One request, one transaction: the caller's organisation, user, role and teams are set with
 * set_config(..., true) (SET LOCAL), so they vanish at COMMIT/ROLLBACK and never leak to the next
 * request on the pooled connection. Row-level security reads them in every policy. A request's
 * role and teams are read from the database as its session opens (the token names the user).
 */
import type pg from 'pg';

export const ROLES = ['steward', 'manager', 'team_lead', 'agent'] as const;
export type Role = (typeof ROLES)[number];

export interface SessionClaims {
  orgId: string;
  userId: string;
  role: Role;
  teamIds: readonly string[];
  /**
   * The version of the credential the token was issued under (a request's claims): the session
   * opens only while the user's credential still has it (decision 058), checked in the same
   * round trip as the settings.
   */
  credentialVersion?: number;
}

/** A session refused because its credential changed or is gone: answered 401. */
export class SessionEnded extends Error {
  readonly statusCode = 401;
  constructor() {
    super('session ended: sign in again');
  }
}

/** The advisory lock key of an organisation's pushes (the change_seq trigger takes the same one). */
const ORG_LOCK = 'pg_advisory_xact_lock(4361, hashtext($1::uuid::text))';

/** The users' teams as session_scope answers them: comma-separated, '' for none. */
const teamList = (text: string | null): string[] => (text ? text.split(',') : []);

/**
 * `lockOrg`: also take the organisation's push lock, held to COMMIT, in the same round trip as
 * the settings (a push holds it throughout; every round trip under it delays the next push).
 *
 * A request's claims (with a credential version) open a session under the user's role and teams
 * as they are now (session_scope, migration 005), not as the token says: `fn` is given them.
 * A user with no such role any more, or whose credential changed, gets SessionEnded.
 */
export async function withSession<T>(
  pool: pg.Pool,
  claims: SessionClaims,
  fn: (client: pg.PoolClient, session: SessionClaims) => Promise<T>,
  options: { lockOrg?: boolean } = {},
): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query('BEGIN');
    const lock = options.lockOrg ? `, ${ORG_LOCK}` : '';
    let session = claims;
    if (claims.credentialVersion !== undefined) {
      const { rows } = await client.query<{ cv: number | null; role: string | null; team_ids: string | null }>(
        `SELECT s.cv, s.role, s.team_ids, set_config('app.user_id', $2::text, true),
                set_config('app.role', coalesce(s.role, ''), true), set_config('app.team_ids', s.team_ids, true)${lock}
           FROM session_scope($2::uuid, $1::uuid) s`,
        [claims.orgId, claims.userId],
      );
      const now = rows[0];
      if (!now || now.cv !== claims.credentialVersion || !ROLES.includes(now.role as Role)) throw new SessionEnded();
      session = { ...claims, role: now.role as Role, teamIds: teamList(now.team_ids) };
    } else
      await client.query(
        `SELECT set_config('app.org_id', $1, true), set_config('app.user_id', $2, true),
                set_config('app.role', $3, true), set_config('app.team_ids', $4, true)${lock}`,
        [claims.orgId, claims.userId, claims.role, claims.teamIds.join(',')],
      );
    const result = await fn(client, session);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {
      broken = true;
    });
    throw error;
  } finally {
    client.release(broken);
  }
}
