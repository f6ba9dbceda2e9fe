/**
 * The grid's persisted snapshot is a cache that is never trusted blindly: used only when its
 * data version matches (a token every tracked write rewrites in its own transaction), rebuilt
 * when missing, older, stale or damaged — and a snapshot that is used gives the same columns.
 */
import 'fake-indexeddb/auto';
import { afterAll, describe, expect, it } from 'vitest';
import { openGridIndex } from '../../workers/grid-index';
import { DATA_VERSION_KEY } from '../data-version';
import { DEFAULT_SETTINGS } from '../../domain/settings/settings';
import { closeAll, dbWith, demoSlice, NOW } from './compliance-test-fixture';
import { loadGridSnapshot, readDataVersion, saveGridSnapshot } from './engine-snapshot-repo';
import { namesOf } from '../../domain/leads/index/lead-columns';
import { ensureDataVersion } from './data-version-repo';

afterAll(closeAll);

async function seeded() {
  const db = await dbWith(demoSlice(40));
  const first = await openGridIndex(db, NOW);
  // openGridIndex stores the snapshot in the background (in one chunk): let that save finish
  // first, or it may land after the one below and replace its chunks (a busy machine showed it).
  await first.saving;
  await saveGridSnapshot(
    db,
    first.cols,
    { dataVersion: await readDataVersion(db), builtAt: NOW, orgTimeZone: first.orgTimeZone },
    100,
  );
  return { db, first };
}

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
    const chunk = (await db.engine.get('grid:chunk:00000'))!;
    type Stored = { chunk: { nameText: string; companyStart: Uint32Array } };
    const renamed = structuredClone(chunk) as unknown as Stored;
    // Same length, one letter other: only a checksum over the text itself can tell.
    const at = renamed.chunk.nameText.search(/[a-z]/);
    expect(at).toBeGreaterThanOrEqual(0);
    const swapped = renamed.chunk.nameText[at] === 'a' ? 'b' : 'a';
    renamed.chunk.nameText = renamed.chunk.nameText.slice(0, at) + swapped + renamed.chunk.nameText.slice(at + 1);
    await db.engine.put(renamed as never);
    expect(await loadGridSnapshot(db)).toMatchObject({ problem: 'damaged', detail: 'checksum of chunk 0' });

    // Offsets past their text: caught even if the checksum were to hold.
    const cut = structuredClone(chunk) as unknown as Stored;
    cut.chunk.companyStart = cut.chunk.companyStart.subarray(1);
    await db.engine.put(cut as never);
    expect(await loadGridSnapshot(db)).toMatchObject({ problem: 'damaged' });

    await db.engine.put(chunk);
    const intact = await loadGridSnapshot(db);
    if (!('cols' in intact)) throw new Error(`the restored chunk was refused: ${intact.problem}`);
    expect(namesOf(intact.cols)).toHaveLength(intact.cols.n);
    expect(intact.cols.companyStart).toHaveLength(intact.cols.n + 1);
  });

  it('is rebuilt when a chunk is damaged or its format is older', async () => {
    const { db } = await seeded();
    const chunk = (await db.engine.get('grid:chunk:00001'))!;
    const damaged = structuredClone(chunk) as unknown as { chunk: { numeric: { reasons: Uint16Array } } };
    damaged.chunk.numeric.reasons[3] = damaged.chunk.numeric.reasons[3]! ^ 1;
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
    await db.engine.delete(DATA_VERSION_KEY);
    const token = await ensureDataVersion(db);
    expect(token).toMatch(/^[0-9a-f-]{36}$/);
    expect(await ensureDataVersion(db)).toBe(token);
  });
});
