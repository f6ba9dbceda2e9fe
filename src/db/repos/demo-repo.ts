/** Seeding the demo dataset (once, idempotently) and resetting or emptying the database. */
import Dexie, { type Table } from 'dexie';
import { buildDemoDataset, type DemoDataset } from '../demo-data';
import type { LeadsDb } from '../leads-db';
import { appendAudit } from './audit-repo';
import { getFlag, setFlag } from './settings-repo';

export type SeedResult = 'seeded' | 'already-seeded' | 'not-empty' | 'opted-out';

/**
 * How far seeding has got, in the unit the user knows: leads generated so far while the world
 * is built, then the DNC list numbers, then leads written ("leads 4,000 of 21,215", each with its
 * calls and consents). `written` and `toWrite` count every record of every table, for one bar
 * over the whole wait.
 */
export interface SeedProgress {
  phase: 'building' | 'dnc' | 'leads' | 'done';
  done: number;
  total: number;
  written: number;
  toWrite: number;
}

export type SeedListener = (p: SeedProgress) => void;

/** Leads per transaction (with their calls and consents): the app shows each part as it lands. */
export const SEED_CHUNK = 1_000;
/** After each chunk, a pause this share of the chunk's write, for the screens' reads (below). */
export const READERS_SHARE = 1;

/** The seed under way (a settings flag): the world's instant and size, and how many chunks are stored. */
interface SeedMarker {
  now: number;
  scale: number;
  chunks: number;
}
const MARKER = 'demoSeeding';

/** The demo's leads in chunks, in id order (the engine appends them: a lower id than its last would rebuild it), each with its calls and consents. */
function chunksOf(data: DemoDataset) {
  const byLead = <T extends { leadId: number }>(rows: readonly T[]) => {
    const of = new Map<number, T[]>();
    for (const r of rows) {
      const list = of.get(r.leadId);
      if (list) list.push(r);
      else of.set(r.leadId, [r]);
    }
    return of;
  };
  const calls = byLead(data.calls);
  const consents = byLead(data.consents);
  const chunks = [];
  for (let start = 0; start < data.leads.length; start += SEED_CHUNK) {
    const leads = data.leads.slice(start, start + SEED_CHUNK);
    chunks.push({
      leads,
      calls: leads.flatMap((l) => calls.get(l.id) ?? []),
      consents: leads.flatMap((l) => consents.get(l.id) ?? []),
    });
  }
  return chunks;
}

/** The demo's highest id in each table whose counter it moves. */
interface LastIds {
  leads: number;
  calls: number;
  consents: number;
}
const lastId = (rows: readonly { id: number }[]) => rows.reduce((m, r) => Math.max(m, r.id), 0);

/**
 * Move the leads', calls' and consents' id counters past the demo's highest ids, in the current
 * transaction: a record with that id added and deleted at once on the native stores (IndexedDB's
 * key generator takes an explicit key as its new floor and does not go back on delete), where no
 * record has it yet. Natively, under Dexie's middlewares: the change log never sees a record that
 * never was. Done by the first transaction and again by every chunk's: a backup restored in the
 * middle of a seed brings the marker back but not the counters.
 */
async function moveIdCounters(db: LeadsDb, lastIds: LastIds): Promise<void> {
  for (const [table, last] of [
    [db.leads, lastIds.leads],
    [db.calls, lastIds.calls],
    [db.consents, lastIds.consents],
  ] as const) {
    if (last === 0 || (await (table as Table<unknown, number>).get(last)) !== undefined) continue;
    const store = Dexie.currentTransaction!.idbtrans.objectStore(table.name);
    store.add({ id: last });
    store.delete(last);
  }
}

/**
 * Load the demo data on first start, a part at a time so the app is usable while it lands: the
 * DNC lists first (and each table's id counter moved past the demo's ids, so a lead, call or
 * consent the user adds meanwhile never takes an id a later chunk needs), then the leads in chunks
 * of SEED_CHUNK with their calls and consents, each chunk one transaction followed by a pause for
 * the screens' reads, then the scrub, the flag and the audit entry. A settings flag holds the seed
 * under way: a tab closed in the middle resumes on its next start with the same world (same
 * instant, same size), and each transaction checks it, so two tabs (or StrictMode's double effect)
 * seeding at once share the chunks and store each once. Runs in the demo worker
 * (workers/demo.worker.ts); `onProgress` must not be awaited (a Comlink call awaited inside a
 * transaction would let it commit early).
 */
export async function seedDemoIfEmpty(
  db: LeadsDb,
  now = Date.now(),
  onProgress: SeedListener = () => {},
  scale = 1,
  readersShare = READERS_SHARE,
): Promise<SeedResult> {
  const resumed = await getFlag<SeedMarker>(db, MARKER);
  if (!resumed) {
    const before = await seedBlocker(db);
    if (before) return before;
  }
  const world = resumed ?? { now, scale, chunks: 0 };
  const t0 = performance.now();
  onProgress({ phase: 'building', done: 0, total: 0, written: 0, toWrite: 0 });
  const data = buildDemoDataset(
    world.now,
    undefined,
    (leads) => onProgress({ phase: 'building', done: leads, total: 0, written: 0, toWrite: 0 }),
    world.scale,
  );
  const t1 = performance.now();
  performance.measure('leadledger:seed-build', { start: t0, end: t1 });
  const chunks = chunksOf(data);
  const lastIds = { leads: lastId(data.leads), calls: lastId(data.calls), consents: lastId(data.consents) };
  const toWrite = data.leads.length + data.calls.length + data.consents.length + data.dncEntries.length;
  const leadsTotal = data.leads.length;
  // Leads and records stored once `k` chunks are: [k].
  const leadsAfter = [0];
  const writtenAfter = [data.dncEntries.length];
  for (const c of chunks) {
    leadsAfter.push(leadsAfter.at(-1)! + c.leads.length);
    writtenAfter.push(writtenAfter.at(-1)! + c.leads.length + c.calls.length + c.consents.length);
  }

  // The lists, their versions and numbers, and the marker: the seed has begun.
  if (!resumed) {
    onProgress({ phase: 'dnc', done: 0, total: data.dncEntries.length, written: 0, toWrite });
    const begun = await db.transaction('rw', db.tables, async () => {
      if (await getFlag<SeedMarker>(db, MARKER)) return 'taken';
      const blocker = await seedBlocker(db);
      if (blocker) return blocker;
      await db.sources.bulkAdd(data.sources);
      await db.campaigns.bulkAdd(data.campaigns);
      await db.dncLists.bulkAdd(data.dncLists);
      await db.dncListVersions.bulkAdd(data.dncListVersions);
      await db.dncEntries.bulkAdd(data.dncEntries);
      await moveIdCounters(db, lastIds);
      await setFlag(db, MARKER, world);
      return 'begun';
    });
    // Another seeder began meanwhile, with a world of its own instant: go on with that one.
    if (begun === 'taken') return seedDemoIfEmpty(db, now, onProgress, scale, readersShare);
    if (begun !== 'begun') return begun;
  }

  for (;;) {
    const marker = await getFlag<SeedMarker>(db, MARKER);
    if (!marker) return 'already-seeded'; // another seeder finished it
    // Started again meanwhile (a reset from another tab): go on with that world.
    if (marker.now !== world.now || marker.scale !== world.scale)
      return seedDemoIfEmpty(db, now, onProgress, scale, readersShare);
    const at = marker.chunks;
    onProgress({ phase: 'leads', done: leadsAfter[at]!, total: leadsTotal, written: writtenAfter[at]!, toWrite });
    if (at === chunks.length) break;
    const chunk = chunks[at]!;
    const began = performance.now();
    await db.transaction('rw', [db.leads, db.calls, db.consents, db.settings], async () => {
      const current = await getFlag<SeedMarker>(db, MARKER);
      if (current?.now !== world.now || current.chunks !== at) return; // another seeder moved on meanwhile
      await moveIdCounters(db, lastIds);
      await db.leads.bulkAdd(chunk.leads);
      await db.calls.bulkAdd(chunk.calls);
      await db.consents.bulkAdd(chunk.consents);
      await setFlag(db, MARKER, { ...current, chunks: at + 1 });
    });
    // Room for the screens' readers: a read waits for a write begun before it, so chunks back to
    // back kept the engine's catch-ups behind them until the last (the Overview said 0 for the
    // whole seed). As long again as the chunk took: the seed takes longer, the screens keep up.
    await new Promise((resolve) => setTimeout(resolve, (performance.now() - began) * readersShare));
  }

  const done = await db.transaction('rw', db.tables, async () => {
    const marker = await getFlag<SeedMarker>(db, MARKER);
    if (marker?.now !== world.now || marker.chunks !== chunks.length) return false;
    await db.dncScrubs.add(data.scrub);
    await setFlag(db, 'demoSeeded', true);
    await db.settings.delete(`flag:${MARKER}`);
    await appendAudit(
      db,
      {
        action: 'seed',
        entity: 'database',
        ids: [],
        before: null,
        after: { leads: data.leads.length, calls: data.calls.length, consents: data.consents.length },
      },
      world.now,
    );
    return true;
  });
  if (!done) return 'already-seeded';
  performance.measure('leadledger:seed-write', { start: t1 });
  onProgress({ phase: 'done', done: toWrite, total: toWrite, written: toWrite, toWrite });
  return 'seeded';
}

/** Whether seeding has anything to do (cheap: a few flags and one key), so the page starts no worker for nothing. */
export async function seedNeeded(db: LeadsDb): Promise<boolean> {
  return (await getFlag(db, MARKER)) !== undefined || (await seedBlocker(db)) === null;
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
