import { describe, expect, it } from 'vitest';
import { hash32 } from '../../domain/columns/hash-strings';
import { hasHash } from '../../domain/compliance/listed-hashes';
import type { DncEntry } from '../../domain/compliance/dnc-list';
import { deleteFreshDatabases, freshDb } from '../test-databases';
import type { LeadsDb } from '../leads-db';
import { dropEngineCache, LISTED_NUMBERS_KEY, readDataVersion } from './engine-snapshot-repo';
import { loadListedNumbers, rollListedForward, saveListedNumbers, scanListedNumbers } from './listed-numbers-repo';

deleteFreshDatabases();

const entry = (listId: string, phoneE164: string): DncEntry =>
  ({ listId, phoneE164, addedVersionId: 1, addedAt: 0 }) as DncEntry;
const numbers = (from: number, n: number) =>
  Array.from({ length: n }, (_, i) => `+4420794${String(from + i).padStart(5, '0')}`);

async function seeded(): Promise<LeadsDb> {
  const db = freshDb();
  await db.dncEntries.bulkPut([...numbers(0, 2_500).map((p) => entry('tps', p)), entry('internal', '+12125550100')]);
  return db;
}

describe('listed numbers', () => {
  it('scans every entry’s number (across pages of keys), labelled with the version read first', async () => {
    const db = await seeded();
    let pauses = 0;
    const listed = (await scanListedNumbers(db, async () => void pauses++, 1_000))!;
    expect(listed.dataVersion).toBe(await readDataVersion(db));
    expect(listed.hashes.lows.length).toBe(2_501);
    for (const p of [...numbers(0, 2_500), '+12125550100']) expect(hasHash(listed.hashes, hash32(p))).toBe(true);
    expect(hasHash(listed.hashes, hash32('+12125550101'))).toBe(false);
    expect(pauses).toBe(3); // before each of the pages of 1,000 keys
  });

  it('follows the log: a request’s entries and a file’s entries are added, a removal leaves its number in', async () => {
    const db = await seeded();
    const scanned = (await scanListedNumbers(db))!;
    await db.dncEntries.put(entry('internal', '+12125550199')); // a request: logged by lead, with its hash
    await db.dncEntries.bulkPut(numbers(10_000, 1_200).map((p) => entry('tps', p))); // a file's diff: by hashes
    await db.dncEntries.delete(['tps', numbers(0, 1)[0]!]);
    const rolled = (await rollListedForward(db, scanned))!;
    expect(rolled.dataVersion).toBe(await readDataVersion(db));
    for (const p of ['+12125550199', ...numbers(10_000, 1_200), numbers(0, 1)[0]!])
      expect(hasHash(rolled.hashes, hash32(p))).toBe(true);
    expect(rolled.hashes.lows.length).toBe(2_501 + 1 + 1_200);
  });

  it('is not brought forward past a write the log names without hashes, or from a version the log does not reach', async () => {
    const db = await seeded();
    const scanned = (await scanListedNumbers(db))!;
    expect(await rollListedForward(db, { ...scanned, dataVersion: 'unknown' })).toBeNull();
    await db.dncEntries.clear(); // a range deleted: no number named
    expect(await rollListedForward(db, scanned)).toBeNull();
  });

  it('is stored and loaded brought forward; an erasure’s dropped cache takes it too, and no set read before it is stored or loaded', async () => {
    const db = await seeded();
    const scanned = (await scanListedNumbers(db))!;
    expect(await saveListedNumbers(db, scanned)).toBe('stored');
    await db.dncEntries.put(entry('internal', '+12125550177'));
    const loaded = (await loadListedNumbers(db))!;
    expect(loaded.dataVersion).toBe(await readDataVersion(db));
    expect(hasHash(loaded.hashes, hash32('+12125550177'))).toBe(true);
    const stored = await db.engine.get(LISTED_NUMBERS_KEY);
    const hashed = async () =>
      (await db.changes.toArray()).filter((r) => (r as { listedHashes?: unknown }).listedHashes !== undefined).length;
    expect(await hashed()).toBeGreaterThan(0);
    await db.transaction('rw', [db.engine, db.changes], () => dropEngineCache(db));
    expect(await db.engine.get(LISTED_NUMBERS_KEY)).toBeUndefined();
    // The log keeps no number's hash beside a lead's id (the listed numbers are read from the keys again).
    expect(await hashed()).toBe(0);
    // A set read before the erasure (one pending at it) may hold a number taken off: not stored,
    // and its keeper is told to read the keys again; one stored all the same (a race) is never used.
    expect(await saveListedNumbers(db, loaded)).toBe('stale');
    expect(await db.engine.get(LISTED_NUMBERS_KEY)).toBeUndefined();
    await db.engine.put(stored!);
    expect(await loadListedNumbers(db)).toBeNull();
    // A set read after it is stored and loaded as before.
    const again = (await scanListedNumbers(db))!;
    expect(await saveListedNumbers(db, again)).toBe('stored');
    expect(await loadListedNumbers(db)).toMatchObject({ dataVersion: await readDataVersion(db) });
  });

  it('is read again when stored by another format', async () => {
    const db = await seeded();
    await saveListedNumbers(db, (await scanListedNumbers(db))!);
    expect(await loadListedNumbers(db)).not.toBeNull();
    await db.engine.update(LISTED_NUMBERS_KEY, { format: 0 });
    expect(await loadListedNumbers(db)).toBeNull();
  });
});
