/**
 * `rowsByKeys` answers what Dexie's `anyOf` answers, rows in the same order, for numeric, string
 * and compound keys, with duplicates, keys no row holds, and several rows a key; inside a
 * read-write transaction beside other requests too, and outside one in a single transaction.
 */
import 'fake-indexeddb/auto';
import Dexie, { type Table } from 'dexie';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { rowsByKeys } from './rows-by-keys';

interface Row {
  id: number;
  leadId: number;
  phone: string;
  table: string;
  syncId: string;
}

class Db extends Dexie {
  rows!: Table<Row, number>;
  constructor(name: string) {
    super(name);
    this.version(1).stores({ rows: '++id, leadId, phone, [table+syncId]' });
  }
}

const dbs: Db[] = [];
afterAll(async () => {
  for (const db of dbs) await db.delete();
});

/** A database of `count` rows: lead ids 0, 10, 20…, numbers +440, +441… */
async function dbOf(count: number): Promise<Db> {
  const db = new Db(`rows-by-keys-${crypto.randomUUID()}`);
  dbs.push(db);
  await db.rows.bulkAdd(
    Array.from({ length: count }, (_, i) => ({
      leadId: i * 10,
      phone: `+44${i}`,
      table: 'leads',
      syncId: `s${i}`,
    })) as Row[],
  );
  return db;
}

const PHONES = ['+441', '+442', '+4410', '+1', '', '张'];
const TABLES = ['leads', 'calls'];
const SYNC_IDS = ['a', 'b', 'c', 'a-1', 'Z'];
const rowArb = fc.record({
  leadId: fc.integer({ min: 1, max: 60 }),
  phone: fc.constantFrom(...PHONES),
  table: fc.constantFrom(...TABLES),
  syncId: fc.constantFrom(...SYNC_IDS),
});

describe('rowsByKeys', () => {
  it('answers what anyOf answers, in the same order', async () => {
    const seen = { found: 0, empty: 0 };
    await fc.assert(
      fc.asyncProperty(
        fc.array(rowArb, { maxLength: 80 }),
        fc.array(fc.integer({ min: 0, max: 70 }), { maxLength: 30 }),
        fc.array(fc.constantFrom(...PHONES, '+443'), { maxLength: 6 }),
        fc.array(fc.tuple(fc.constantFrom(...TABLES, 'consents'), fc.constantFrom(...SYNC_IDS, 'q')), {
          maxLength: 6,
        }),
        async (rows, leadIds, phones, pairs) => {
          const db = new Db(`rows-by-keys-${crypto.randomUUID()}`);
          dbs.push(db);
          await db.rows.bulkAdd(rows as Row[]);
          for (const [index, keys] of [
            ['leadId', leadIds],
            ['phone', phones],
            ['[table+syncId]', pairs],
          ] as const) {
            const expected = keys.length ? await db.rows.where(index).anyOf(keys).toArray() : [];
            const got = await db.transaction('rw', db.rows, () => rowsByKeys(db.rows, index, keys));
            expect(got).toEqual(expected);
            if (got.length) seen.found++;
            else seen.empty++;
          }
          db.close();
        },
      ),
      { numRuns: 120 },
    );
    // Not vacuous: keys that found rows and keys that found none (fifteen seeds: found 119–159, none 201–241).
    expect(seen.found).toBeGreaterThan(60);
    expect(seen.empty).toBeGreaterThan(60);
  });

  it('reads outside a transaction in one transaction of its own, not one a key', async () => {
    const db = await dbOf(50);
    const seen = new Set<unknown>();
    const where = db.rows.where.bind(db.rows);
    db.rows.where = ((index: string) => {
      seen.add(Dexie.currentTransaction);
      return where(index);
    }) as typeof db.rows.where;
    const got = await rowsByKeys(
      db.rows,
      'leadId',
      Array.from({ length: 50 }, (_, i) => i * 10),
    );
    expect(got).toHaveLength(50);
    expect(seen.size).toBe(1);
    expect([...seen][0]).toBeTruthy();
  });

  it('asks for many keys in waves inside one transaction, beside a write', async () => {
    const db = await dbOf(3_000);
    const phones = Array.from({ length: 25_000 }, (_, i) => `+44${i}`);
    const got = await db.transaction('rw', db.rows, async () => {
      const reading = rowsByKeys(db.rows, 'phone', phones);
      await db.rows.add({ leadId: 5, phone: '+44100000', table: 'leads', syncId: 'new' } as Row);
      return reading;
    });
    expect(got).toHaveLength(3_000);
    expect(got.map((r) => r.phone)).toEqual([...phones.slice(0, 3_000)].sort());
  });
});
