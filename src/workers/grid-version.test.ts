/**
 * A DNC list version is laid onto the engine's columns, not rebuilt from the tables (decision
 * 042): every lead goes stale for the list, the leads whose number the version adds or removes
 * are judged again — named in the change log by lead for a small diff, by their numbers' hashes
 * for a file's worth —, and a check made after the version (a scrub) still clears them. Each
 * result equals a fresh build's.
 */
import 'fake-indexeddb/auto';
import { afterAll, describe, expect, it } from 'vitest';
import { closeAll, dbWith, demoSlice, NOW } from '../db/repos/compliance-test-fixture';
import { readDataVersion } from '../db/repos/engine-snapshot-repo';
import { changesSince } from '../db/repos/change-log-repo';
import { importDncVersion } from '../db/repos/dnc-import-repo';
import type { LeadsDb } from '../db/leads-db';
import { FLAG_ANONYMIZED, FLAG_DELETED } from '../domain/columns/lead-flags';
import { reasonBit } from '../domain/compliance/verdict-bits';
import { catchUp } from './grid-catch-up';
import { gridAnswers } from './grid-answers-test-fixture';
import { buildGridIndex, openGridIndex, type GridIndex } from './grid-index';
import { apply, lateNextChanges, rowFacts, openWithStoredSnapshot } from './grid-catch-up-test-fixture';

afterAll(closeAll);

const STALE = reasonBit('dnc-check-stale');

/** Live rows that are not anonymised, and how many of them are stale for some list. */
function staleCount(index: GridIndex): { live: number; stale: number } {
  const c = index.cols;
  let live = 0;
  let stale = 0;
  for (let i = 0; i < c.n; i++) {
    if (c.flags[i]! & (FLAG_DELETED | FLAG_ANONYMIZED)) continue;
    live++;
    if (c.reasons[i]! & STALE) stale++;
  }
  return { live, stale };
}

async function expectAsFresh(db: LeadsDb, index: GridIndex): Promise<void> {
  const fresh = await buildGridIndex(db, NOW);
  expect(rowFacts(index)).toEqual(rowFacts(fresh));
  expect(lateNextChanges(index, fresh)).toEqual([]);
  expect(gridAnswers(index, NOW)).toEqual(gridAnswers(fresh, NOW));
}

/** A new UK TPS version: the numbers it lists now and one more, published and imported at the instants given. */
async function importTpsVersion(db: LeadsDb, publishedAt: number, importedAt: number): Promise<void> {
  const tps = (await db.dncEntries.where('listId').equals('tps-uk').toArray()).map((e) => e.phoneE164);
  const bytes = new TextEncoder().encode(['phone', ...tps, '+442079460000', ''].join('\n'));
  await importDncVersion(
    db,
    { listId: 'tps-uk', fileName: 'tps.txt', bytes, publishedAt, defaultRegion: 'GB' },
    importedAt,
  );
}

describe('a DNC list version laid onto the columns', () => {
  it('a small diff is logged by lead, a file’s worth by hashes; both are laid with no rebuild, as a fresh build reads them', async () => {
    const db = await dbWith(demoSlice(150));
    const live = await openGridIndex(db, NOW);
    const builds = live.counters.fullBuilds;
    // The demo's scrub left most leads fresh for the national list.
    expect(staleCount(live).stale).toBeLessThan(staleCount(live).live);

    let from = await readDataVersion(db);
    await apply(db, { kind: 'version', listId: 'national-us', pick: 4, keep: 3, big: false });
    const small = await changesSince(db, from);
    if (small === 'unreachable') throw new Error('log unreachable');
    expect(small.laid?.versions).toHaveLength(1);
    expect(small.laid?.phoneHashes).toEqual([]);
    expect(small.leadIds.size).toBeGreaterThan(0);
    expect(await catchUp(db, live, NOW)).toBe('patched');
    expect(live.counters.fullBuilds).toBe(builds);
    // No check names the new version: every live lead is stale for it.
    expect(staleCount(live).stale).toBe(staleCount(live).live);
    await expectAsFresh(db, live);

    from = await readDataVersion(db);
    await apply(db, { kind: 'version', listId: 'national-us', pick: 9, keep: 1, big: true });
    const big = await changesSince(db, from);
    if (big === 'unreachable') throw new Error('log unreachable');
    expect(big.laid?.phoneHashes.reduce((n, h) => n + h.length, 0)).toBeGreaterThan(1_000);
    expect(await catchUp(db, live, NOW)).toBe('patched');
    expect(live.counters.fullBuilds).toBe(builds);
    await expectAsFresh(db, live);
  });

  it('a version, then a scrub that checks it, caught up at once (live, and from a snapshot stored before both): the scrub clears what the version made stale', async () => {
    const db = await dbWith(demoSlice(150));
    const live = await openWithStoredSnapshot(db);
    const builds = live.counters.fullBuilds;
    await apply(db, { kind: 'version', listId: 'national-us', pick: 2, keep: 2, big: true });
    await apply(db, { kind: 'scrub', minutesBefore: 0 });
    expect(await catchUp(db, live, NOW)).toBe('patched');
    expect(live.counters.fullBuilds).toBe(builds);
    expect(staleCount(live).stale).toBeLessThan(staleCount(live).live);
    await expectAsFresh(db, live);
    const reopened = await openGridIndex(db, NOW);
    expect(reopened.counters.fullBuilds).toBe(0);
    await expectAsFresh(db, reopened);
  });

  it('a version known only after the engine’s instant (imported while it opened) is rebuilt, not laid: every lead falls due then', async () => {
    const db = await dbWith(demoSlice(150));
    const live = await openGridIndex(db, NOW);
    await importTpsVersion(db, NOW, NOW + 60_000);
    expect(await catchUp(db, live, NOW)).toBe('rebuild');
  });

  it('a version of the internal list (consulted live, never checked) lists its numbers and makes no lead stale', async () => {
    const db = await dbWith(demoSlice(150));
    const live = await openGridIndex(db, NOW);
    const before = staleCount(live).stale;
    await apply(db, { kind: 'version', listId: 'internal', pick: 5, keep: 3, big: false });
    expect(await catchUp(db, live, NOW)).toBe('patched');
    expect(staleCount(live).stale).toBe(before);
    await expectAsFresh(db, live);
  });

  it('a version of an inactive list moves no check', async () => {
    const db = await dbWith(demoSlice(150));
    await db.dncLists.update('tps-uk', { active: false });
    const live = await openGridIndex(db, NOW);
    const builds = live.counters.fullBuilds;
    const before = rowFacts(live);
    await importTpsVersion(db, NOW - 60_000, NOW - 50_000);
    expect(await catchUp(db, live, NOW)).toBe('patched');
    expect(live.counters.fullBuilds).toBe(builds);
    expect(rowFacts(live)).toEqual(before);
    await expectAsFresh(db, live);
  });
});
