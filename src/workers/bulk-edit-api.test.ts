/**
 * The bulk-edit worker's API across a real Comlink channel (a MessageChannel in this process),
 * as the page calls it: preview and apply agree, apply writes one audit entry and one journal
 * row, undo restores, and a full disk reaches the page as a StorageFullError by name, which the
 * page's rethrowStorageError turns back into the class.
 */
import { afterAll, describe, expect, it, vi } from 'vitest';
import { NOW, closeAll, dbWith, demoSlice } from '../db/repos/compliance-test-fixture';
import { snapshot } from '../db/repos/bulk-edit-test-fixture';
import { STORAGE_FULL, StorageFullError, rethrowStorageError } from '../db/storage-errors';
import { LeadsDb } from '../db/leads-db';
import type { Lead } from '../domain/leads/lead';
import { createBulkEditApi } from './bulk-edit-api';
import { comlinkPairs } from '../testing/comlink-pair';
import { fullDisk } from '../testing/full-disk';

/** While on, every read-write transaction aborts with QuotaExceededError when it would commit (as Chromium does). */
const disk = fullDisk();
afterAll(closeAll);

const pair = comlinkPairs();
/** The API as the page sees it: across Comlink. */
const remoteFor = (db: LeadsDb) => pair(createBulkEditApi(db));

/** Every table but the audit trail and the journal, which an apply and its undo both extend. */
const dataOf = async (db: LeadsDb) => {
  const { audit: _audit, ...rest } = await snapshot(db);
  return rest;
};

describe('the bulk-edit worker, called across Comlink', () => {
  it('preview counts what apply changes; apply writes one audit entry and a done journal row; undo restores every lead', async () => {
    const data = demoSlice(100);
    const db = await dbWith(data);
    const remote = remoteFor(db);
    const ids = data.leads.map((l) => l.id);
    const tagged = data.leads.filter((l) => l.tags.includes('worker-tag')).length;
    const before = await dataOf(db);
    const op = { kind: 'add-tags' as const, tags: ['  worker-tag '] };

    const preview = await remote.preview(ids, op, NOW);
    expect(preview).toMatchObject({ selected: ids.length, changed: ids.length - tagged, missing: 0 });
    expect(await dataOf(db)).toEqual(before);

    const result = await remote.apply(ids, op, NOW, { tags: ['x'] });
    expect(result.changed).toBe(preview.changed);
    expect(result.changedIds.sort((a, b) => a - b)).toEqual(ids.sort((a, b) => a - b));
    expect((await db.leads.bulkGet(ids)).every((l) => l?.tags.includes('worker-tag') && l.updatedAt === NOW)).toBe(
      true,
    );
    const entry = (await db.audit.get(result.auditSeq))!;
    expect(entry).toMatchObject({ action: 'bulk-edit', entity: 'lead', at: NOW });
    expect(entry.ids).toHaveLength(result.changed);
    const journal = await db.operations.toArray();
    expect(journal).toEqual([
      expect.objectContaining({
        kind: 'bulk-edit',
        state: 'done',
        summary: expect.objectContaining({ opKind: 'add-tags', count: ids.length, filter: { tags: ['x'] } }),
      }),
    ]);

    await expect(remote.undo(result.auditSeq, NOW + 1)).resolves.toEqual({ restored: result.changed });
    // Every lead as it was, its updatedAt aside: an undo is itself a change, made at its own instant.
    expect(await dataOf(db)).toEqual({
      ...before,
      leads: (before.leads as Lead[]).map((l) => ({ ...l, updatedAt: NOW + 1 })),
    });
    expect(await db.audit.orderBy('seq').last()).toMatchObject({
      action: 'undo',
      after: expect.objectContaining({ undid: result.auditSeq }),
    });
    // A second undo of the same entry is refused, with the repository's words.
    await expect(remote.undo(result.auditSeq, NOW + 2)).rejects.toThrow(/already undone/);
  });

  it('an Apply right after its Preview reads no lead again; after a write in between (another tab), it reads them again and keeps that write', async () => {
    const data = demoSlice(100);
    const db = await dbWith(data);
    const remote = remoteFor(db);
    const ids = data.leads.map((l) => l.id);
    const reads = vi.spyOn(db.leads, 'bulkGet');
    const op = { kind: 'add-tags' as const, tags: ['first'] };
    await remote.preview(ids, op, NOW);
    expect(reads).toHaveBeenCalledTimes(1);
    await remote.apply(ids, op, NOW);
    expect(reads).toHaveBeenCalledTimes(1);
    expect((await db.leads.toArray()).every((l) => l.tags.includes('first'))).toBe(true);

    // Another connection (a tab) renames a selected lead between Preview and Apply.
    const second = { kind: 'add-tags' as const, tags: ['second'] };
    await remote.preview(ids, second, NOW);
    const other = new LeadsDb(db.name);
    await other.transaction('rw', other.leads, () => other.leads.update(ids[3]!, { name: 'Renamed Elsewhere' }));
    other.close();
    await remote.apply(ids, second, NOW + 1);
    expect(reads).toHaveBeenCalledTimes(3);
    const renamed = (await db.leads.get(ids[3]!))!;
    expect(renamed.name).toBe('Renamed Elsewhere');
    expect(renamed.tags).toEqual(expect.arrayContaining(['first', 'second']));
    reads.mockRestore();
  });

  it('a selection prepared while the engine answered the Preview is not read again by the Apply, even one asked before the read is done', async () => {
    const data = demoSlice(100);
    const db = await dbWith(data);
    const remote = remoteFor(db);
    const ids = data.leads.map((l) => l.id);
    const reads = vi.spyOn(db.leads, 'bulkGet');
    const op = { kind: 'add-tags' as const, tags: ['prepared'] };
    // Read as the dialog opens (no operation yet), asked again with the operation after the engine's
    // Preview: the same selection, read once. Not awaited: the Apply comes while the read is under way.
    const prepared = Promise.all([remote.prepare(ids), remote.prepare(ids, op)]);
    const result = await remote.apply(ids, op, NOW);
    await prepared;
    expect(reads).toHaveBeenCalledTimes(1);
    expect(result.changed).toBe(ids.length);
    expect((await db.leads.toArray()).every((l) => l.tags.includes('prepared'))).toBe(true);
    // Used once: the next Apply reads again.
    await remote.apply(ids, { kind: 'add-tags', tags: ['again'] }, NOW);
    expect(reads).toHaveBeenCalledTimes(2);
    // The internal DNC list needs its entries read too: a selection read without them is read again.
    await remote.prepare(ids);
    await remote.prepare(ids, { kind: 'add-to-internal-dnc' });
    expect(reads).toHaveBeenCalledTimes(4);
    reads.mockRestore();
  });

  it('an Apply after the operation changed uses a read of its own operation: a slower Preview of the internal DNC list does not leave its entries to it', async () => {
    const data = demoSlice(100);
    const db = await dbWith(data);
    const remote = remoteFor(db);
    const ids = data.leads.map((l) => l.id);
    // A third of the selection is on the internal list already.
    await remote.apply(
      ids.filter((_, i) => i % 3 === 0),
      { kind: 'add-to-internal-dnc' },
      NOW,
    );
    const internal = { kind: 'add-to-internal-dnc' as const };
    const verified = { kind: 'mark-verified' as const };
    // The steward previews the internal list (the worker reads), switches to "mark verified" before
    // that read is done, and the engine's Preview asks for the selection for that operation.
    const slow = remote.preview(ids, internal, NOW);
    const prepared = remote.prepare(ids, verified);
    await slow;
    await prepared;
    const result = await remote.apply(ids, verified, NOW + 1);
    expect(result.changed).toBe(ids.length);
    expect((await db.leads.bulkGet(ids)).every((l) => l!.verifiedAt === NOW + 1)).toBe(true);
  });

  it('an invalid operation rejects with its validation message and changes nothing', async () => {
    const data = demoSlice(200);
    const db = await dbWith(data);
    const remote = remoteFor(db);
    const before = await snapshot(db);
    const error = await remote
      .apply(
        data.leads.map((l) => l.id),
        { kind: 'add-tags', tags: ['x'.repeat(41)] },
        NOW,
      )
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/40/);
    expect(await snapshot(db)).toEqual(before);
  });

  it('a full disk reaches the page as StorageFullError (by name across the channel, by class after rethrowStorageError); nothing is saved, the journal says failed', async () => {
    const data = demoSlice(200);
    const db = await dbWith(data);
    const remote = remoteFor(db);
    const ids = data.leads.map((l) => l.id);
    const before = await snapshot(db);
    disk.full = true;
    const crossed = await remote.apply(ids, { kind: 'add-tags', tags: ['full'] }, NOW).then(
      () => null,
      (e: unknown) => e,
    );
    expect(crossed).not.toBeInstanceOf(StorageFullError);
    expect((crossed as Error).name).toBe(STORAGE_FULL);
    const onPage = await remote
      .apply(ids, { kind: 'add-tags', tags: ['full'] }, NOW)
      .catch(rethrowStorageError)
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(onPage).toBeInstanceOf(StorageFullError);
    disk.full = false;
    expect(await snapshot(db)).toEqual(before);
    // The journal's own small transactions hit the full disk too: its rows stay 'started' or turn 'failed', never 'done'.
    expect((await db.operations.toArray()).every((r) => r.state !== 'done')).toBe(true);

    // With room again, the same edit goes through.
    const result = await remote.apply(ids, { kind: 'add-tags', tags: ['full'] }, NOW);
    expect(result.changed).toBe(ids.length);
  });
});
