/**
 * A large snapshot read by two threads (every other chunk by the snapshot reader worker, here the
 * same raw read in-process) gives the snapshot one thread reads; a part gone meanwhile, a reader
 * that fails, and damage in a part the other thread read are all handled as a whole read would.
 */
import 'fake-indexeddb/auto';
import { afterAll, describe, expect, it } from 'vitest';
import { closeAll, NOW } from './compliance-test-fixture';
import {
  FAR_READ_FROM_CHUNKS,
  loadGridSnapshot,
  readDataVersion,
  saveGridSnapshot,
  type FarPartReader,
} from './engine-snapshot-repo';
import { readPartsRaw } from './snapshot-parts-raw';
import type { LeadsDb } from '../leads-db';
import { storedSnapshot } from './snapshot-test-fixture';

afterAll(closeAll);

const stored = storedSnapshot;

/**
 * The raw reader, recording what it was asked. With `take`, the parts it read are then deleted
 * from the store: a fallback to one whole read would find them missing, so a load that succeeds
 * used what this reader read (and the checksums it took).
 */
function recording(db?: LeadsDb): { far: FarPartReader; asked: string[][] } {
  const asked: string[][] = [];
  const far: FarPartReader = async (name, keys) => {
    asked.push(keys);
    const read = await readPartsRaw(name, keys);
    if (db) await db.engine.bulkDelete(keys);
    return read;
  };
  return { asked, far };
}

const columnsOf = async (db: LeadsDb, far?: FarPartReader) => {
  const load = await loadGridSnapshot(db, undefined, far);
  if (!('cols' in load)) throw new Error(`refused: ${load.problem} ${load.detail ?? ''}`);
  const { dict, extraTags, ...cols } = load.cols;
  return { cols, tags: dict.tags.values, extraTags: [...extraTags], checksums: load.checksums, current: load.current };
};

describe('a large snapshot read by two threads', () => {
  it('reads every other chunk elsewhere and loads the same columns as one thread', async () => {
    const { db, first } = await stored(60);
    const chunks = Math.ceil(first.cols.n / 60);
    expect(chunks).toBeGreaterThanOrEqual(FAR_READ_FROM_CHUNKS);
    const whole = await columnsOf(db);
    const { far, asked } = recording(db);
    const split = await columnsOf(db, far);
    expect(asked).toHaveLength(1);
    // The odd chunks' three parts each, and nothing else.
    expect(asked[0]).toHaveLength(3 * Math.floor(chunks / 2));
    expect(asked[0]!.every((key) => Number(key.split(':')[2]) % 2 === 1)).toBe(true);
    expect(split).toEqual(whole);
    expect(split.current).toBe(true);
    // The parts it read are gone from the store: one thread alone now finds them missing.
    expect(await loadGridSnapshot(db)).toMatchObject({ problem: 'damaged' });
  });

  it('reads a small snapshot on one thread', async () => {
    const { db } = await stored(100_000);
    const { far, asked } = recording();
    await columnsOf(db, far);
    expect(asked).toHaveLength(0);
  });

  it('reads it all again, whole, when a part is gone meanwhile or the reader fails', async () => {
    const { db } = await stored(60);
    const whole = await columnsOf(db);
    // A save replaced the part between the head and the read (the reader finds no such key).
    const gone: FarPartReader = async (name, keys) => {
      const read = await readPartsRaw(name, keys);
      return { parts: read.parts.map((p, k) => (k === 1 ? undefined : p)), sums: read.sums };
    };
    expect(await columnsOf(db, gone)).toEqual(whole);
    const failing: FarPartReader = () => Promise.reject(new Error('no worker'));
    expect(await columnsOf(db, failing)).toEqual(whole);
  });

  it('finds damage in a part the other thread read', async () => {
    const { db } = await stored(60);
    const key = (await db.engine.where('key').startsWith('grid:chunk:00001:numbers:').primaryKeys())[0]!;
    const row = (await db.engine.get(key)) as unknown as { part: { arrays: { reasons: Uint16Array } } };
    row.part.arrays.reasons[0] = row.part.arrays.reasons[0]! ^ 1;
    await db.engine.put(row as never);
    const { far, asked } = recording();
    expect(await loadGridSnapshot(db, undefined, far)).toMatchObject({
      problem: 'damaged',
      detail: 'checksum of chunk 1',
    });
    expect(asked[0]).toContain(key);
  });

  it('reads the snapshot a save stored between the head and the parts, whole', async () => {
    const { db, first } = await stored(60);
    // Another tab stores the snapshot again in chunks of 50 before the far read: the head read
    // first names parts that are gone (a save deletes the parts it no longer names).
    const far: FarPartReader = async (name, keys) => {
      await saveGridSnapshot(
        db,
        first.cols,
        { dataVersion: await readDataVersion(db), builtAt: NOW + 1, orgTimeZone: first.orgTimeZone },
        50,
      );
      return readPartsRaw(name, keys);
    };
    const load = await loadGridSnapshot(db, undefined, far);
    if (!('cols' in load)) throw new Error(`refused: ${load.problem}`);
    expect(load.meta.builtAt).toBe(NOW + 1);
    expect(load.cols.n).toBe(first.cols.n);
  });
});
