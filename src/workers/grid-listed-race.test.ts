/**
 * The engine's listed numbers hold for the data version they were brought to. A catch-up reads
 * the leads and their world after reading the log: a number listed since, taken by a lead since,
 * must still be looked up (found by a helper's review: it was judged unlisted and kept so, the
 * lead's write naming no DNC entry and the entry's write naming no lead that had the number then).
 */
import 'fake-indexeddb/auto';
import { afterAll, describe, expect, it } from 'vitest';
import { closeAll, dbWith, demoSlice, NOW } from '../db/repos/compliance-test-fixture';
import { catchUp } from './grid-catch-up';
import { buildGridIndex, openGridIndex } from './grid-index';
import { listedNumbersKeeper, type ListedKeeper } from './grid-listed-numbers';
import { saveListedNumbers, scanListedNumbers } from '../db/repos/listed-numbers-repo';
import { rowFacts, openWithStoredSnapshot } from './grid-catch-up-test-fixture';

afterAll(closeAll);

const NEW_NUMBER = '+12125550187';

describe('the listed numbers under writes made while a catch-up reads', () => {
  it.each([
    ['a request (its number hashed in the log)', false],
    ['a range of entries deleted first (no hash: every number looked up)', true],
  ])(
    'a number listed and taken by a lead after the log was read is looked up, and the lead is listed: %s',
    async (_, rangeFirst) => {
      const db = await dbWith(demoSlice(60));
      const live = await openGridIndex(db, NOW);
      await live.saving;
      const keeper = listedNumbersKeeper(db, 0);
      keeper.start();
      expect(await keeper.settled()).toBe(true);
      const lead = (await db.leads.filter((l) => l.region === 'US' && l.dncStatus === 'clear').first())!;
      await db.leads.update(lead.id, { name: 'Renamed before the catch-up' });
      // Between the catch-up's log read and its reads: a request lists a number no lead has, then the lead takes it.
      const racing: ListedKeeper = {
        ...keeper,
        async at(from, to, hashes) {
          const set = await keeper.at(from, to, hashes);
          if (rangeFirst)
            await db.dncEntries.where('[listId+phoneE164]').between(['internal', ''], ['internal', '\uffff']).delete();
          await db.dncEntries.put({
            listId: 'internal',
            phoneE164: NEW_NUMBER,
            addedVersionId: 0,
            addedAt: NOW - 60_000,
          });
          await db.leads.update(lead.id, { phoneE164: NEW_NUMBER });
          return set;
        },
      };
      expect(await catchUp(db, live, NOW, racing)).toBe('patched');
      // Judged with its new number's entry, as a build of the tables reads it.
      expect(rowFacts(live).get(lead.id)).toEqual(rowFacts(await buildGridIndex(db, NOW)).get(lead.id));
      // The writes made during it are caught up next (the range deleted: rebuilt).
      expect(await catchUp(db, live, NOW, keeper)).toBe(rangeFirst ? 'rebuild' : 'patched');
      if (!rangeFirst) expect(rowFacts(live)).toEqual(rowFacts(await buildGridIndex(db, NOW)));
    },
  );

  it('a start that catches up an import made since loads the stored set first, and lists a new lead with a listed number', async () => {
    const db = await dbWith(demoSlice(60));
    await openWithStoredSnapshot(db);
    await saveListedNumbers(db, (await scanListedNumbers(db))!);
    const listedNumber = (await db.dncEntries.filter((e) => e.phoneE164.startsWith('+1')).first())!.phoneE164;
    const template = (await db.leads.filter((l) => l.region === 'US').first())!;
    const { id: _id, ...rest } = template;
    // An import made while no engine was open: 80 new leads, one with a listed number.
    await db.leads.bulkAdd(
      Array.from({ length: 80 }, (_, k) => ({
        ...rest,
        name: `Imported ${k}`,
        phoneE164: k === 40 ? listedNumber : `+1646555${String(2000 + k).padStart(4, '0')}`,
      })) as never[],
    );
    const reopened = await openGridIndex(db, NOW, undefined, undefined, 'now', listedNumbersKeeper(db, 60_000));
    expect(reopened.counters.snapshot).toBe('caught-up');
    expect(reopened.counters.lookUpsSkipped).toBeGreaterThan(70);
    const fresh = await buildGridIndex(db, NOW);
    expect(rowFacts(reopened)).toEqual(rowFacts(fresh));
    // Anti-vacuity: the lead with the listed number is judged listed, the one beside it is not.
    const [listedLead, plainLead] = await Promise.all(
      ['Imported 40', 'Imported 41'].map(async (name) => (await db.leads.filter((l) => l.name === name).first())!.id),
    );
    const dncOf = (id: number) => rowFacts(reopened).get(id)![2];
    expect(dncOf(listedLead!)).not.toBe(dncOf(plainLead!));
  });
});
