import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Dexie, { type Transaction } from 'dexie';
import { LeadsDb } from '../leads-db';
import { MIGRATIONS, LATEST_VERSION, type Migration } from './index';
import { V001_STORES, v001 } from './v001-initial';
import { auditFormat2Rows } from './audit-format-2-expectation';
import { changeLogMoved, V007_ENGINE_ROWS } from './change-log-move-expectation';
import {
  DEMO_NOW,
  demoRows,
  digest,
  fillWithDemoData,
  migrateAndDigest,
  migrateFromTo,
  readAll,
  type MigrationExpectation,
  type TableRows,
} from './migration-harness';

/**
 * What each migration does to existing data. A version not listed here must keep every
 * record as it was. Add one line per version whose upgrade changes records, e.g.
 *   2: { expectRows: (rows) => ({ ...rows, leads: rows.leads!.map((l) => ({ ...(l as object), country: 'US' })) }) },
 */
const EXPECTATIONS: Record<number, MigrationExpectation> = {
  3: { expectRows: (rows) => auditFormat2Rows(rows, UPGRADE_AT, 'Data steward') },
  8: {
    fill: async (db) => {
      await fillWithDemoData(db);
      await db.table('engine').bulkAdd(V007_ENGINE_ROWS);
    },
    expectRows: changeLogMoved,
  },
};

/** v003 stamps its `upgrade` audit entry with the clock: pin it (Date only; IndexedDB's timers run as usual). */
const UPGRADE_AT = DEMO_NOW + 3_600_000;
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(UPGRADE_AT);
});
afterEach(() => {
  vi.useRealTimers();
});

const opened: Dexie[] = [];
const dbName = () => `t-${crypto.randomUUID()}`;
function track<T extends Dexie>(db: T): T {
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

const VERSIONS = MIGRATIONS.map((m) => m.version);
/** Every (older, newer) pair: a browser may last have opened the app several releases ago. */
const UPGRADE_PATHS = VERSIONS.flatMap((from, i) => VERSIONS.slice(i + 1).map((to) => [from, to] as const));

/**
 * What upgrading from `from` to `to` promises: each version's own expectation in turn; the
 * database is filled as version `from` wrote it (the `fill` of the version after it, if any).
 */
function expectationFor(from: number, to: number): MigrationExpectation {
  const steps = VERSIONS.filter((v) => v > from && v <= to).flatMap((v) =>
    EXPECTATIONS[v]?.expectRows ? [EXPECTATIONS[v].expectRows] : [],
  );
  const fill = EXPECTATIONS[VERSIONS[VERSIONS.indexOf(from) + 1]!]?.fill;
  return {
    ...(fill ? { fill } : {}),
    ...(steps.length ? { expectRows: (rows: TableRows) => steps.reduce((r, step) => step(r), rows) } : {}),
  };
}

describe('every migration after the first keeps (or transforms as promised) the data before it', () => {
  const upgrades = MIGRATIONS.slice(1).map((m) => m.version);

  it.skipIf(upgrades.length === 0).each(upgrades)('v%i', async (version) => {
    const outcome = await migrateAndDigest(MIGRATIONS, version, EXPECTATIONS[version]);
    expect(outcome.verno).toBe(version);
    expect(outcome.after).toEqual(outcome.expected);
  });

  it('has an expectation only for versions that exist', () => {
    for (const version of Object.keys(EXPECTATIONS).map(Number)) expect(upgrades).toContain(version);
  });
});

describe('an upgrade from every earlier version to every later one keeps every record (counts and a hash per record)', () => {
  // Consecutive steps are tested above; here the longer jumps (v1→v3, …), in one upgrade transaction.
  const jumps = UPGRADE_PATHS.filter(([from, to]) => VERSIONS.indexOf(to) - VERSIONS.indexOf(from) > 1);

  it.skipIf(jumps.length === 0).each(jumps)('v%i → v%i', async (from, to) => {
    const outcome = await migrateFromTo(MIGRATIONS, from, to, expectationFor(from, to));
    expect(outcome.verno).toBe(to);
    expect(outcome.before.leads!.count).toBeGreaterThan(1000);
    expect(outcome.after).toEqual(outcome.expected);
  });

  it('covers every pair of versions (steps above, jumps here)', () => {
    expect(UPGRADE_PATHS.length).toBe((VERSIONS.length * (VERSIONS.length - 1)) / 2);
    expect(UPGRADE_PATHS.filter(([f, t]) => VERSIONS.indexOf(t) - VERSIONS.indexOf(f) === 1).map(([, t]) => t)).toEqual(
      MIGRATIONS.slice(1).map((m) => m.version),
    );
  });
});

describe('a failing upgrade leaves the database at every version intact', () => {
  /** A next version whose upgrade changes records, drops a table's rows and then throws. */
  const broken = (version: number): Migration => ({
    version,
    stores: { notes: '++id' },
    upgrade: async (tx) => {
      await tx
        .table('leads')
        .toCollection()
        .modify((l: { name: string }) => {
          l.name = 'overwritten';
        });
      await tx.table('calls').clear();
      throw new Error('upgrade failed half-way');
    },
  });

  it.each(VERSIONS)(
    'from v%i: the real later migrations run, then one fails — the database is still at that version, record for record',
    async (version) => {
      const name = dbName();
      const upTo = MIGRATIONS.slice(0, VERSIONS.indexOf(version) + 1);
      const old = track(new LeadsDb(name, upTo));
      await (EXPECTATIONS[VERSIONS[VERSIONS.indexOf(version) + 1]!]?.fill ?? fillWithDemoData)(old);
      const before = digest(old, await readAll(old));
      old.close();

      const next = track(new LeadsDb(name, [...MIGRATIONS, broken(LATEST_VERSION + 1)]));
      await expect(next.open()).rejects.toThrow();
      next.close();

      const again = track(new LeadsDb(name, upTo));
      await again.open();
      expect(again.verno).toBe(version);
      expect([...again.backendDB().objectStoreNames]).not.toContain('notes');
      expect(digest(again, await readAll(again))).toEqual(before);
    },
  );
});

describe('the migration files', () => {
  const files = import.meta.glob<Record<string, unknown>>(['./v[0-9][0-9][0-9]-*.ts', '!./*.test.ts'], { eager: true });
  const byFile = Object.entries(files)
    .map(([path, mod]) => ({ path, number: Number(/\/v(\d{3})-/.exec(path)![1]), mod }))
    .sort((a, b) => a.number - b.number);

  it('are numbered v001, v002, … with no gaps, one per version in MIGRATIONS, in order', () => {
    expect(byFile.map((f) => f.number)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(MIGRATIONS.map((m) => m.version)).toEqual(byFile.map((f) => f.number));
  });

  it('each export the migration that MIGRATIONS registers at that place', () => {
    byFile.forEach((f, i) => {
      expect(Object.values(f.mod), f.path).toContain(MIGRATIONS[i]);
    });
  });

  it('have strictly increasing versions, and LATEST_VERSION is the last', () => {
    MIGRATIONS.forEach((m, i) => {
      if (i > 0) expect(m.version).toBeGreaterThan(MIGRATIONS[i - 1]!.version);
    });
    expect(MIGRATIONS[0]!.version).toBe(1);
    expect(LATEST_VERSION).toBe(MIGRATIONS.at(-1)!.version);
  });
});

describe('v001 on an empty database', () => {
  // Object stores and indexes as IndexedDB itself reports them: the key path, auto-increment, indexes.
  it.each([
    {
      table: 'leads',
      key: 'id',
      auto: true,
      indexes: ['acquiredAt', 'campaignId', 'importBatchId', 'phoneE164', 'sourceId'],
    },
    { table: 'calls', key: 'id', auto: true, indexes: ['at', 'importBatchId', 'leadId'] },
    { table: 'consents', key: 'id', auto: true, indexes: ['capturedAt', 'expiresAt', 'leadId'] },
    { table: 'acquisitions', key: 'id', auto: true, indexes: ['importBatchId', 'leadId'] },
    { table: 'dncLists', key: 'id', auto: false, indexes: [] },
    { table: 'dncListVersions', key: 'id', auto: true, indexes: ['listId', 'publishedAt'] },
    { table: 'dncEntries', key: ['listId', 'phoneE164'], auto: false, indexes: ['addedVersionId', 'phoneE164'] },
    { table: 'dncScrubs', key: 'id', auto: true, indexes: ['at'] },
    { table: 'sources', key: 'id', auto: false, indexes: [] },
    { table: 'campaigns', key: 'id', auto: false, indexes: [] },
    { table: 'importBatches', key: 'id', auto: true, indexes: ['at'] },
    { table: 'audit', key: 'seq', auto: false, indexes: ['action', 'at'] },
    { table: 'settings', key: 'key', auto: false, indexes: [] },
    { table: 'savedViews', key: 'id', auto: true, indexes: ['name'] },
  ])('$table: key $key, indexes $indexes', async ({ table, key, auto, indexes }) => {
    const db = track(new LeadsDb(dbName(), [v001]));
    await db.open();
    const idb = db.backendDB();
    const store = idb.transaction(table, 'readonly').objectStore(table);
    expect({ key: store.keyPath, auto: store.autoIncrement, indexes: [...store.indexNames].sort() }).toEqual({
      key,
      auto,
      indexes,
    });
  });

  it('opens at version 1 with exactly the v001 tables, every table of DESIGN.md §3 among them', async () => {
    const db = track(new LeadsDb(dbName(), [v001]));
    await db.open();
    expect(db.verno).toBe(1);
    const names = [...db.backendDB().objectStoreNames].sort();
    expect(names).toEqual(Object.keys(V001_STORES).sort());
    for (const t of [
      'leads',
      'calls',
      'consents',
      'dncLists',
      'dncListVersions',
      'dncEntries',
      'sources',
      'campaigns',
      'importBatches',
      'audit',
      'settings',
    ]) {
      expect(names).toContain(t);
    }
    for (const table of db.tables) expect(await table.count(), table.name).toBe(0);
  });

  it('takes the harness’s demo slice in every table', async () => {
    const db = track(new LeadsDb(dbName(), [v001]));
    await fillWithDemoData(db);
    const rows = await readAll(db);
    for (const [name, list] of Object.entries(rows)) expect(list.length, name).toBeGreaterThan(0);
    expect(rows.leads!.length).toBeGreaterThan(1000);
  });
});

describe('v004 drops the indexes nothing looks up by', () => {
  // As IndexedDB reports them after an upgrade from v001's full set (the other tables keep theirs).
  it.each([
    { table: 'leads', indexes: ['importBatchId', 'phoneE164'] },
    { table: 'calls', indexes: ['importBatchId', 'leadId'] },
    { table: 'consents', indexes: ['leadId'] },
    { table: 'dncEntries', indexes: ['phoneE164'] },
    { table: 'acquisitions', indexes: ['importBatchId', 'leadId'] },
    { table: 'audit', indexes: ['action', 'at'] },
  ])('$table: $indexes', async ({ table, indexes }) => {
    const name = dbName();
    const old = track(new LeadsDb(name, MIGRATIONS.slice(0, 3)));
    await old.open();
    old.close();
    const db = track(new LeadsDb(name, MIGRATIONS.slice(0, 4)));
    await db.open();
    expect(db.verno).toBe(4);
    expect([...db.backendDB().transaction(table, 'readonly').objectStore(table).indexNames].sort()).toEqual(indexes);
  });
});

describe('the harness itself, with a fake v002', () => {
  const addIndex: Migration = { version: 2, stores: { ...V001_STORES, leads: `${V001_STORES.leads}, region` } };
  const addField: Migration = {
    version: 2,
    stores: { notes: '++id, leadId' },
    upgrade: async (tx: Transaction) => {
      await tx
        .table('leads')
        .toCollection()
        .modify((l: { region: string; country?: string }) => {
          l.country = l.region;
        });
    },
  };

  it('passes a schema-only change that keeps every record', async () => {
    const outcome = await migrateAndDigest([v001, addIndex], 2);
    expect(outcome.verno).toBe(2);
    expect(outcome.after).toEqual(outcome.before);
    expect(outcome.after).toEqual(outcome.expected);
  });

  it('passes a transformation when the expectation says so, and a new table starts empty', async () => {
    const expectation: MigrationExpectation = {
      expectRows: (rows) => ({
        ...rows,
        leads: rows.leads!.map((l) => ({ ...(l as { region: string }), country: (l as { region: string }).region })),
      }),
    };
    const outcome = await migrateAndDigest([v001, addField], 2, expectation);
    expect(outcome.after).toEqual(outcome.expected);
    expect(outcome.after.notes).toEqual({ count: 0, records: {} });
    expect(outcome.after.leads).not.toEqual(outcome.before.leads);
  });

  it('catches a transformation nobody promised, naming the records', async () => {
    const outcome = await migrateAndDigest([v001, addField], 2);
    expect(outcome.after.leads!.count).toBe(outcome.expected.leads!.count);
    const changed = Object.keys(outcome.after.leads!.records).filter(
      (k) => outcome.after.leads!.records[k] !== outcome.expected.leads!.records[k],
    );
    expect(changed.length).toBe(outcome.after.leads!.count);
    expect(outcome.after.calls).toEqual(outcome.expected.calls);
  });

  it('catches lost records', async () => {
    const dropsLegacy: Migration = {
      version: 2,
      stores: {},
      upgrade: async (tx) => {
        await tx.table('leads').where('sourceId').equals('legacy-crm').delete();
      },
    };
    const outcome = await migrateAndDigest([v001, dropsLegacy], 2);
    expect(outcome.after.leads!.count).toBeLessThan(outcome.expected.leads!.count);
  });

  it('a failing upgrade leaves the v1 database intact and still openable at v1', async () => {
    const name = dbName();
    const v1 = track(new LeadsDb(name, [v001]));
    await fillWithDemoData(v1);
    const before = digest(v1, await readAll(v1));
    v1.close();

    const broken: Migration = {
      version: 2,
      stores: { notes: '++id' },
      upgrade: async (tx) => {
        await tx
          .table('leads')
          .toCollection()
          .modify((l: { name: string }) => {
            l.name = 'overwritten';
          });
        await tx.table('calls').clear();
        throw new Error('upgrade failed half-way');
      },
    };
    const v2 = track(new LeadsDb(name, [v001, broken]));
    await expect(v2.open()).rejects.toThrow();
    v2.close();

    const again = track(new LeadsDb(name, [v001]));
    await again.open();
    expect(again.verno).toBe(1);
    expect([...again.backendDB().objectStoreNames]).not.toContain('notes');
    expect(digest(again, await readAll(again))).toEqual(before);
  });

  it('demo rows are the same on every call (the harness is deterministic)', () => {
    expect(demoRows(200)).toEqual(demoRows(200));
  });
});

describe('v002: the operation journal', () => {
  it('adds the operations table (auto-increment id, indexed by state and kind), empty, next to every v001 table', async () => {
    const db = track(new LeadsDb(dbName(), MIGRATIONS.slice(0, 2)));
    await db.open();
    expect(db.verno).toBe(2);
    const store = db.backendDB().transaction('operations', 'readonly').objectStore('operations');
    expect({ key: store.keyPath, auto: store.autoIncrement, indexes: [...store.indexNames].sort() }).toEqual({
      key: 'id',
      auto: true,
      indexes: ['kind', 'state'],
    });
    expect([...db.backendDB().objectStoreNames].sort()).toEqual([...Object.keys(V001_STORES), 'operations'].sort());
    expect(await db.operations.count()).toBe(0);
  });
});

describe('v006: requests for consent renewal', () => {
  it('adds the consentRequests table (auto-increment id, indexed by lead and request time), empty', async () => {
    const db = track(new LeadsDb(dbName(), MIGRATIONS.slice(0, 6)));
    await db.open();
    expect(db.verno).toBe(6);
    const store = db.backendDB().transaction('consentRequests', 'readonly').objectStore('consentRequests');
    expect({ key: store.keyPath, auto: store.autoIncrement, indexes: [...store.indexNames].sort() }).toEqual({
      key: 'id',
      auto: true,
      indexes: ['leadId', 'requestedAt'],
    });
    expect(await db.consentRequests.count()).toBe(0);
  });
});
