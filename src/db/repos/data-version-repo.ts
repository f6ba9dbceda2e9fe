/** Reading and settling the data version token (see ../data-version.ts). */
import { DATA_VERSION_KEY } from '../data-version';
import type { LeadsDb } from '../leads-db';

/** The current token, written first when no tracked write has happened since the change-log table was created. */
export async function ensureDataVersion(db: LeadsDb): Promise<string> {
  return db.transaction('rw', db.changes, async () => {
    const row = await db.changes.get(DATA_VERSION_KEY);
    if (typeof row?.value === 'string') return row.value;
    const value = crypto.randomUUID();
    await db.changes.put({ key: DATA_VERSION_KEY, value });
    return value;
  });
}

/** The current data version token (null before the first tracked write). */
export async function readDataVersion(db: LeadsDb): Promise<string | null> {
  const row = await db.changes.get(DATA_VERSION_KEY);
  return typeof row?.value === 'string' ? row.value : null;
}
