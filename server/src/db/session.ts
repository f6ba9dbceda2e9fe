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

export async function withSession<T>(
  pool: pg.Pool,
  claims: SessionClaims,
  fn: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query('BEGIN');
    await client.query(
      `SELECT set_config('app.org_id', $1, true), set_config('app.user_id', $2, true),
              set_config('app.role', $3, true), set_config('app.team_ids', $4, true)`,
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
