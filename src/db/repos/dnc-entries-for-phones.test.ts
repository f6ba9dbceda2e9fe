import { afterEach, describe, expect, it, vi } from 'vitest';
import { historyFor } from '../../domain/compliance/compliance-world';
import { NOW, closeAll, dbWith, demoSlice } from './compliance-test-fixture';
import { loadComplianceWorld } from './compliance-world-repo';
import { KEYS_PER_LOOKUP, dncEntriesForPhones } from './dnc-entries-for-phones';
import { addToInternalDnc } from './dnc-repo';

afterEach(closeAll);

describe('dncEntriesForPhones', () => {
  it('returns exactly the entries of the given numbers, from every list', async () => {
    const data = demoSlice();
    const db = await dbWith(data);
    const listed = [...new Set(data.dncEntries.map((e) => e.phoneE164))].slice(0, 25);
    const phones = new Set([...listed, '+15550000000']);
    const got = await dncEntriesForPhones(db, phones);
    const expected = data.dncEntries.filter((e) => phones.has(e.phoneE164));
    const key = (e: { listId: string; phoneE164: string }) => `${e.listId}|${e.phoneE164}`;
    expect(got.map(key).sort()).toEqual(expected.map(key).sort());
    expect(got.length).toBeGreaterThan(0);
    expect(await dncEntriesForPhones(db, new Set())).toEqual([]);
  });

  it('looks numbers up one by one or scans the keys, with the same answer either way', async () => {
    const data = demoSlice();
    const db = await dbWith(data);
    const stored = await db.dncEntries.count();
    const listed = [...new Set(data.dncEntries.map((e) => e.phoneE164))];
    const key = (e: { listId: string; phoneE164: string }) => `${e.listId}|${e.phoneE164}`;
    // One number (index look-ups), and so many that the keys are scanned (with a number on no list).
    const few = new Set([listed[0]!]);
    const many = new Set([...listed.slice(0, Math.ceil(stored / KEYS_PER_LOOKUP) + 1), '+15550000000']);
    expect(few.size * KEYS_PER_LOOKUP).toBeLessThan(stored);
    expect(many.size * KEYS_PER_LOOKUP).toBeGreaterThanOrEqual(stored);
    for (const phones of [few, many]) {
      const got = await dncEntriesForPhones(db, phones);
      expect(got.map(key).sort()).toEqual(
        data.dncEntries
          .filter((e) => phones.has(e.phoneE164))
          .map(key)
          .sort(),
      );
      expect(got).toEqual(expect.arrayContaining([expect.objectContaining({ phoneE164: listed[0] })]));
    }
    expect(await dncEntriesForPhones(db, new Set(['+15550000000']))).toEqual([]);
  });

  it('once a scan has found more entries than a question could scan, looks up at once, and still answers as stored', async () => {
    const data = demoSlice();
    const db = await dbWith(data);
    const listed = [...new Set(data.dncEntries.map((e) => e.phoneE164))];
    const one = new Set([listed[0]!]);
    const scans = vi.spyOn(db.dncEntries, 'toCollection');
    expect((await dncEntriesForPhones(db, one)).length).toBeGreaterThan(0);
    expect(scans).toHaveBeenCalledTimes(1); // the scan that learned the table is larger than one look-up's budget
    await db.dncEntries.where('phoneE164').equals(listed[0]!).delete();
    expect(await dncEntriesForPhones(db, one)).toEqual([]);
    await db.dncEntries.add({ listId: 'internal', phoneE164: listed[0]!, addedVersionId: 4, addedAt: NOW });
    expect(await dncEntriesForPhones(db, one)).toEqual([expect.objectContaining({ phoneE164: listed[0] })]);
    expect(scans).toHaveBeenCalledTimes(1);
  });

  it('gives the world every hit of every lead, and only those', async () => {
    const data = demoSlice();
    const db = await dbWith(data);
    const { leads, world } = await loadComplianceWorld(db);
    const leadPhones = new Set(leads.map((l) => l.phoneE164));
    const expected = data.dncEntries.filter((e) => leadPhones.has(e.phoneE164)).length;
    expect([...world.hitsByPhone.values()].reduce((n, hits) => n + hits.length, 0)).toBe(expected);
    for (const phone of world.hitsByPhone.keys()) expect(leadPhones.has(phone)).toBe(true);
  });

  it('for a named set of judged leads, gives exactly their hits, as the full world does', async () => {
    const data = demoSlice();
    const db = await dbWith(data);
    const full = await loadComplianceWorld(db);
    const listedPhones = new Set(data.dncEntries.map((e) => e.phoneE164));
    const judged = full.leads
      .filter((l) => listedPhones.has(l.phoneE164))
      .slice(0, 2)
      .concat(full.leads.filter((l) => !listedPhones.has(l.phoneE164)).slice(0, 1));
    const some = await loadComplianceWorld(db, new Set(judged.map((l) => l.id)));
    expect(some.leads.length).toBe(full.leads.length);
    for (const lead of judged) expect(historyFor(some.world, lead)).toEqual(historyFor(full.world, lead));
    expect([...some.world.hitsByPhone.keys()].sort()).toEqual(
      judged
        .filter((l) => listedPhones.has(l.phoneE164))
        .map((l) => l.phoneE164)
        .sort(),
    );
  });

  it('sees an internal addition at once on the next read', async () => {
    const data = demoSlice();
    const db = await dbWith(data);
    const lead = data.leads.find(
      (l) => l.region === 'US' && !data.dncEntries.some((e) => e.phoneE164 === l.phoneE164),
    )!;
    expect(historyFor((await loadComplianceWorld(db)).world, lead).dncHits).toEqual([]);
    await addToInternalDnc(db, { phone: lead.phoneE164, defaultRegion: 'US' }, NOW);
    expect(historyFor((await loadComplianceWorld(db)).world, lead).dncHits).toMatchObject([
      { listId: 'internal', addedAt: NOW },
    ]);
  });
});
