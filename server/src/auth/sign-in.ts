/** Sign-in: e-mail and password against the scrypt hash, then the user's role and teams for the token. */
import type pg from 'pg';
import { SessionEnded, withSession, type SessionClaims } from '../db/session';
import { verifyAgainstNothing, verifyPassword } from './password';

/** A signed-in user's claims, and the version of the credential the password was checked against. */
export interface SignedIn {
  claims: SessionClaims;
  credentialVersion: number;
}

export async function signIn(pool: pg.Pool, email: string, password: string): Promise<SignedIn | null> {
  // The hash and its version in one statement (one snapshot): a token never carries the version
  // of a password other than the one it was given with.
  const { rows } = await pool.query<{
    user_id: string;
    org_id: string;
    password_hash: string | null;
    version: number;
  }>('SELECT user_id, org_id, password_hash, credential_version(user_id, org_id) AS version FROM auth_lookup($1)', [
    email,
  ]);
  const found = rows[0];
  // An unknown e-mail, or a credential removed (no password): the same work, the same answer.
  if (!found?.password_hash) return verifyAgainstNothing(password).then(() => null);
  if (!(await verifyPassword(password, found.password_hash))) return null;
  try {
    return {
      claims: await loadClaims(pool, found.org_id, found.user_id, found.version),
      credentialVersion: found.version,
    };
  } catch (error) {
    // The password was set again, or the user lost their role, between the two statements.
    if (error instanceof SessionEnded) return null;
    throw error;
  }
}

/**
 * The user's role and teams as they are now, as a session of theirs opens under `credentialVersion`
 * (session_scope: db/session.ts). A user whose credential changed, or who has no role any more, is
 * SessionEnded (401).
 */
export function loadClaims(
  pool: pg.Pool,
  orgId: string,
  userId: string,
  credentialVersion: number,
): Promise<SessionClaims> {
  const token: SessionClaims = { orgId, userId, role: 'agent', teamIds: [], credentialVersion };
  return withSession(pool, token, async (_client, now) => ({
    orgId,
    userId,
    role: now.role,
    teamIds: now.teamIds,
  }));
}
