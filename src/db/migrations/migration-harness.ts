/**
 * Test harness for schema migrations (STYLE.md: every version gets a test that fills the
 * version before it and opens it at the new one). Used by `migrations.test.ts` on
 * fake-indexeddb; nothing in the app imports it.
 *
 * For version N it opens a database with migrations 1…N−1, fills it, closes it, reopens it
 * with migrations 1…N and digests every table: a count and a SHA-256 per record, keyed by
 * primary key. The caller compares that with what the migration promises (by default:
 * every record unchanged), so a failure names the table and the records that differ.
 */
import Dexie from 'dexie';
import { GENESIS_HASH, canonicalJson, entryHash, sha256Hex } from '../../domain/audit/audit-hash';
import type { AuditEntry } from '../../domain/audit/audit-entry';
import { DEFAULT_SETTINGS } from '../../domain/settings/settings';
import { buildDemoDataset, type DemoDataset } from '../demo-data';
import { LeadsDb } from '../leads-db';
import type { Migration } from './index';

/** Every record of every table, in primary-key order. */
export type TableRows = Record<string, unknown[]>;

/** Per table: how many records, and a hash of each keyed by its primary key. */
export type DbDigest = Record<string, { count: number; records: Record<string, string> }>;

export interface MigrationExpectation {
  /** Fill the database at version N−1 (default: a slice of the demo dataset, in today's shape). */
  fill?: (db: LeadsDb) => Promise<void>;
  /** The rows version N must hold, from the rows version N−1 held (default: the same rows). */
  expectRows?: (before: TableRows) => TableRows;
}

export interface MigrationOutcome {
  /** The version the database opened at after the upgrade. */
  verno: number;
  before: DbDigest;
  after: DbDigest;
  expected: DbDigest;
}

/** Read every table in one transaction. */
export async function readAll(db: Dexie): Promise<TableRows> {
  return db.transaction('r', db.tables, async () => {
    const rows: TableRows = {};
    for (const table of db.tables) rows[table.name] = await table.toArray();
    return rows;
  });
}

/** Digest rows with the primary keys of `db`'s schema (tables in `rows` that `db` lacks are reported under their name with no key). */
export function digest(db: Dexie, rows: TableRows): DbDigest {
  const out: DbDigest = {};
  for (const [name, list] of Object.entries(rows)) {
    const keyPath = db.tables.find((t) => t.name === name)?.schema.primKey.keyPath;
    const records: Record<string, string> = {};
    list.forEach((row, i) => {
      const key = keyPath ? JSON.stringify(Dexie.getByKeyPath(row as object, keyPath)) : `#${i}`;
      records[key] = sha256Hex(canonicalJson(row));
    });
    out[name] = { count: list.length, records };
  }
  return out;
}

/** Fill at migrations[…N−1], reopen at migrations[…N], digest before, after and as expected. */
export async function migrateAndDigest(
  migrations: readonly Migration[],
  version: number,
  expectation: MigrationExpectation = {},
  name = `migration-v${version}-${crypto.randomUUID()}`,
): Promise<MigrationOutcome> {
  const index = migrations.findIndex((m) => m.version === version);
  if (index < 1) throw new Error(`v${version} has no earlier version to migrate from`);
  return migrateFromTo(migrations, migrations[index - 1]!.version, version, expectation, name);
}

/**
 * Fill at version `from`, reopen at version `to` (every migration in between runs, in one
 * upgrade, as when a browser last opened the app several releases ago), digest before, after
 * and as expected. `expectation.expectRows` covers the whole step (compose the versions' own).
 */
export async function migrateFromTo(
  migrations: readonly Migration[],
  from: number,
  to: number,
  expectation: MigrationExpectation = {},
  name = `migration-v${from}-v${to}-${crypto.randomUUID()}`,
): Promise<MigrationOutcome> {
  const fromIndex = migrations.findIndex((m) => m.version === from);
  const toIndex = migrations.findIndex((m) => m.version === to);
  if (fromIndex < 0 || toIndex <= fromIndex) throw new Error(`no upgrade from v${from} to v${to}`);
  const old = new LeadsDb(name, migrations.slice(0, fromIndex + 1));
  await old.open();
  await (expectation.fill ?? fillWithDemoData)(old);
  const beforeRows = await readAll(old);
  const before = digest(old, beforeRows);
  old.close();
  const next = new LeadsDb(name, migrations.slice(0, toIndex + 1));
  try {
    await next.open();
    const after = digest(next, await readAll(next));
    const promised = expectation.expectRows ? expectation.expectRows(structuredClone(beforeRows)) : beforeRows;
    // A table new at version N starts empty unless the migration fills it.
    const expectedRows = { ...Object.fromEntries(next.tables.map((t) => [t.name, []])), ...promised };
    return { verno: next.verno, before, after, expected: digest(next, expectedRows) };
  } finally {
    next.close();
    await Dexie.delete(name);
  }
}

export const DEMO_NOW = Date.UTC(2026, 10, 29, 17, 0);
let demo: DemoDataset | null = null;

/**
 * A realistic slice of the demo world for every table that exists at the database's version:
 * every `step`-th lead (all sources, legacy included) with its calls, consents, acquisitions
 * and DNC entries, plus an import batch, a saved view, settings, flags and a hash-chained audit trail.
 */
export function demoRows(leadCount = 1500): TableRows {
  demo ??= buildDemoDataset(DEMO_NOW);
  const step = Math.ceil(demo.leads.length / leadCount);
  const leads = demo.leads.filter((_, i) => i % step === 0);
  const ids = new Set(leads.map((l) => l.id));
  const phones = new Set(leads.map((l) => l.phoneE164));
  let prevHash = GENESIS_HASH;
  const audit: AuditEntry[] = [
    { action: 'seed' as const, entity: 'database', ids: [], before: null, after: { leads: leads.length } },
    { action: 'create' as const, entity: 'lead', ids: [leads[0]!.id], before: null, after: leads[0] },
    {
      action: 'settings' as const,
      entity: 'settings',
      ids: ['operatorName'],
      before: { operatorName: 'Data steward' },
      after: { operatorName: 'Dana' },
      note: 'handover',
    },
  ].map((draft, i) => {
    const unhashed = { ...draft, seq: i + 1, at: DEMO_NOW - (3 - i) * 60_000, actor: 'Data steward', prevHash };
    prevHash = entryHash(unhashed);
    return { ...unhashed, hash: prevHash };
  });
  return {
    sources: demo.sources,
    campaigns: demo.campaigns,
    leads,
    calls: demo.calls.filter((c) => ids.has(c.leadId)),
    consents: demo.consents.filter((c) => ids.has(c.leadId)),
    acquisitions: leads.map((l, i) => ({
      id: i + 1,
      leadId: l.id,
      sourceId: l.sourceId,
      acquiredAt: l.acquiredAt,
      entryMethod: l.entryMethod,
      recordedAt: l.createdAt,
      ...(l.entryMethod === 'file' ? { importBatchId: 1 } : {}),
    })),
    dncLists: demo.dncLists,
    dncListVersions: demo.dncListVersions,
    dncEntries: demo.dncEntries.filter((e) => phones.has(e.phoneE164)),
    dncScrubs: [demo.scrub],
    importBatches: [
      {
        id: 1,
        kind: 'leads',
        fileName: 'expo-2026.csv',
        sha256: 'ab'.repeat(32),
        encoding: 'utf-8',
        at: DEMO_NOW - 86_400_000,
        by: 'Data steward',
        rowsRead: 1520,
        accepted: 1500,
        rejected: 12,
        merged: 8,
        status: 'committed',
        mapping: { Phone: 'phone' },
      },
    ],
    audit,
    settings: [
      { key: 'org', value: DEFAULT_SETTINGS },
      { key: 'flag:demoSeeded', value: true },
    ],
    savedViews: [{ id: 1, name: 'Expo leads', search: { sourceId: 'expo-2026' }, createdAt: DEMO_NOW }],
    // v002's journal: one of each state an upgrade must carry over.
    operations: [
      {
        id: 1,
        kind: 'import',
        state: 'done',
        startedAt: DEMO_NOW - 86_400_000,
        endedAt: DEMO_NOW - 86_000_000,
        summary: { fileName: 'expo-2026.csv', importKind: 'leads', count: 1500 },
        lock: 'leadledger-operation:a',
      },
      {
        id: 2,
        kind: 'bulk-edit',
        state: 'failed',
        startedAt: DEMO_NOW - 7_200_000,
        endedAt: DEMO_NOW - 7_100_000,
        summary: { opKind: 'add-tags', count: 40, filter: { source: ['expo-2026'] } },
        error: 'QuotaExceededError: full',
      },
      {
        id: 3,
        kind: 'purge',
        state: 'started',
        startedAt: DEMO_NOW - 3_600_000,
        summary: { mode: 'anonymize', count: 12 },
        lock: 'leadledger-operation:b',
      },
      {
        id: 4,
        kind: 'dnc-scrub',
        state: 'acknowledged',
        startedAt: DEMO_NOW - 1_800_000,
        endedAt: DEMO_NOW,
        summary: {},
        progress: { done: 500, total: 1500 },
      },
    ],
  };
}

/** Write `demoRows()` into the tables `db` has at its version. */
export async function fillWithDemoData(db: LeadsDb): Promise<void> {
  const rows = demoRows();
  await db.transaction('rw', db.tables, async () => {
    for (const table of db.tables) if (rows[table.name]) await table.bulkAdd(rows[table.name]!);
  });
}
