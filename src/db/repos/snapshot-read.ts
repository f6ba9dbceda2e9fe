/**
 * Reading the grid's stored snapshot (engine-snapshot-repo.ts): the head, the data version and
 * the parts the head names, each part's checksum taken as it arrives. A large snapshot is read by
 * two threads at once (readSplit).
 */
import type { ChunkPart } from '../../domain/leads/index/chunk-part-contents';
import type { LeadsDb } from '../leads-db';
import { checksumOrNull, partOf } from './snapshot-checksum';
import { readDataVersion } from './data-version-repo';

/** What the read needs of a head: the checksums of the parts it names, in slot order. */
export interface StoredHead {
  checksums: string[];
}

/** Where a snapshot's head and parts are kept, and which heads are read at all. */
export interface SnapshotLayout<H extends StoredHead> {
  headKey: string;
  usable: (head: H) => boolean;
  partKey: (slot: number, checksum: string) => string;
  partsPerChunk: number;
}

/**
 * Reads stored parts elsewhere (another worker, snapshot-reader.worker.ts), each with its checksum
 * taken there: `undefined` for a part not stored, a null checksum for one that cannot be digested.
 */
export type FarPartReader = (dbName: string, keys: string[]) => Promise<FarParts>;
export interface FarParts {
  parts: (ChunkPart | undefined)[];
  sums: (string | null)[];
}

/**
 * From this many chunks, every other chunk is read by the far reader, at the same time as this
 * thread reads the rest: reading a part (the browser rebuilding its arrays and strings) and
 * checking it is work for the thread that asked, and at 1M one thread did all 48 parts in turn.
 */
export const FAR_READ_FROM_CHUNKS = 4;

/** A part as stored, and the promise of its checksum (taken as it arrives, while the next ones are read). */
function digestAsRead(get: PromiseLike<unknown>): {
  part: Promise<ChunkPart | undefined>;
  sum: Promise<string | null>;
} {
  const part = Promise.resolve(get).then(partOf);
  return { part, sum: part.then(checksumOrNull) };
}

export interface SnapshotRead<H> {
  head: H | undefined;
  parts: (ChunkPart | undefined)[];
  sums: Promise<string | null>[];
  dataVersion: string | null;
}

/** Parts `keys` read in the caller's transaction, each checksummed as it arrives. */
async function readNear(db: LeadsDb, keys: string[]): Promise<Pick<SnapshotRead<never>, 'parts' | 'sums'>> {
  const reads = keys.map((key) => digestAsRead(db.engine.get(key)));
  return { parts: await Promise.all(reads.map((r) => r.part)), sums: reads.map((r) => r.sum) };
}

/**
 * The head and the data version, in one transaction; and, in the same transaction, every part the
 * head names, unless `split` and the snapshot is large enough to be read by two threads (then
 * `keys` names its parts, to be read by readSplit).
 */
function readHead<H extends StoredHead>(
  db: LeadsDb,
  layout: SnapshotLayout<H>,
  split: boolean,
): Promise<SnapshotRead<H> | { head: H; dataVersion: string | null; keys: string[] }> {
  return db.transaction('r', [db.engine, db.changes], async () => {
    const head = (await db.engine.get(layout.headKey)) as unknown as H | undefined;
    const dataVersion = await readDataVersion(db);
    // A snapshot of another format, schema or build is not read at all (the engine rebuilds).
    if (!head || !layout.usable(head)) return { head, parts: [], sums: [], dataVersion };
    const keys = head.checksums.map((sum, slot) => layout.partKey(slot, sum));
    if (split && keys.length >= FAR_READ_FROM_CHUNKS * layout.partsPerChunk) return { head, dataVersion, keys };
    return { head, dataVersion, ...(await readNear(db, keys)) };
  });
}

/** The head, the data version and every part the head names, in one transaction. */
const readWhole = <H extends StoredHead>(db: LeadsDb, layout: SnapshotLayout<H>) =>
  readHead(db, layout, false) as Promise<SnapshotRead<H>>;

/**
 * A large snapshot, every other chunk read by `far` while this thread reads the rest. The parts are
 * read after the head, in transactions of their own; they are named by their checksums, so a part
 * read is the head's, or missing when a save replaced it meanwhile: then all is read again, whole.
 */
async function readSplit<H extends StoredHead>(
  db: LeadsDb,
  layout: SnapshotLayout<H>,
  far: FarPartReader,
): Promise<SnapshotRead<H>> {
  const first = await readHead(db, layout, true);
  if (!('keys' in first)) return first;
  const { head, dataVersion, keys } = first;
  const farSide = (slot: number) => Math.floor(slot / layout.partsPerChunk) % 2 === 1;
  const farSlots = keys.map((_, slot) => slot).filter(farSide);
  const nearSlots = keys.map((_, slot) => slot).filter((slot) => !farSide(slot));
  // A reader that fails, however it fails (a throw, a rejection, its worker's error, its time up), is null.
  const farRead = Promise.resolve()
    .then(() =>
      far(
        db.name,
        farSlots.map((slot) => keys[slot]!),
      ),
    )
    .catch(() => null);
  const near = await db.transaction('r', db.engine, () =>
    readNear(
      db,
      nearSlots.map((slot) => keys[slot]!),
    ),
  );
  const farParts = await farRead;
  // The far reader failed: this thread reads it all.
  if (!farParts) return readWhole(db, layout);
  const parts: (ChunkPart | undefined)[] = new Array(keys.length);
  const sums: Promise<string | null>[] = new Array(keys.length);
  nearSlots.forEach((slot, k) => {
    parts[slot] = near.parts[k];
    sums[slot] = near.sums[k]!;
  });
  farSlots.forEach((slot, k) => {
    parts[slot] = farParts.parts[k];
    sums[slot] = Promise.resolve(farParts.sums[k] ?? null);
  });
  if (parts.some((p) => p === undefined)) return readWhole(db, layout);
  return { head, parts, sums, dataVersion };
}

/** The snapshot as stored: with `far`, a large one is read by two threads. */
export function readSnapshot<H extends StoredHead>(
  db: LeadsDb,
  layout: SnapshotLayout<H>,
  far?: FarPartReader,
): Promise<SnapshotRead<H>> {
  return far ? readSplit(db, layout, far) : readWhole(db, layout);
}
