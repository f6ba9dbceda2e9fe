/**
 * A new, empty database for each call, on fake-indexeddb, as repository tests use them. Call
 * `freshDbs()` once at a test file's top level: the databases are deleted after each test.
 */
import { afterEach } from 'vitest';
import { LeadsDb } from '../db/leads-db';

export function freshDbs(): () => LeadsDb {
  const dbs: LeadsDb[] = [];
  afterEach(async () => {
    for (const db of dbs.splice(0)) await db.delete();
  });
  return () => {
    const db = new LeadsDb(`t-${crypto.randomUUID()}`);
    dbs.push(db);
    return db;
  };
}
