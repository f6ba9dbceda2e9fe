/**
 * One request, one transaction: the caller's organisation, user, role and teams are set with
 * set_config(..., true) (SET LOCAL), so they vanish at COMMIT/ROLLBACK and never leak to the next
 * request on the pooled connection. Row-level security reads them in every policy.
 */
import type pg from 'pg';

export const ROLES = ['steward', 'manager', 'team_lead', 'agent'] as const;
export type Role = (typeof ROLES)[number];

export interface SessionClaims {
  orgId: string;
  userId: string;
  role: Role;
  teamIds: readonly string[];
}

/** The advisory lock key of an organisation's pushes (the change_seq trigger takes the same one). */
const ORG_LOCK = 'pg_advisory_xact_lock(4361, hashtext($1::uuid::text))';

/**
 * `lockOrg`: also take the organisation's push lock, held to COMMIT, in the same round trip as
 * the settings (a push holds it throughout; every round trip under it delays the next push).
 */
export async function withSession<T>(
  pool: pg.Pool,
  claims: SessionClaims,
  fn: (client: pg.PoolClient) => Promise<T>,
  options: { lockOrg?: boolean } = {},
): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query('BEGIN');
    await client.query(
      `SELECT set_config('app.org_id', $1, true), set_config('app.user_id', $2, true),
              set_config('app.role', $3, true), set_config('app.team_ids', $4, true)
              ${options.lockOrg ? `, ${ORG_LOCK}` : ''}`,
      [claims.orgId, claims.userId, claims.role, claims.teamIds.join(',')],
    );
    const result = await fn(client);
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
