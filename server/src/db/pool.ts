/** The API's connection pool, refused if its login could bypass row-level security. */
import pg from 'pg';

// bigint (int8) as a decimal string would be read as text; our seqs stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));

export function createPool(url: string, max = 10): pg.Pool {
  return new pg.Pool({ connectionString: url, max });
}

/**
 * Row-level security does not apply to superusers or roles with BYPASSRLS (FORCE covers the
 * owner), so the server will not run on such a login.
 */
export async function assertUnprivileged(pool: pg.Pool): Promise<void> {
  const { rows } = await pool.query<{ rolsuper: boolean; rolbypassrls: boolean; member: boolean }>(
    `SELECT rolsuper, rolbypassrls, pg_has_role(current_user, 'leadledger_app', 'USAGE') AS member
       FROM pg_roles WHERE rolname = current_user`,
  );
  const role = rows[0];
  if (!role) throw new Error('Cannot read the database login’s attributes');
  if (role.rolsuper || role.rolbypassrls)
    throw new Error('DATABASE_URL logs in as a superuser or a BYPASSRLS role: row-level security would not apply');
  if (!role.member) throw new Error('DATABASE_URL’s login is not a member of leadledger_app');
}
