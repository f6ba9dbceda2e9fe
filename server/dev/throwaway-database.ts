/**
 * A throwaway database on this machine's PostgreSQL 15 for the server tests and the bench's team
 * part: starts the local cluster if it is installed but down, creates the roles (an owner that
 * migrates, an API login in leadledger_app) and a database named `<prefix>_<pid>_<time>`, migrates
 * it as the owner, and drops it again. Admin work goes through `su postgres -c psql` (CI runs as
 * root), or through TEST_ADMIN_DATABASE_URL when that is set. Databases of a prefix left by a run
 * that was killed before its teardown (its process is gone) are dropped first.
 */
import { execFileSync } from 'node:child_process';
import pg from 'pg';
import { migrate } from '../src/db/migrate';

export interface ThrowawayDatabase {
  /** The owner's login (it ran the migrations; FORCE row-level security applies to it too). */
  ownerUrl: string;
  /** The API's login: a member of leadledger_app, no superuser, no BYPASSRLS. */
  apiUrl: string;
  drop(): Promise<void>;
}

const OWNER = 'leadledger_test_owner';
const API = 'leadledger_test_api';
const PASSWORD = 'leadledger-test-only';
const HOST = process.env.TEST_PGHOST ?? '127.0.0.1';
const PORT = process.env.TEST_PGPORT ?? '5432';

function startClusterIfDown(): void {
  try {
    const clusters = execFileSync('pg_lsclusters', ['--no-header'], { encoding: 'utf8' });
    if (/^15\s+main\s+\d+\s+down/m.test(clusters)) execFileSync('pg_ctlcluster', ['15', 'main', 'start']);
  } catch {
    // No Debian cluster tools: a server is expected to be running already.
  }
}

async function admin(sql: string): Promise<void> {
  const url = process.env.TEST_ADMIN_DATABASE_URL;
  if (url) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      for (const statement of sql.split(';\n').filter((s) => s.trim())) await client.query(statement);
    } finally {
      await client.end();
    }
    return;
  }
  execFileSync('su', ['postgres', '-c', 'psql -X -q -v ON_ERROR_STOP=1'], {
    input: sql,
    stdio: ['pipe', 'ignore', 'inherit'],
  });
}

const rolesSql = `DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'leadledger_app') THEN
    CREATE ROLE leadledger_app NOLOGIN NOSUPERUSER NOBYPASSRLS;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${OWNER}') THEN
    CREATE ROLE ${OWNER} LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD '${PASSWORD}';
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${API}') THEN
    CREATE ROLE ${API} LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD '${PASSWORD}' IN ROLE leadledger_app;
  END IF;
END
$$;
`;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function dropLeftovers(prefix: string): Promise<void> {
  if (process.env.TEST_ADMIN_DATABASE_URL) return;
  const list = execFileSync(
    'su',
    ['postgres', '-c', `psql -X -At -c "SELECT datname FROM pg_database WHERE datname LIKE '${prefix}\\_%'"`],
    { encoding: 'utf8' },
  );
  const own = new RegExp(`^${prefix}_(\\d+)_`);
  for (const name of list.split('\n').filter(Boolean)) {
    const pid = Number(own.exec(name)?.[1]);
    if (!pid || alive(pid)) continue;
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE);\n`);
  }
}

const url = (role: string, db: string): string => `postgres://${role}:${PASSWORD}@${HOST}:${PORT}/${db}`;

/** `prefix`: lower-case letters and underscores (it becomes part of a database name). */
export async function createThrowawayDatabase(prefix: string): Promise<ThrowawayDatabase> {
  if (!/^[a-z_]+$/.test(prefix)) throw new Error(`not a database name prefix: ${prefix}`);
  startClusterIfDown();
  await dropLeftovers(prefix);
  const db = `${prefix}_${process.pid}_${Date.now().toString(36)}`;
  const drop = () => admin(`DROP DATABASE IF EXISTS ${db} WITH (FORCE);\n`);
  await admin(`${rolesSql}CREATE DATABASE ${db} OWNER ${OWNER};\n`);
  // PostgreSQL 15: the database owner owns schema public (pg_database_owner), so the owner migrates it.
  try {
    await migrate(url(OWNER, db));
  } catch (error) {
    await drop();
    throw error;
  }
  return { ownerUrl: url(OWNER, db), apiUrl: url(API, db), drop };
}
