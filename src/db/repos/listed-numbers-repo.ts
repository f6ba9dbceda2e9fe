/**
 * The engine's set of listed numbers (listed-hashes.ts): the hashes of every number in
 * `dncEntries`, as of a data version, stored beside the snapshot and brought forward by the
 * change log (each DNC entry written is logged with its number's hash). A cache: it is used only
 * when the log leads from its version to now through DNC writes that all carry their hashes;
 * otherwise it is read again from the table's keys (in pages: no value is read).
 */
import { hash32 } from '../../domain/columns/hash-strings';
import { isListedHashes, listedHashes, withHashes, type ListedHashes } from '../../domain/compliance/listed-hashes';
import type { LeadsDb } from '../leads-db';
import { LATEST_VERSION } from '../migrations';
import { changesSince } from './change-log-repo';
import { LISTED_NUMBERS_KEY, readDataVersion, readErasureEpoch, sinceLastErasure } from './engine-snapshot-repo';

export interface ListedNumbers {
  /** The data version it holds every entry of (and maybe more: a number taken off stays in). */
  dataVersion: string;
  /** The distinct hash32 of the numbers (listed-hashes.ts). */
  hashes: ListedHashes;
  /** The erasure token it was read under (ERASURE_EPOCH_KEY; null before any erasure). */
  epoch: string | null;
}

/** Bump when what the set holds changes (the hash, the key read): a stored set of another format is read again. */
const LISTED_FORMAT = 2;

/** Keys read per request while scanning (one short read transaction each: ~0.2 s at 20k). */
const KEY_PAGE = 20_000;

/**
 * Every entry's number hashed, read from the table's primary keys page by page (`between`: awaited
 * before each page, a pause that lets the engine answer first). Labelled with the version read before the
 * first page: an entry written during the scan is in the log after it (and maybe in the pages too).
 */
export async function scanListedNumbers(
  db: LeadsDb,
  between: () => Promise<void> = async () => undefined,
  pageSize = KEY_PAGE,
): Promise<ListedNumbers | null> {
  await between();
  // Read before the version: an erasure from here on sets a new token, and the set is then neither
  // stored nor loaded (one before it is in both the token and the version read).
  const epoch = await readErasureEpoch(db);
  const dataVersion = await readDataVersion(db);
  if (dataVersion === null) return null;
  const pages: Uint32Array[] = [];
  let after: [string, string] | null = null;
  for (;;) {
    const keys = (await (after ? db.dncEntries.where(':id').above(after) : db.dncEntries.toCollection())
      .limit(pageSize)
      .primaryKeys()) as unknown as [string, string][];
    pages.push(Uint32Array.from(keys, (k) => hash32(k[1])));
    if (keys.length < pageSize) break;
    after = keys[keys.length - 1]!;
    await between();
  }
  return { dataVersion, hashes: withHashes(listedHashes(), pages), epoch };
}

/**
 * `listed` brought to the current data version by the change log: the hashes of every entry
 * written since added. Null when the log does not lead from its version, or names a DNC write
 * without its hashes (more than a file's worth, a range deleted): scan again.
 */
export async function rollListedForward(db: LeadsDb, listed: ListedNumbers): Promise<ListedNumbers | null> {
  const since = await changesSince(db, listed.dataVersion);
  if (since === 'unreachable' || since.dncHashes === null) return null;
  return { dataVersion: since.dataVersion, hashes: withHashes(listed.hashes, since.dncHashes), epoch: listed.epoch };
}

/** The stored set, brought to the current version; null when none is stored or it cannot be brought forward. */
export async function loadListedNumbers(db: LeadsDb): Promise<ListedNumbers | null> {
  const row = await db.engine.get(LISTED_NUMBERS_KEY);
  if (
    !row ||
    row.schema !== LATEST_VERSION ||
    row.format !== LISTED_FORMAT ||
    typeof row.dataVersion !== 'string' ||
    !isListedHashes(row.hashes)
  )
    return null;
  // Stored before an erasure or a purge (a race with its drop): it may hold a number taken off.
  if (!(await sinceLastErasure(db, row.epoch))) return null;
  const epoch = (row.epoch as string | undefined) ?? null;
  return rollListedForward(db, { dataVersion: row.dataVersion, hashes: row.hashes, epoch });
}

/**
 * Store the set (best effort: a cache). In the engine's table alone: a tracked write takes the
 * change-log table, and would wait for a put of megabytes there (decision 043). Answers 'stale'
 * for a set read before the last erasure or purge (its token checked in the put's transaction):
 * it may hold a number taken off since, so it is not stored, and its keeper reads the keys again.
 */
export async function saveListedNumbers(db: LeadsDb, listed: ListedNumbers): Promise<'stored' | 'stale' | 'failed'> {
  try {
    if ((await changesSince(db, listed.dataVersion)) === 'unreachable') return 'failed';
    return await db.transaction('rw', db.engine, async () => {
      if (!(await sinceLastErasure(db, listed.epoch))) return 'stale' as const;
      await db.engine.put({
        key: LISTED_NUMBERS_KEY,
        schema: LATEST_VERSION,
        format: LISTED_FORMAT,
        dataVersion: listed.dataVersion,
        hashes: listed.hashes,
        epoch: listed.epoch,
      });
      return 'stored' as const;
    });
  } catch {
    // A full disk or a closing tab: the next engine scans the keys again.
    return 'failed';
  }
}
