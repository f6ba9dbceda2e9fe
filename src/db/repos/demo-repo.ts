/** Seeding the demo dataset (once, idempotently) and resetting or emptying the database. */
import { buildDemoDataset } from '../demo-data';
import type { LeadsDb } from '../leads-db';
import { appendAudit } from './audit-repo';
import { getFlag, setFlag } from './settings-repo';

export type SeedResult = 'seeded' | 'already-seeded' | 'not-empty' | 'opted-out';

/**
 * How far seeding has got, in the unit the user knows: leads generated so far while the world
 * is built, then records written of each table ("leads 4,000 of 21,215"). `written` and
 * `toWrite` count every record of every table, for one bar over the whole wait.
 */
export interface SeedProgress {
  phase: 'building' | 'leads' | 'calls' | 'consents' | 'dnc' | 'done';
  done: number;
  total: number;
  written: number;
  toWrite: number;
}

export type SeedListener = (p: SeedProgress) => void;

/** Records per bulk call: small enough that the bar moves several times a second. */
const SEED_CHUNK = 2_000;

/**
 * Load the demo data on first start. One read-write transaction that checks first, so
 * StrictMode's double effect and two tabs opening at once still seed exactly once. Runs in
 * the demo worker (workers/demo.worker.ts); `onProgress` must not be awaited (a Comlink call
 * awaited inside the transaction would let it commit early).
 */
export async function seedDemoIfEmpty(
  db: LeadsDb,
  now = Date.now(),
  onProgress: SeedListener = () => {},
  scale = 1,
): Promise<SeedResult> {
  const before = await seedBlocker(db);
  if (before) return before;
  const t0 = performance.now();
  onProgress({ phase: 'building', done: 0, total: 0, written: 0, toWrite: 0 });
  const data = buildDemoDataset(
    now,
    undefined,
    (leads) => onProgress({ phase: 'building', done: leads, total: 0, written: 0, toWrite: 0 }),
    scale,
  );
  const t1 = performance.now();
  performance.measure('leadledger:seed-build', { start: t0, end: t1 });
  const parts = [
    { phase: 'leads', rows: data.leads, table: db.leads },
    { phase: 'calls', rows: data.calls, table: db.calls },
    { phase: 'consents', rows: data.consents, table: db.consents },
    { phase: 'dnc', rows: data.dncEntries, table: db.dncEntries },
  ] as const;
  const toWrite = parts.reduce((n, p) => n + p.rows.length, 0);
  return db.transaction('rw', db.tables, async () => {
    const blocker = await seedBlocker(db);
    if (blocker) return blocker;
    await db.sources.bulkAdd(data.sources);
    await db.campaigns.bulkAdd(data.campaigns);
    await db.dncLists.bulkAdd(data.dncLists);
    await db.dncListVersions.bulkAdd(data.dncListVersions);
    let written = 0;
    for (const part of parts) {
      const rows = part.rows as readonly object[];
      const table = part.table as unknown as { bulkAdd: (rows: object[]) => Promise<unknown> };
      onProgress({ phase: part.phase, done: 0, total: rows.length, written, toWrite });
      for (let i = 0; i < rows.length; i += SEED_CHUNK) {
        const chunk = rows.slice(i, i + SEED_CHUNK);
        await table.bulkAdd(chunk);
        written += chunk.length;
        onProgress({ phase: part.phase, done: i + chunk.length, total: rows.length, written, toWrite });
      }
    }
    await db.dncScrubs.add(data.scrub);
    await setFlag(db, 'demoSeeded', true);
    performance.measure('leadledger:seed-write', { start: t1 });
    await appendAudit(
      db,
      {
        action: 'seed',
        entity: 'database',
        ids: [],
        before: null,
        after: { leads: data.leads.length, calls: data.calls.length, consents: data.consents.length },
      },
      now,
    );
    onProgress({ phase: 'done', done: toWrite, total: toWrite, written: toWrite, toWrite });
    return 'seeded';
  });
}

/** Whether seeding has anything to do (cheap: two flags and one key), so the page starts no worker for nothing. */
export async function seedNeeded(db: LeadsDb): Promise<boolean> {
  return (await seedBlocker(db)) === null;
}

async function seedBlocker(db: LeadsDb): Promise<Exclude<SeedResult, 'seeded'> | null> {
  if (await getFlag<boolean>(db, 'demoSeeded')) return 'already-seeded';
  if (await getFlag<boolean>(db, 'emptyByChoice')) return 'opted-out';
  // One key, not count(): IndexedDB counts by walking every key (200–300 ms at 100k), and this
  // runs at every page load, on the same queue as the engine's snapshot read.
  if ((await db.leads.limit(1).primaryKeys()).length > 0) return 'not-empty';
  return null;
}

/** Remove every record; the audit trail records that it happened (and starts anew). */
async function clearAll(db: LeadsDb): Promise<void> {
  for (const table of db.tables) await table.clear();
}

/** Start over with the demo data. */
export async function resetDemoData(
  db: LeadsDb,
  now = Date.now(),
  onProgress?: SeedListener,
  scale = 1,
): Promise<SeedResult> {
  await db.transaction('rw', db.tables, async () => {
    const settings = await db.settings.get('org');
    await clearAll(db);
    if (settings) await db.settings.put(settings);
  });
  return seedDemoIfEmpty(db, now, onProgress, scale);
}

/** Start with an empty database (keeps the settings) and do not seed again. */
export async function startEmpty(db: LeadsDb, now = Date.now()): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    const settings = await db.settings.get('org');
    await clearAll(db);
    if (settings) await db.settings.put(settings);
    await setFlag(db, 'emptyByChoice', true);
    await appendAudit(
      db,
      { action: 'delete', entity: 'database', ids: [], before: null, after: { emptied: true } },
      now,
    );
  });
}
