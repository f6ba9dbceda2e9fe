/**
 * The grid's persisted snapshot is a cache that is never trusted blindly: used only when its
 * data version matches (a token every tracked write rewrites in its own transaction), rebuilt
 * when missing, older, stale or damaged — and a snapshot that is used gives the same columns.
 */
import 'fake-indexeddb/auto';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { openGridIndex } from '../../workers/grid-index';
import { DATA_VERSION_KEY } from '../data-version';
import { DEFAULT_SETTINGS } from '../../domain/settings/settings';
import { closeAll, dbWith, demoSlice, NOW } from './compliance-test-fixture';
import { loadGridSnapshot, readDataVersion, saveGridSnapshot } from './engine-snapshot-repo';
import { namesOf } from '../../domain/leads/index/lead-columns';
import { ensureDataVersion } from './data-version-repo';
import type { LeadsDb } from '../leads-db';
import { storedSnapshot } from './snapshot-test-fixture';

afterAll(closeAll);

/** The stored row of part `part` of chunk `k` (its key carries its checksum). */
async function storedPart(db: LeadsDb, k: number, part: 'numbers' | 'strings' | 'tags') {
  const prefix = `grid:chunk:${String(k).padStart(5, '0')}:${part}:`;
  return db.engine.where('key').startsWith(prefix).first();
}

const seeded = () => storedSnapshot(100);

describe('grid snapshot', () => {
  it('is built on the first start and used on the next, column for column', async () => {
    const { db, first } = await seeded();
    expect(first.counters).toMatchObject({ snapshot: 'missing', fullBuilds: 1 });
    expect(first.cols.n).toBeGreaterThan(300);
    const second = await openGridIndex(db, NOW);
    expect(second.counters).toMatchObject({ snapshot: 'used', fullBuilds: 0, rowsRead: 0 });
    const { dict: d1, extraTags: e1, ...c1 } = first.cols;
    const { dict: d2, extraTags: e2, ...c2 } = second.cols;
    expect(c2).toEqual(c1);
    expect([...e2]).toEqual([...e1]);
    for (const k of ['source', 'campaign', 'region', 'tags', 'zone'] as const) {
      expect(d2[k].values).toEqual(d1[k].values);
      for (const v of d1[k].values) expect(d2[k].lookup(v)).toBe(d1[k].lookup(v));
    }
  });

  it('is behind after any tracked write: caught up by the change log, or rebuilt when everyone may have moved', async () => {
    const { db } = await seeded();
    const before = await readDataVersion(db);
    const id = (await db.leads.toCollection().first())!.id;
    await db.leads.update(id, { name: 'Renamed' });
    expect(await readDataVersion(db)).not.toBe(before);
    expect(await loadGridSnapshot(db)).toMatchObject({ current: false });
    // Opened from the older snapshot, it follows the change log: the renamed lead alone is read again.
    const again = await openGridIndex(db, NOW);
    expect(again.counters).toMatchObject({ snapshot: 'caught-up', fullBuilds: 0, rowsCaughtUp: 1 });
    expect(namesOf(again.cols)).toContain('Renamed');
    // A settings change may move every verdict: built again.
    await db.settings.put({ key: 'flag:engine-test', value: 1 });
    expect((await openGridIndex(db, NOW)).counters).toMatchObject({ snapshot: 'caught-up', fullBuilds: 0 });
    await db.settings.put({ key: 'org', value: { ...DEFAULT_SETTINGS } });
    const rebuilt = await openGridIndex(db, NOW);
    expect(rebuilt.counters).toMatchObject({ snapshot: 'stale', fullBuilds: 1 });
  });

  it('keeps its version when a write is rolled back, and when only untracked tables change', async () => {
    const { db } = await seeded();
    const before = await readDataVersion(db);
    await expect(
      db.transaction('rw', db.leads, async () => {
        await db.leads.toCollection().modify({ name: 'Never saved' });
        throw new Error('cancelled');
      }),
    ).rejects.toThrow('cancelled');
    await db.savedViews.add({ id: 1, name: 'view', search: {}, createdAt: NOW });
    expect(await readDataVersion(db)).toBe(before);
    expect((await openGridIndex(db, NOW)).counters.snapshot).toBe('used');
  });

  it('finds a changed name, and offsets that do not fit their names, as damage', async () => {
    const { db } = await seeded();
    const chunk = (await storedPart(db, 0, 'strings'))!;
    type Stored = { part: { strings: { text: string }; arrays: { writtenStart: Uint32Array } } };
    const renamed = structuredClone(chunk) as unknown as Stored;
    // Same length, one letter of a name other (the search text holds the names, written-case.ts): only a checksum over the text itself can tell.
    const at = renamed.part.strings.text.search(/[a-z]/);
    expect(at).toBeGreaterThanOrEqual(0);
    const swapped = renamed.part.strings.text[at] === 'a' ? 'b' : 'a';
    const text = renamed.part.strings.text;
    renamed.part.strings.text = text.slice(0, at) + swapped + text.slice(at + 1);
    await db.engine.put(renamed as never);
    expect(await loadGridSnapshot(db)).toMatchObject({ problem: 'damaged', detail: 'checksum of chunk 0' });

    // Offsets past their text: caught even if the checksum were to hold.
    const cut = structuredClone(chunk) as unknown as Stored;
    cut.part.arrays.writtenStart = cut.part.arrays.writtenStart.subarray(1);
    await db.engine.put(cut as never);
    expect(await loadGridSnapshot(db)).toMatchObject({ problem: 'damaged' });

    await db.engine.put(chunk);
    const intact = await loadGridSnapshot(db);
    if (!('cols' in intact)) throw new Error(`the restored chunk was refused: ${intact.problem}`);
    expect(namesOf(intact.cols)).toHaveLength(intact.cols.n);
    expect(intact.cols.writtenStart).toHaveLength(intact.cols.n + 1);
  });

  it('is rebuilt when a chunk is damaged or its format is older', async () => {
    const { db } = await seeded();
    const chunk = (await storedPart(db, 1, 'numbers'))!;
    const damaged = structuredClone(chunk) as unknown as { part: { arrays: { reasons: Uint16Array } } };
    damaged.part.arrays.reasons[3] = damaged.part.arrays.reasons[3]! ^ 1;
    await db.engine.put(damaged as never);
    const loaded = await loadGridSnapshot(db);
    expect(loaded).toMatchObject({ problem: 'damaged', detail: 'checksum of chunk 1' });
    await db.engine.put(chunk);
    expect('cols' in (await loadGridSnapshot(db))).toBe(true);

    await db.engine.put(damaged as never);
    const rebuilt = await openGridIndex(db, NOW);
    expect(rebuilt.counters).toMatchObject({ snapshot: 'damaged', fullBuilds: 1 });
    // Its background save stores a whole snapshot again (awaited: the steps below edit its head).
    await rebuilt.saving;
    expect('cols' in (await loadGridSnapshot(db))).toBe(true);
    // A snapshot judged by another build (other rules): judged again, never trusted.
    await db.engine.update('grid:head', { build: 'an earlier release' });
    expect(await loadGridSnapshot(db)).toMatchObject({ problem: 'format' });
    await db.engine.update('grid:head', { format: 0 });
    expect(await loadGridSnapshot(db)).toMatchObject({ problem: 'format' });
  });

  it('settles a token before the first build of a database that had none', async () => {
    const db = await dbWith(demoSlice(400));
    await db.changes.delete(DATA_VERSION_KEY);
    const token = await ensureDataVersion(db);
    expect(token).toMatch(/^[0-9a-f-]{36}$/);
    expect(await ensureDataVersion(db)).toBe(token);
  });
});

describe('grid snapshot saves, chunk by chunk', () => {
  const chunkKeys = async (db: LeadsDb) =>
    (await db.engine.where('key').startsWith('grid:chunk:').primaryKeys()).map(String).sort();

  it('write only the changed parts of changed chunks under new keys and leave no replaced part behind', async () => {
    const { db, first } = await seeded();
    const meta = { dataVersion: await readDataVersion(db), builtAt: NOW, orgTimeZone: first.orgTimeZone };
    const before = await chunkKeys(db);
    const n = Math.ceil(first.cols.n / 100) * 3;
    expect(before).toHaveLength(n);
    const loaded = await loadGridSnapshot(db);
    if (!('cols' in loaded)) throw new Error(loaded.problem);
    // Rows 150 and 420 change: chunks 1 and 4 of 100 rows each.
    const cols = structuredClone(loaded.cols);
    cols.attempts[150] = cols.attempts[150]! + 1;
    cols.attempts[420] = cols.attempts[420]! + 1;
    const sums = await saveGridSnapshot(db, cols, meta, 100, {
      chunks: new Set([1, 4]),
      checksums: loaded.checksums,
    });
    const after = await chunkKeys(db);
    expect(after).toHaveLength(n);
    const replaced = before.filter((k) => !after.includes(k));
    // Attempts are numbers: the strings and tags of chunks 1 and 4 stay as stored.
    expect(replaced.map((k) => k.slice(0, 24))).toEqual(['grid:chunk:00001:numbers', 'grid:chunk:00004:numbers']);
    expect(sums.filter((s, k) => s !== loaded.checksums[k])).toHaveLength(2);
    const again = await loadGridSnapshot(db);
    if (!('cols' in again)) throw new Error(again.problem);
    expect(again.cols.attempts[150]).toBe(cols.attempts[150]);
    expect(again.cols.attempts[420]).toBe(cols.attempts[420]);
  });

  it('rewrite only the tags parts after a tag edit over every chunk', async () => {
    const { db, first } = await seeded();
    const meta = { dataVersion: await readDataVersion(db), builtAt: NOW, orgTimeZone: first.orgTimeZone };
    const loaded = await loadGridSnapshot(db);
    if (!('cols' in loaded)) throw new Error(loaded.problem);
    const before = await chunkKeys(db);
    const cols = structuredClone(loaded.cols);
    const every = new Set<number>();
    for (let i = 0; i < cols.n; i += 37) {
      cols.tagBits[i] = (cols.tagBits[i]! ^ 1) >>> 0;
      every.add(Math.floor(i / 100));
    }
    await saveGridSnapshot(db, cols, meta, 100, { chunks: every, checksums: loaded.checksums });
    const after = await chunkKeys(db);
    const replaced = before.filter((k) => !after.includes(k));
    expect(replaced.length).toBe(every.size);
    expect(replaced.every((k) => k.includes(':tags:'))).toBe(true);
    const again = await loadGridSnapshot(db);
    if (!('cols' in again)) throw new Error(again.problem);
    expect(Array.from(again.cols.tagBits)).toEqual(Array.from(cols.tagBits));
  });

  it('that lose to a write leave the stored snapshot as it was and no chunk of theirs', async () => {
    const { db, first } = await seeded();
    const before = await chunkKeys(db);
    const cols = structuredClone(first.cols);
    for (let i = 0; i < cols.n; i++) cols.attempts[i] = cols.attempts[i]! + 1;
    // Saved as of a data version the data have moved past: refused before any chunk is written.
    const puts = vi.spyOn(db.engine, 'put');
    await expect(
      saveGridSnapshot(db, cols, { dataVersion: 'an-older-version', builtAt: NOW, orgTimeZone: 'UTC' }, 100),
    ).rejects.toThrow(/not stored/);
    expect(puts).not.toHaveBeenCalled();
    expect(await chunkKeys(db)).toEqual(before);
    expect('cols' in (await loadGridSnapshot(db))).toBe(true);
  });

  it('find a chunk the head names but the table lacks as damage', async () => {
    const { db } = await seeded();
    const [victim] = await chunkKeys(db);
    await db.engine.delete(victim!);
    expect(await loadGridSnapshot(db)).toMatchObject({
      problem: 'damaged',
      detail: expect.stringContaining('missing'),
    });
  });
});
