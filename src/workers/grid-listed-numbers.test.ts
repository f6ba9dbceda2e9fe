import { describe, expect, it } from 'vitest';
import { deleteFreshDatabases, freshDb } from '../db/test-databases';
import { changesSince } from '../db/repos/change-log-repo';
import { LISTED_NUMBERS_KEY, readDataVersion } from '../db/repos/engine-snapshot-repo';
import type { DncEntry } from '../domain/compliance/dnc-list';
import { listedNumbersKeeper } from './grid-listed-numbers';

deleteFreshDatabases();

const entry = (phoneE164: string) => ({ listId: 'internal', phoneE164, addedVersionId: 1, addedAt: 0 }) as DncEntry;

describe('the engine’s listed numbers', () => {
  it('scans once, follows each catch-up, is stored when it grew and loaded by the next engine', async () => {
    const db = freshDb();
    await db.dncEntries.bulkPut([entry('+12125550100'), entry('+12125550101')]);
    const keeper = listedNumbersKeeper(db, 0);
    keeper.start();
    expect(await keeper.settled()).toBe(true);
    const from = await readDataVersion(db);
    await db.dncEntries.put(entry('+12125550102'));
    const since = await changesSince(db, from);
    if (since === 'unreachable') throw new Error('log unreachable');
    const may = (await keeper.at(from, since.dataVersion, since.dncHashes))!.mayBeListed;
    expect(['+12125550100', '+12125550102', '+12125550199'].map(may)).toEqual([true, true, false]);
    // Stored a few seconds after it grew; the next engine loads it (no scan) and knows the request.
    await new Promise((r) => setTimeout(r, 3_300));
    expect((await db.engine.get(LISTED_NUMBERS_KEY))?.dataVersion).toBe(since.dataVersion);
    const next = listedNumbersKeeper(db, 60_000);
    next.start();
    expect(await next.settled()).toBe(true);
    const loaded = (await next.at(since.dataVersion, since.dataVersion, []))!.mayBeListed;
    expect(loaded('+12125550102')).toBe(true);
  }, 10_000);

  it('drops the set at a write it cannot follow, and is not ready again until a scan has read the table', async () => {
    const db = freshDb();
    await db.dncEntries.bulkPut([entry('+12125550100')]);
    const keeper = listedNumbersKeeper(db, 0);
    keeper.start();
    expect(await keeper.settled()).toBe(true);
    const from = await readDataVersion(db);
    await db.dncEntries.clear();
    await db.dncEntries.put(entry('+12125550177'));
    const since = await changesSince(db, from);
    if (since === 'unreachable') throw new Error('log unreachable');
    expect(since.dncHashes).toBeNull();
    expect(await keeper.at(from, since.dataVersion, since.dncHashes)).toBeNull();
    // The scan it started reads the table as it is now.
    expect(await keeper.settled()).toBe(true);
    const now = await readDataVersion(db);
    const may = (await keeper.at(now, now!, []))!.mayBeListed;
    expect(may('+12125550177')).toBe(true);
  });

  it('reads no page of the table while the engine is being asked questions', async () => {
    const db = freshDb();
    await db.dncEntries.bulkPut([entry('+12125550100')]);
    let quiet = 0;
    const keeper = listedNumbersKeeper(db, 0, () => quiet);
    keeper.start();
    await new Promise((r) => setTimeout(r, 400));
    const v = (await readDataVersion(db))!;
    expect(await keeper.at(v, v, [])).toBeNull();
    quiet = Infinity;
    expect(await keeper.settled()).toBe(true);
    expect((await keeper.at(v, v, []))!.mayBeListed('+12125550100')).toBe(true);
  }, 10_000);
});
