/**
 * Starts the local PostgreSQL 15 cluster if it is installed but down, creates the test roles and a
 * throwaway database, migrates it as the owner, and drops it after the run. Admin work goes through
 * `su postgres -c psql` (CI runs as root), or through TEST_ADMIN_DATABASE_URL when that is set.
 */
import { execFileSync } from 'node:child_process';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrate } from '../src/db/migrate';

declare module 'vitest' {
  export interface ProvidedContext {
    ownerUrl: string;
    apiUrl: string;
  }
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

/** Databases left by runs that were killed before their teardown (their process is gone). */
async function dropLeftovers(): Promise<void> {
  if (process.env.TEST_ADMIN_DATABASE_URL) return;
  const list = execFileSync(
    'su',
    ['postgres', '-c', 'psql -X -At -c "SELECT datname FROM pg_database WHERE datname LIKE \'leadledger_test_%\'"'],
    {
      encoding: 'utf8',
    },
  );
  for (const name of list.split('\n').filter(Boolean)) {
    const pid = Number(/^leadledger_test_(\d+)_/.exec(name)?.[1]);
    if (!pid || alive(pid)) continue;
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE);\n`);
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const url = (role: string, db: string): string => `postgres://${role}:${PASSWORD}@${HOST}:${PORT}/${db}`;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  startClusterIfDown();
  await dropLeftovers();
  const db = `leadledger_test_${process.pid}_${Date.now().toString(36)}`;
  await admin(`${rolesSql}CREATE DATABASE ${db} OWNER ${OWNER};\n`);
  // PostgreSQL 15: the database owner owns schema public (pg_database_owner), so the owner migrates it.
  try {
    await migrate(url(OWNER, db));
  } catch (error) {
    await admin(`DROP DATABASE IF EXISTS ${db} WITH (FORCE);\n`);
    throw error;
  }
  project.provide('ownerUrl', url(OWNER, db));
  project.provide('apiUrl', url(API, db));
  return async () => {
    await admin(`DROP DATABASE IF EXISTS ${db} WITH (FORCE);\n`);
  };
}
