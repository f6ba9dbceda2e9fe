/**
 * The grid's persisted snapshot (table `engine`, schema v005): its columns in chunks of 64k
 * rows, each with a checksum, and a head naming the data version it was built at. It is a cache:
 * it is used only when its format, schema and data version match and every chunk's checksum
 * holds; anything else — missing, older, damaged, or written before the latest change — is
 * reported and the grid is built again from the tables (and stored anew).
 */
import {
  fromChunks,
  toChunks,
  type ColumnsChunk,
  type ColumnsHead,
} from '../../domain/leads/index/lead-columns-chunks';
import { CHUNK_PARTS, joinParts, splitChunk, type ChunkPart } from '../../domain/leads/index/chunk-parts';
import type { LeadColumns } from '../../domain/leads/index/lead-columns';
import { checksum } from './snapshot-checksum';
import { readDataVersion } from './data-version-repo';
import { readSnapshot, type FarPartReader, type SnapshotLayout } from './snapshot-read';
import { LOG_PREFIX, type ChangeLogRow } from '../data-version';
import type { EngineRow, LeadsDb } from '../leads-db';
import { LATEST_VERSION } from '../migrations';

export { readDataVersion } from './data-version-repo';
export { FAR_READ_FROM_CHUNKS, type FarPartReader, type FarParts } from './snapshot-read';

/** Bump when what a row holds (or how it is judged) changes: older snapshots are then rebuilt. */
export const SNAPSHOT_FORMAT = 14;
/** The build that judged a snapshot's verdicts (set at build time; tests run unbuilt). */
const BUILD_ID: string = (import.meta.env as Record<string, string | undefined>).LEADLEDGER_BUILD ?? 'unbuilt';
export const SNAPSHOT_CHUNK_ROWS = 65_536;
const HEAD_KEY = 'grid:head';
/** The DNC entries the engine's last full build matched (dnc-matches-repo.ts): not a snapshot row, so a snapshot save leaves it. */
export const DNC_MATCHES_KEY = 'dnc-matches';
/** The hashes of every listed number (listed-numbers-repo.ts): not a snapshot row either. */
export const LISTED_NUMBERS_KEY = 'dnc-listed';
/**
 * A token an erasure or a purge sets anew (dropEngineCache): a set of listed numbers or of DNC
 * matches read under another token may hold a number taken off since, and is neither stored nor
 * loaded.
 */
export const ERASURE_EPOCH_KEY = 'erasure-epoch';

/** The token the last erasure or purge set (null before any). */
export async function readErasureEpoch(db: LeadsDb): Promise<string | null> {
  const row = (await db.engine.get(ERASURE_EPOCH_KEY)) as { token?: unknown } | undefined;
  return typeof row?.token === 'string' ? row.token : null;
}

/** Whether something read under erasure token `epoch` (missing: before any) was read since the last erasure or purge. */
export async function sinceLastErasure(db: LeadsDb, epoch: unknown): Promise<boolean> {
  return (await readErasureEpoch(db)) === (epoch ?? null);
}
const CHUNK_PREFIX = 'grid:chunk:';
/**
 * Each chunk is stored as parts that change together (chunk-parts.ts), each under its place, its
 * part and its checksum: a save writes each changed part under a new key in its own transaction,
 * then names them in the head in one small transaction. No save holds IndexedDB for longer than
 * one part's write, and a bulk tag edit spread over a million leads rewrites the tags parts only
 * (before: every chunk whole, about 300 MB in one transaction of 7–8 s, every read waiting).
 * `checksums` (head, saves) run chunk by chunk, part by part.
 */
const partKey = (slot: number, checksum: string) =>
  `${CHUNK_PREFIX}${String(Math.floor(slot / CHUNK_PARTS.length)).padStart(5, '0')}:${CHUNK_PARTS[slot % CHUNK_PARTS.length]}:${checksum.slice(0, 20)}`;

export interface SnapshotMeta {
  dataVersion: string | null;
  builtAt: number;
  orgTimeZone: string;
}

interface HeadRow extends SnapshotMeta {
  key: string;
  format: number;
  build: string;
  schema: number;
  head: ColumnsHead;
  checksums: string[];
}

/**
 * A save that was skipped: the data moved on (`moved`), or the stored snapshot a save of changed
 * chunks was counted against is not the one stored now (`head`: another tab stored a different
 * one, or an erasure dropped it), or a part it names is gone (`parts`).
 */
export class SnapshotNotStored extends Error {
  /** `cut`: whether the save had cut some chunk out of the columns before it stopped (which leaves the joined columns flat). */
  constructor(
    readonly why: 'moved' | 'head' | 'parts' = 'moved',
    readonly cut = true,
  ) {
    super(`snapshot not stored (${why}): the data or the stored snapshot changed meanwhile`);
  }
}

/** The data version the stored snapshot holds (null: none stored, or stored before the first tracked write). */
export async function storedSnapshotVersion(db: LeadsDb): Promise<string | null> {
  return ((await db.engine.get(HEAD_KEY)) as HeadRow | undefined)?.dataVersion ?? null;
}

/** The change log is kept this long: a tab whose grid is further behind builds it again. */
const LOG_KEEP_MS = 24 * 3_600_000;

/**
 * Store `cols` as the snapshot of `meta.dataVersion`. With `dirty` (chunk indexes) and the
 * checksums of the stored chunks, only those chunks are written again (a catch-up touches a few
 * rows of a million); otherwise every chunk is replaced. Log rows older than a day are pruned.
 * Returns the checksums now stored. Refused (`moved`) as soon as the data move on, checked before
 * each chunk is written: while writes keep coming (a team's first sync) a save stops at once
 * instead of writing every chunk to find out at its end.
 */
export async function saveGridSnapshot(
  db: LeadsDb,
  cols: LeadColumns,
  meta: SnapshotMeta,
  chunkRows = SNAPSHOT_CHUNK_ROWS,
  dirty?: { chunks: ReadonlySet<number>; checksums: readonly string[] },
): Promise<string[]> {
  // The head alone first (no chunk cut); then one chunk at a time, so a save holds one chunk's
  // copy at most (a whole copy of a 1M index is about 300 MB, held until every part was written).
  const { head, chunks: slots } = toChunks(cols, chunkRows, new Set());
  const checksums: string[] = [];
  const written: string[] = [];
  let cut = false;
  for (let k = 0; k < slots.length; k++) {
    if (dirty && !dirty.chunks.has(k)) {
      const kept = dirty.checksums.slice(k * CHUNK_PARTS.length, (k + 1) * CHUNK_PARTS.length);
      if (kept.length !== CHUNK_PARTS.length) throw new Error('a clean chunk has no stored checksum');
      checksums.push(...kept);
      continue;
    }
    if ((await readDataVersion(db)) !== meta.dataVersion) return refuse(db, written, 'moved', cut);
    const parts = splitChunk(toChunks(cols, chunkRows, new Set([k])).chunks[k]!);
    cut = true;
    const sums = await Promise.all(parts.map(checksum));
    for (let p = 0; p < parts.length; p++) {
      const slot = checksums.push(sums[p]!) - 1;
      // Each part whose content changed, in its own transaction (a reader waits one part's write at
      // most); not yet named by the head, so a load meanwhile reads the snapshot stored before.
      if (dirty?.checksums[slot] === sums[p]) continue;
      const key = partKey(slot, sums[p]!);
      await db.engine.put({ key, part: parts[p] } as unknown as EngineRow);
      written.push(key);
    }
  }
  const headRow: HeadRow = {
    key: HEAD_KEY,
    format: SNAPSHOT_FORMAT,
    build: BUILD_ID,
    schema: LATEST_VERSION,
    ...meta,
    head,
    checksums,
  };
  const cutoff = meta.builtAt - LOG_KEEP_MS;
  const keys = checksums.map((sum, slot) => partKey(slot, sum));
  let refused: SnapshotNotStored['why'] | null = null;
  await db.transaction('rw', [db.engine, db.changes], async () => {
    // Never store a snapshot of data that have moved on (a write since, an erasure): it would be stale,
    // or hold what the write removed. And write only changed parts over the head they were counted against.
    if ((await readDataVersion(db)) !== meta.dataVersion) return void (refused = 'moved');
    if (dirty) {
      const head = (await db.engine.get(HEAD_KEY)) as HeadRow | undefined;
      if (
        !head ||
        head.checksums.length !== dirty.checksums.length ||
        head.checksums.some((c, slot) => c !== dirty.checksums[slot])
      )
        return void (refused = 'head');
    }
    // Every part named must be there (another tab's save may have cleared parts it did not name).
    const present = new Set(await db.engine.where('key').startsWith(CHUNK_PREFIX).primaryKeys());
    if (keys.some((key) => !present.has(key))) return void (refused = 'parts');
    const named = new Set(keys);
    await db.engine.bulkDelete([...present].filter((key) => !named.has(key)));
    await db.engine.put(headRow as unknown as EngineRow);
    await db.changes
      .where('key')
      .startsWith(LOG_PREFIX)
      .filter((r) => (r as unknown as ChangeLogRow).at < cutoff)
      .delete();
  });
  if (refused) return refuse(db, written, refused);
  return checksums;
}

/** A save refused: the parts written for it go, unless a head names them after all (the same content stored by another save). */
async function refuse(
  db: LeadsDb,
  written: readonly string[],
  why: SnapshotNotStored['why'],
  cut = true,
): Promise<never> {
  await db.transaction('rw', db.engine, async () => {
    const head = (await db.engine.get(HEAD_KEY)) as HeadRow | undefined;
    const named = new Set(head ? head.checksums.map((sum, slot) => partKey(slot, sum)) : []);
    await db.engine.bulkDelete(written.filter((key) => !named.has(key)));
  });
  throw new SnapshotNotStored(why, cut);
}

/**
 * Drop the stored engine cache: the grid's snapshot, its DNC matches and listed numbers, and any
 * cohort snapshot an earlier version stored, and the numbers' hashes in the change log (inside the
 * caller's transaction, which must hold the engine and change-log tables, after its last tracked write). An erasure or a purge calls it: the stored parts
 * hold names and numbers, so they must not outlive the rows they were built from.
 *
 * The change log stays (decision 063): an engine in use (any tab) follows it as after any write,
 * and the catch-up flags the deleted rows and writes the anonymised ones again, with their joined
 * strings replaced; so no engine rebuilds from the tables (minutes at a million leads) for one
 * erasure, and the next save, finding no head, stores every chunk from those columns. An engine
 * still at a version before the erasure cannot store it either (saves check the data version).
 * The erasure token is set anew, so no set of listed numbers or DNC matches read before, which
 * may hold a number taken off, is stored or loaded again: the next engine reads the keys again.
 */
export async function dropEngineCache(db: LeadsDb): Promise<void> {
  await db.engine.where('key').startsWith('grid:').delete();
  await db.engine.where('key').startsWith('cohorts:').delete();
  await db.engine.delete(DNC_MATCHES_KEY);
  await db.engine.delete(LISTED_NUMBERS_KEY);
  await db.engine.put({ key: ERASURE_EPOCH_KEY, token: crypto.randomUUID() } as unknown as EngineRow);
  // A DNC entry written or deleted for a lead is logged with its lead's id and its number's 32-bit
  // hash (for the listed numbers): with the lead's id, near enough to the number. Only the listed
  // numbers read them, and those are read again from the keys after this: taken out of every row.
  await db.changes
    .where('key')
    .startsWith(LOG_PREFIX)
    .filter((r) => (r as unknown as ChangeLogRow).listedHashes !== undefined)
    .modify((r) => {
      delete (r as unknown as ChangeLogRow).listedHashes;
    });
}

export type SnapshotLoad =
  | { cols: LeadColumns; meta: SnapshotMeta; checksums: string[]; current: boolean }
  | { problem: 'missing' | 'format' | 'damaged'; detail?: string };

/** Runs one step of a load (read, verify, decode): the engine times each (grid-timing.ts). */
export type SnapshotStep = <T>(name: 'read' | 'verify' | 'decode', work: () => Promise<T>) => Promise<T>;

/** Whether a head was written by this format, schema and build (else its snapshot is rebuilt, never read). */
const usable = (head: HeadRow) =>
  head.format === SNAPSHOT_FORMAT && head.schema === LATEST_VERSION && head.build === BUILD_ID;

/** Where the head and the parts are kept, for the read (snapshot-read.ts). */
const LAYOUT: SnapshotLayout<HeadRow> = { headKey: HEAD_KEY, usable, partKey, partsPerChunk: CHUNK_PARTS.length };

/**
 * The stored snapshot when it is intact, with whether it reflects the data as they are now
 * (`current`); an intact but older one can catch up by the change log. Otherwise why not.
 * With `far`, a large snapshot's parts are read by two threads at once (readSplit).
 */
export async function loadGridSnapshot(
  db: LeadsDb,
  step: SnapshotStep = (_, work) => work(),
  far?: FarPartReader,
): Promise<SnapshotLoad> {
  // Each part's checksum is taken as the part arrives, while the browser reads the next ones
  // (the worker's thread is idle during a read): the verify step then waits only for the last.
  const { head, parts: read, sums, dataVersion } = await step('read', () => readSnapshot(db, LAYOUT, far));
  if (!head) return { problem: 'missing' };
  if (!usable(head))
    return { problem: 'format', detail: `format ${head.format}, schema ${head.schema}, build ${head.build}` };
  try {
    const missing = read.filter((p) => p === undefined).length;
    if (missing > 0) throw new Error(`${missing} of ${head.checksums.length} chunk parts missing`);
    const parts = read as ChunkPart[];
    const taken = await step('verify', () => Promise.all(sums));
    const bad = taken.findIndex((s, slot) => s !== head.checksums[slot]);
    if (bad >= 0) throw new Error(`checksum of chunk ${Math.floor(bad / CHUNK_PARTS.length)}`);
    const chunks: ColumnsChunk[] = [];
    for (let slot = 0; slot < parts.length; slot += CHUNK_PARTS.length)
      chunks.push(joinParts(parts.slice(slot, slot + CHUNK_PARTS.length)));
    const current = head.dataVersion !== null && head.dataVersion === dataVersion;
    return {
      cols: await step('decode', async () => fromChunks(head.head, chunks)),
      meta: { dataVersion: head.dataVersion, builtAt: head.builtAt, orgTimeZone: head.orgTimeZone },
      checksums: head.checksums,
      current,
    };
  } catch (e) {
    return { problem: 'damaged', detail: e instanceof Error ? e.message : String(e) };
  }
}
