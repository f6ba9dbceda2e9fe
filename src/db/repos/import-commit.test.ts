import { describe, expect, it } from 'vitest';
import type { ImportBatch } from '../../domain/import-export/import-batch';
import { freshDbs } from '../../testing/fresh-dbs';
import { auditImport, ImportCancelledError, NO_HOOKS } from './import-commit';

const T = Date.UTC(2026, 11, 3, 18, 0);
const freshDb = freshDbs();

const BATCH: ImportBatch = {
  id: 7,
  kind: 'calls',
  fileName: 'calls.csv',
  sha256: 'abc',
  encoding: 'utf-8',
  at: T,
  by: 'Ana',
  rowsRead: 3,
  accepted: 2,
  rejected: 1,
  merged: 0,
  status: 'committed',
  mapping: { phone: 'Phone' },
};

describe('auditImport', () => {
  it('audits the batch by its id, without the id or the mapping in the record, with what the import adds', async () => {
    const db = freshDb();
    await auditImport(db, NO_HOOKS, BATCH, T, { leadsAffected: 2 });
    const [entry] = await db.audit.toArray();
    const { id: _id, mapping: _mapping, ...record } = BATCH;
    expect(entry).toMatchObject({ at: T, action: 'import', entity: 'importBatch', ids: [7], before: null });
    expect(entry!.after).toEqual({ ...record, leadsAffected: 2 });
  });

  it('writes nothing once the import is cancelled', async () => {
    const db = freshDb();
    const cancelled = { ...NO_HOOKS, isCancelled: () => true };
    await expect(auditImport(db, cancelled, BATCH, T)).rejects.toBeInstanceOf(ImportCancelledError);
    expect(await db.audit.count()).toBe(0);
  });
});
