/** Sign-in: e-mail and password against the scrypt hash, then the user's role and teams for the token. */
import type pg from 'pg';
import { withSession, ROLES, type Role, type SessionClaims } from '../db/session';
import { verifyAgainstNothing, verifyPassword } from './password';

/** A signed-in user's claims, and the version of the credential the password was checked against. */
export interface SignedIn {
  claims: SessionClaims;
  credentialVersion: number;
}

export async function signIn(pool: pg.Pool, email: string, password: string): Promise<SignedIn | null> {
  // The hash and its version in one statement (one snapshot): a token never carries the version
  // of a password other than the one it was given with.
  const { rows } = await pool.query<{ user_id: string; org_id: string; password_hash: string; version: number }>(
    'SELECT user_id, org_id, password_hash, credential_version(user_id, org_id) AS version FROM auth_lookup($1)',
    [email],
  );
  const found = rows[0];
  if (!found) return verifyAgainstNothing(password).then(() => null);
  if (!(await verifyPassword(password, found.password_hash))) return null;
  const claims = await loadClaims(pool, found.org_id, found.user_id);
  return claims && { claims, credentialVersion: found.version };
}

/**
 * The role and teams, read inside a session of the user's own organisation (RLS applies here too).
 * `credentialVersion`: a refresh's token's, checked as that session opens (SessionEnded otherwise).
 */
export async function loadClaims(
  pool: pg.Pool,
  orgId: string,
  userId: string,
  credentialVersion?: number,
): Promise<SessionClaims | null> {
  const bootstrap: SessionClaims = {
    orgId,
    userId,
    role: 'agent',
    teamIds: [],
    ...(credentialVersion !== undefined ? { credentialVersion } : {}),
  };
  return withSession(pool, bootstrap, async (client) => {
    const { rows } = await client.query<{ role: Role; team_ids: string[] }>(
      `SELECT u.role, coalesce(array_agg(m.team_id) FILTER (WHERE m.team_id IS NOT NULL), '{}') AS team_ids
         FROM users u LEFT JOIN team_members m ON m.user_id = u.id
        WHERE u.id = $1 GROUP BY u.id`,
      [userId],
    );
    const user = rows[0];
    if (!user || !ROLES.includes(user.role)) return null;
    return { orgId, userId, role: user.role, teamIds: user.team_ids };
  });
}
