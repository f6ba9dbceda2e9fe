import { afterEach, describe, expect, it } from 'vitest';
import { interruption } from '../../domain/operations/operation';
import type { LeadsDb } from '../leads-db';
import { importLeads, testDb } from '../../workers/import-test-kit';
import { applyBulkEdit } from './bulk-edit-repo';
import { createBackup, restoreBackup, validateBackup } from './backup-repo';
import { NOW, closeAll, dbWith, demoSlice } from './compliance-test-fixture';
import { scrubAllLeads } from './dnc-scrub-repo';
import {
  acknowledgeOperation,
  interruptedOperations,
  journaled,
  markDone,
  startedOperations,
} from './operation-journal-repo';
import { purgeRetention } from './retention-repo';
import { planFromTables } from './retention-test-kit';
import { undoOperation } from './undo-repo';

const extra: LeadsDb[] = [];
afterEach(async () => {
  await closeAll();
  for (const db of extra.splice(0)) await db.delete();
});
const emptyDb = () => {
  const db = testDb();
  extra.push(db);
  return db;
};

describe('journaled', () => {
  it('writes `started` first, and `done` in the transaction that commits the data', async () => {
    const db = emptyDb();
    const seen: string[] = [];
    await journaled(
      db,
      'import',
      { fileName: 'leads.csv', count: 1 },
      (entry) =>
        db.transaction('rw', db.savedViews, db.operations, async () => {
          seen.push((await db.operations.get(entry.id))!.state);
          await db.savedViews.add({ name: 'v', search: {}, createdAt: NOW } as never);
          await markDone(db, entry, NOW + 5);
        }),
      NOW,
    );
    expect(seen).toEqual(['started']);
    const [row] = await db.operations.toArray();
    expect(row).toMatchObject({
      kind: 'import',
      state: 'done',
      startedAt: NOW,
      endedAt: NOW + 5,
      summary: { fileName: 'leads.csv', count: 1 },
    });
    expect(row!.lock).toMatch(/^leadledger-operation:/);
  });

  it('a transaction that aborts after marking done leaves neither the data nor `done`: the row says `failed`', async () => {
    const db = emptyDb();
    const work = journaled(
      db,
      'bulk-edit',
      { count: 1 },
      (entry) =>
        db.transaction('rw', db.savedViews, db.operations, async () => {
          await db.savedViews.add({ name: 'v', search: {}, createdAt: NOW } as never);
          await markDone(db, entry, NOW);
          throw new Error('disk full');
        }),
      NOW,
    );
    await expect(work).rejects.toThrow('disk full');
    expect(await db.savedViews.count()).toBe(0);
    expect(await db.operations.toArray()).toMatchObject([{ state: 'failed', error: 'disk full' }]);
  });

  it('refuses to mark done outside a transaction (it would not commit with the data)', async () => {
    const db = emptyDb();
    await expect(journaled(db, 'undo', {}, (entry) => markDone(db, entry))).rejects.toThrow(/inside/);
  });

  it('a row left `started` is interrupted unless its lock is held (by the tab still running it); dismissing acknowledges it', async () => {
    const db = emptyDb();
    // A tab that dies mid-operation: its work never settles, the row stays `started`.
    void journaled(db, 'purge', { mode: 'anonymize', count: 12 }, () => new Promise<never>(() => {}), NOW);
    await expect.poll(() => db.operations.count()).toBe(1);
    const [row] = await startedOperations(db);
    expect(await interruptedOperations(db, new Set([row!.lock!]))).toEqual([]);
    expect(await interruptedOperations(db, new Set())).toMatchObject([
      { id: row!.id, kind: 'purge', summary: { mode: 'anonymize', count: 12 } },
    ]);
    expect(interruption(row!)).toEqual({ saved: 'nothing' });
    await acknowledgeOperation(db, row!.id, NOW + 1);
    expect(await interruptedOperations(db, new Set())).toEqual([]);
    expect(await db.operations.get(row!.id)).toMatchObject({ state: 'acknowledged', endedAt: NOW + 1 });
  });
});

describe('the write paths are journaled', () => {
  it('an import: `done` with the file name and row count', async () => {
    const db = emptyDb();
    await importLeads(db, 'phone,acquired at\n2133734253,2026-01-01T00:00:00Z\n2133734254,2026-01-02T00:00:00Z\n');
    expect(await db.operations.toArray()).toMatchObject([
      { kind: 'import', state: 'done', summary: { fileName: 'leads.csv', importKind: 'leads', count: 2 } },
    ]);
  });

  it('a bulk edit and its undo: `done`, with the filter minus its free text', async () => {
    const db = await dbWith(demoSlice());
    const ids = (await db.leads.limit(30).primaryKeys()) as number[];
    const { auditSeq } = await applyBulkEdit(db, ids, { kind: 'add-tags', tags: ['journal'] }, NOW, {
      source: ['web-forms'],
      q: 'Jane Doe',
      cohort: undefined,
    });
    await undoOperation(db, auditSeq, NOW + 1);
    const rows = await db.operations.toArray();
    expect(rows).toMatchObject([
      {
        kind: 'bulk-edit',
        state: 'done',
        summary: { opKind: 'add-tags', count: 30, filter: { source: ['web-forms'] } },
      },
      { kind: 'undo', state: 'done', summary: { auditSeq, count: 30 } },
    ]);
    expect(JSON.stringify(rows)).not.toContain('Jane Doe');
    // Undoing it twice is refused: the refusal is recorded as `failed`, not as interrupted.
    await expect(undoOperation(db, auditSeq, NOW + 2)).rejects.toThrow(/already undone/);
    expect((await db.operations.toArray()).at(-1)).toMatchObject({ kind: 'undo', state: 'failed' });
    expect(await interruptedOperations(db, new Set())).toEqual([]);
  });

  it('a purge (`done` with mode and count) and a refused one (`failed`)', async () => {
    const db = await dbWith(demoSlice());
    const plan = await planFromTables(db, NOW, 'anonymize');
    expect(plan.leadIds.length).toBeGreaterThan(0);
    // A plan naming a lead no longer stored is refused.
    await expect(purgeRetention(db, { plan: { ...plan, leadIds: [...plan.leadIds, 999_999] } }, NOW)).rejects.toThrow(
      'plan-changed',
    );
    await purgeRetention(db, { plan }, NOW);
    expect(await db.operations.toArray()).toMatchObject([
      { kind: 'purge', state: 'failed', error: 'plan-changed' },
      { kind: 'purge', state: 'done', summary: { mode: 'anonymize', count: plan.leadIds.length } },
    ]);
  });

  it('a DNC scrub writes only its row, with `done`: an interrupted one saved nothing; a row from before the overlay keeps its partial progress', async () => {
    const db = await dbWith(demoSlice());
    await scrubAllLeads(db, NOW);
    const [op] = await db.operations.toArray();
    expect(op).toMatchObject({ kind: 'dnc-scrub', state: 'done' });
    expect(op!.progress).toBeUndefined();
    expect(interruption({ ...op!, state: 'started' })).toEqual({ saved: 'nothing' });
    // Scrubs before the overlay wrote each chunk's leads as they went, and recorded how far they got.
    expect(
      interruption({
        id: 1,
        kind: 'dnc-scrub',
        state: 'started',
        startedAt: NOW,
        summary: {},
        progress: { done: 25_000, total: 60_000 },
      }),
    ).toEqual({ saved: 'partial', done: 25_000, total: 60_000 });
  });

  it('a restore: the journal is neither in the backup nor replaced by it, and the restore’s own row is `done`', async () => {
    const db = await dbWith(demoSlice());
    void journaled(db, 'bulk-edit', { count: 1 }, () => new Promise<never>(() => {}), NOW);
    await expect.poll(() => db.operations.count()).toBe(1);
    const { json } = await createBackup(db, NOW);
    expect(Object.keys(JSON.parse(json).tables)).not.toContain('operations');
    const check = validateBackup(db, json);
    if (!check.ok) throw new Error(check.problems.join());
    await restoreBackup(db, check.backup, NOW + 1);
    expect(await db.operations.toArray()).toMatchObject([
      { kind: 'bulk-edit', state: 'started' },
      { kind: 'restore', state: 'done', summary: { count: await db.leads.count() } },
    ]);
  });
});
