/** Seeding the demo dataset (once, idempotently) and resetting or emptying the database. */
import { buildDemoDataset } from '../demo-data';
import type { LeadsDb } from '../leads-db';
import { appendAudit } from './audit-repo';
import { getFlag, setFlag } from './settings-repo';

export type SeedResult = 'seeded' | 'already-seeded' | 'not-empty' | 'opted-out';

/**
 * Load the demo data on first start. One read-write transaction that checks first, so
 * StrictMode's double effect and two tabs opening at once still seed exactly once.
 */
export async function seedDemoIfEmpty(db: LeadsDb, now = Date.now()): Promise<SeedResult> {
  const before = await seedBlocker(db);
  if (before) return before;
  const t0 = performance.now();
  const data = buildDemoDataset(now);
  const t1 = performance.now();
  performance.measure('leadledger:seed-build', { start: t0, end: t1 });
  return db.transaction('rw', db.tables, async () => {
    const blocker = await seedBlocker(db);
    if (blocker) return blocker;
    await db.sources.bulkAdd(data.sources);
    await db.campaigns.bulkAdd(data.campaigns);
    await db.leads.bulkAdd(data.leads);
    await db.calls.bulkAdd(data.calls);
    await db.consents.bulkAdd(data.consents);
    await db.dncLists.bulkAdd(data.dncLists);
    await db.dncListVersions.bulkAdd(data.dncListVersions);
    await db.dncEntries.bulkAdd(data.dncEntries);
    await db.dncScrubs.add(data.scrub);
    await setFlag(db, 'demoSeeded', true);
    performance.measure('leadledger:seed-write', { start: t1 });
    await appendAudit(db, { action: 'seed', entity: 'database', ids: [], before: null, after: { leads: data.leads.length, calls: data.calls.length, consents: data.consents.length } }, now);
    return 'seeded';
  });
}

async function seedBlocker(db: LeadsDb): Promise<Exclude<SeedResult, 'seeded'> | null> {
  if (await getFlag<boolean>(db, 'demoSeeded')) return 'already-seeded';
  if (await getFlag<boolean>(db, 'emptyByChoice')) return 'opted-out';
  if ((await db.leads.count()) > 0) return 'not-empty';
  return null;
}

/** Remove every record; the audit trail records that it happened (and starts anew). */
async function clearAll(db: LeadsDb): Promise<void> {
  for (const table of db.tables) await table.clear();
}

/** Start over with the demo data. */
export async function resetDemoData(db: LeadsDb, now = Date.now()): Promise<SeedResult> {
  await db.transaction('rw', db.tables, async () => {
    const settings = await db.settings.get('org');
    await clearAll(db);
    if (settings) await db.settings.put(settings);
  });
  return seedDemoIfEmpty(db, now);
}

/** Start with an empty database (keeps the settings) and do not seed again. */
export async function startEmpty(db: LeadsDb, now = Date.now()): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    const settings = await db.settings.get('org');
    await clearAll(db);
    if (settings) await db.settings.put(settings);
    await setFlag(db, 'emptyByChoice', true);
    await appendAudit(db, { action: 'delete', entity: 'database', ids: [], before: null, after: { emptied: true } }, now);
  });
}
