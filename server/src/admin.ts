/**
 * Organisation set-up, run as the owner (MIGRATION_DATABASE_URL): FORCE ROW LEVEL SECURITY applies
 * to the owner too, so each write happens inside a steward session of the organisation it touches.
 * Used by `npm run server:bootstrap` and by the server tests. (A user-management API is future work.)
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { withSession, type Role, type SessionClaims } from './db/session';
import { hashPassword } from './auth/password';

const stewardOf = (orgId: string): SessionClaims => ({
  orgId,
  userId: '00000000-0000-0000-0000-000000000000',
  role: 'steward',
  teamIds: [],
});

export async function createOrg(owner: pg.Pool, name: string): Promise<string> {
  const id = randomUUID();
  await withSession(owner, stewardOf(id), (c) => c.query('INSERT INTO orgs (id, name) VALUES ($1, $2)', [id, name]));
  return id;
}

export async function createTeam(owner: pg.Pool, orgId: string, name: string): Promise<string> {
  const id = randomUUID();
  await withSession(owner, stewardOf(orgId), (c) =>
    c.query('INSERT INTO teams (org_id, id, name) VALUES ($1, $2, $3)', [orgId, id, name]),
  );
  return id;
}

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  teamIds?: string[];
  /** A password, or an already computed scrypt hash (tests reuse one to spare the CPU). */
  password?: string;
  passwordHash?: string;
}

export async function createUser(owner: pg.Pool, orgId: string, user: NewUser): Promise<string> {
  const id = randomUUID();
  const hash = user.passwordHash ?? (await hashPassword(user.password ?? ''));
  const email = user.email.toLowerCase();
  await withSession(owner, stewardOf(orgId), async (c) => {
    await c.query('INSERT INTO users (id, org_id, email, name, role) VALUES ($1, $2, $3, $4, $5)', [
      id,
      orgId,
      email,
      user.name,
      user.role,
    ]);
    await c.query('INSERT INTO credentials (email, user_id, org_id, password_hash) VALUES ($1, $2, $3, $4)', [
      email,
      id,
      orgId,
      hash,
    ]);
    for (const teamId of user.teamIds ?? [])
      await c.query('INSERT INTO team_members (org_id, team_id, user_id) VALUES ($1, $2, $3)', [orgId, teamId, id]);
  });
  return id;
}

/**
 * Sets a user's password again (`password`, or an already computed scrypt hash). The credential's
 * version is raised with it, so every session issued under the old one ends at its next request.
 * A removed credential gets its password back this way. False when the user has no credential.
 */
export async function setPassword(
  owner: pg.Pool,
  orgId: string,
  userId: string,
  secret: { password: string } | { passwordHash: string },
): Promise<boolean> {
  const hash = 'passwordHash' in secret ? secret.passwordHash : await hashPassword(secret.password);
  const { rowCount } = await withSession(owner, stewardOf(orgId), (c) =>
    c.query('UPDATE credentials SET password_hash = $1, version = version + 1 WHERE user_id = $2 AND org_id = $3', [
      hash,
      userId,
      orgId,
    ]),
  );
  return rowCount === 1;
}

/**
 * Removes a user's password (a user who leaves): no sign-in any more, and every session issued
 * before ends at its next request, refresh included. The credential's row stays, without a
 * password and at a raised version, so a password set again later (setPassword) never brings back
 * a version an old token carries. The user's row stays: the audit trail and their data name them.
 */
export async function removeCredential(owner: pg.Pool, orgId: string, userId: string): Promise<void> {
  await withSession(owner, stewardOf(orgId), (c) =>
    c.query('UPDATE credentials SET password_hash = NULL, version = version + 1 WHERE user_id = $1 AND org_id = $2', [
      userId,
      orgId,
    ]),
  );
}

/**
 * A user's teams, as they are to be from now (memberships added and removed). Their next token
 * refresh carries them; their device then drops the leads of teams left and pulls again from the
 * start for the teams joined (src/db/repos/sync-scope-repo.ts).
 */
export async function setTeams(
  owner: pg.Pool,
  orgId: string,
  userId: string,
  teamIds: readonly string[],
): Promise<void> {
  await withSession(owner, stewardOf(orgId), async (c) => {
    await c.query('DELETE FROM team_members WHERE org_id = $1 AND user_id = $2', [orgId, userId]);
    for (const teamId of teamIds)
      await c.query('INSERT INTO team_members (org_id, team_id, user_id) VALUES ($1, $2, $3)', [orgId, teamId, userId]);
  });
}
