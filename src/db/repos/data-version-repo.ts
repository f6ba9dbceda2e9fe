/** Reading and settling the data version token (see ../data-version.ts). */
import { DATA_VERSION_KEY } from '../data-version';
import type { LeadsDb } from '../leads-db';

/** The current token, written first when no tracked write has happened since the engine table was created. */
export async function ensureDataVersion(db: LeadsDb): Promise<string> {
  return db.transaction('rw', db.engine, async () => {
    const row = await db.engine.get(DATA_VERSION_KEY);
    if (typeof row?.value === 'string') return row.value;
    const value = crypto.randomUUID();
    await db.engine.put({ key: DATA_VERSION_KEY, value });
    return value;
  });
}
