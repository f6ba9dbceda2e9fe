/**
 * For unit tests: fresh, uniquely named databases (on fake-indexeddb), deleted after each test.
 * Call `deleteFreshDatabases()` once at the top of a test file, then `freshDb()` in each test.
 */
import { afterEach } from 'vitest';
import { LeadsDb } from './leads-db';

const open: LeadsDb[] = [];

export function freshDb(): LeadsDb {
  const db = new LeadsDb(`t-${crypto.randomUUID()}`);
  open.push(db);
  return db;
}

export function deleteFreshDatabases(): void {
  afterEach(async () => {
    for (const db of open.splice(0)) await db.delete();
  });
}
