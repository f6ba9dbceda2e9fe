import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { Lead } from '../domain/leads/lead';
import { NOW, closeAll, dbWith, demoSlice } from './repos/compliance-test-fixture';
import { checkLeads, scrubAllLeads } from './repos/dnc-scrub-repo';
import { readDataVersion } from './repos/engine-snapshot-repo';
import { changesSince } from './repos/change-log-repo';
import { leadsByPhone } from './repos/import-lookup-repo';

afterEach(closeAll);

const dncOf = (l: Lead | undefined) => l && [l.id, l.dncStatus, l.dncCheckedAt, l.dncCheckedVersions.join()].join('|');

/** The rows as stored, read by a connection without the app's middleware. */
async function rawLeads(name: string): Promise<Lead[]> {
  const raw = new Dexie(name);
  await raw.open();
  try {
    return (await raw.table('leads').toArray()) as Lead[];
  } finally {
    raw.close();
  }
}

describe('the scrub overlay under every read of a lead', () => {
  it('a scrub writes one row, no lead; every way of reading a lead sees its check', async () => {
    const db = await dbWith(demoSlice());
    const storedBefore = await rawLeads(db.name);
    const version = await readDataVersion(db);
    const result = await scrubAllLeads(db, NOW);

    // Nothing written to the leads: the stored rows are as they were, and the change log names no lead.
    expect(await rawLeads(db.name)).toEqual(storedBefore);
    const changes = await changesSince(db, version);
    // Full (every lead it checked moves), but only by a scrub added: the engine lays it onto its columns.
    expect(changes).toMatchObject({
      full: true,
      laid: { scrubs: true, versions: [], phoneHashes: [] },
      leadIds: new Set(),
    });
    // A scrub row deleted cannot be laid on (the one before it would be in force again): a rebuild.
    const afterAdd = await readDataVersion(db);
    const added = (await db.dncScrubs.get(result.id))!;
    await db.dncScrubs.delete(result.id);
    expect(await changesSince(db, afterAdd)).toMatchObject({ full: true, laid: null });
    await db.dncScrubs.add(added);
    const row = (await db.dncScrubs.orderBy('at').last())!;
    expect(row).toMatchObject({
      at: NOW,
      listed: result.listed,
      lastLeadId: Math.max(...storedBefore.map((l) => l.id)),
    });
    expect(row.listedLeadIds).toHaveLength(result.listed);

    // Read by table, by key, by keys, by a range, by a cursor, inside a transaction: all the same.
    const all = await db.leads.toArray();
    expect(all.every((l) => l.dncCheckedAt === NOW && l.dncStatus !== 'unchecked')).toBe(true);
    expect(all.filter((l) => l.dncStatus === 'listed')).toHaveLength(result.listed);
    const ids = all.map((l) => l.id);
    const byCursor: Lead[] = [];
    await db.leads.each((l) => void byCursor.push(l));
    const inTransaction = await db.transaction('r', db.leads, () => db.leads.bulkGet(ids));
    const ranged = await db.leads.where(':id').between(ids[0]!, ids.at(-1)!, true, true).toArray();
    for (const read of [byCursor, inTransaction, ranged, await db.leads.bulkGet(ids)])
      expect(read.map(dncOf)).toEqual(all.map(dncOf));
    expect(dncOf(await db.leads.get(ids[3]!))).toBe(dncOf(all[3]));
  });

  it('a write after the scrub stores the check it read; a lead stored after the scrub keeps its own', async () => {
    const db = await dbWith(demoSlice());
    await scrubAllLeads(db, NOW);
    const [first] = await db.leads.limit(1).toArray();
    await db.leads.put({ ...first!, tags: [...first!.tags, 'edited'], updatedAt: NOW + 1 });
    const stored = (await rawLeads(db.name)).find((l) => l.id === first!.id)!;
    expect(dncOf(stored)).toBe(dncOf(first));

    const { id: _id, dncCheckedAt: _checked, ...rest } = first!;
    const later = await db.leads.add({
      ...rest,
      phoneE164: '+15550000001',
      createdAt: NOW + 5,
      updatedAt: NOW + 5,
      dncStatus: 'unchecked',
      dncCheckedVersions: [],
    });
    expect(await db.leads.get(later)).toMatchObject({ dncStatus: 'unchecked', dncCheckedVersions: [] });
  });

  it('reads every lead of a number shared across a chunk boundary, each once', async () => {
    const db = await dbWith(demoSlice(50));
    const leads = await db.leads.orderBy('phoneE164').toArray();
    // Five leads share the third number: the chunk of three ends inside them.
    const shared = leads[2]!.phoneE164;
    await db.leads.bulkPut(leads.slice(3, 7).map((l) => ({ ...l, phoneE164: shared })));
    const listed = new Set([shared]);
    const steps: number[] = [];
    const checked = await checkLeads(db, { listed }, (n) => steps.push(n), 3);
    expect(checked.listedLeadIds).toEqual(
      leads
        .slice(2, 7)
        .map((l) => l.id)
        .sort((a, b) => a - b),
    );
    expect(checked.leadCount).toBe(leads.length);
    expect(steps.at(-1)).toBe(leads.length);
    expect(steps.length).toBeGreaterThan(3);
  });

  it('a cursor read after a scrub answers its key as the browser’s own cursor does (an import’s look-up by number, each, a filter)', async () => {
    // The browser's cursor answers `key` and `primaryKey` only on itself ("Illegal invocation" on an
    // object that merely inherits from it); fake-indexeddb's answer anywhere. Make them check, as Chromium does.
    const proto = globalThis.IDBCursor.prototype as object;
    const saved = (['key', 'primaryKey'] as const).map(
      (name) => [name, Object.getOwnPropertyDescriptor(proto, name)!] as const,
    );
    for (const [name, d] of saved)
      Object.defineProperty(proto, name, {
        ...d,
        get(this: object) {
          if (!Object.hasOwn(this, '_primaryKey')) throw new TypeError('Illegal invocation');
          return d.get!.call(this);
        },
      });
    try {
      const db = await dbWith(demoSlice());
      const all = await db.leads.toArray();
      await scrubAllLeads(db, NOW);
      const phones = all.slice(0, 5).map((l) => l.phoneE164);
      const found = await leadsByPhone(db, phones);
      expect([...found.keys()].sort()).toEqual([...new Set(phones)].sort());
      expect([...found.values()].every((l) => l.dncCheckedAt === NOW)).toBe(true);
      let each = 0;
      await db.leads.each(() => void each++);
      expect(each).toBe(all.length);
      expect(await db.leads.filter((l) => l.dncCheckedAt === NOW).count()).toBe(all.length);
    } finally {
      for (const [name, d] of saved) Object.defineProperty(proto, name, d);
    }
  });
});
