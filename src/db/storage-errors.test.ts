/**
 * A full disk, as Chromium reports it: every request of a transaction succeeds, then the commit
 * aborts with QuotaExceededError. fake-indexeddb is taught that behaviour here (`diskFull`), and
 * each write path the steward can start is held to it: the repository's promise rejects with a
 * recognisable quota error and every table is exactly as before.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { createBackup, restoreBackup, validateBackup } from './repos/backup-repo';
import { applyBulkEdit } from './repos/bulk-edit-repo';
import { NOW, closeAll, dbWith, demoSlice } from './repos/compliance-test-fixture';
import { importDncVersion } from './repos/dnc-repo';
import { snapshot } from './repos/bulk-edit-test-fixture';
import { StorageFullError, isQuotaError, rethrowStorageError, toStorageError } from './storage-errors';
import { check } from '../workers/import-test-kit';

interface FakeTransaction {
  mode: string;
  _state: string;
  _requests: unknown[];
  _start(): void;
  _abort(name: string | null): void;
}

/** While on, every read-write transaction aborts with QuotaExceededError when it would commit. */
const disk = { full: false };
const proto = IDBTransaction.prototype as unknown as FakeTransaction;
const start = proto._start;
beforeEach(() => {
  proto._start = function (this: FakeTransaction) {
    if (disk.full && this.mode === 'readwrite' && this._requests.length === 0 && this._state !== 'finished') return this._abort('QuotaExceededError');
    start.call(this);
  };
});
afterEach(async () => {
  disk.full = false;
  proto._start = start;
  await closeAll();
});

describe('isQuotaError', () => {
  const dom = new DOMException('full', 'QuotaExceededError');
  it.each([
    ['a DOMException', dom, true],
    ["Dexie's AbortError wrapping it", new Dexie.AbortError('aborted', dom), true],
    ['a Dexie error from the DOMException', new Dexie.AbortError(dom), true],
    ['a BulkError with a quota failure', new Dexie.BulkError('bulk', [new Error('x'), dom]), true],
    ['an AbortError that crossed a worker (message only)', Object.assign(new Error('QuotaExceededError The quota has been exceeded.'), { name: 'AbortError' }), true],
    ['a StorageFullError that crossed a worker', Object.assign(new Error('storage-full'), { name: 'StorageFullError' }), true],
    ['an ordinary AbortError (a cancel)', new Dexie.AbortError(), false],
    ['a constraint error', new Dexie.ConstraintError('dup'), false],
    ['a string', 'QuotaExceededError', false],
    ['nothing', undefined, false],
  ])('%s → %s', (_label, error, expected) => {
    expect(isQuotaError(error)).toBe(expected);
  });

  it('maps quota errors to StorageFullError and leaves others alone', () => {
    const other = new Error('boom');
    expect(toStorageError(other)).toBe(other);
    const mapped = toStorageError(dom);
    expect(mapped).toBeInstanceOf(StorageFullError);
    expect((mapped as StorageFullError).name).toBe('StorageFullError');
    expect(() => rethrowStorageError(dom)).toThrow(StorageFullError);
  });
});

describe('a commit that fails on a full disk', () => {
  it("lets bulkAdd resolve, yet the transaction's promise rejects and nothing is stored", async () => {
    const db = await dbWith(demoSlice(200));
    const before = await db.savedViews.count();
    disk.full = true;
    let bulkAddResolved = false;
    const tx = db.transaction('rw', db.savedViews, async () => {
      await db.savedViews.bulkAdd([{ name: 'a', search: {}, createdAt: NOW } as never, { name: 'b', search: {}, createdAt: NOW } as never]);
      bulkAddResolved = true;
    });
    const error = await tx.then(() => null, (e: unknown) => e);
    expect(bulkAddResolved).toBe(true);
    expect(isQuotaError(error)).toBe(true);
    disk.full = false;
    expect(await db.savedViews.count()).toBe(before);
  });

  it('bulk edit, backup restore and DNC import reject with a quota error and change no table', async () => {
    const data = demoSlice(100);
    const db = await dbWith(data);
    const { json } = await createBackup(db, NOW);
    const checked = validateBackup(db, json);
    if (!checked.ok) throw new Error('backup invalid');
    const before = await snapshot(db);
    disk.full = true;
    const ids = data.leads.map((l) => l.id);
    const bytes = new TextEncoder().encode(`phone\n${data.leads.filter((l) => l.region === 'US').map((l) => l.phoneE164.slice(2)).join('\n')}\n`);
    const attempts = [
      applyBulkEdit(db, ids, { kind: 'add-tags', tags: ['full-disk'] }, NOW),
      restoreBackup(db, checked.backup, NOW),
      importDncVersion(db, { listId: 'national-us', fileName: 'dnc.txt', bytes, publishedAt: NOW - 1000, defaultRegion: 'US' }, NOW),
    ];
    for (const attempt of attempts) {
      const error = await attempt.then(() => null, (e: unknown) => e);
      expect(isQuotaError(error)).toBe(true);
    }
    disk.full = false;
    expect(await snapshot(db)).toEqual(before);
  });

  it("an import commit reports 'quota' and writes nothing; the same commit succeeds once there is room", async () => {
    const db = await dbWith(demoSlice(200));
    const { session } = await check(db, 'phone,name,acquired at\n2133734253,Ann,2026-03-01T10:00:00Z\n2133734254,Bob,2026-03-02T10:00:00Z\n');
    const before = await snapshot(db);
    disk.full = true;
    const failed = await session.commit();
    expect(failed).toMatchObject({ ok: false, error: 'quota' });
    disk.full = false;
    expect(await snapshot(db)).toEqual(before);
    const retried = await session.commit();
    expect(retried.ok).toBe(true);
    expect(await db.leads.count()).toBe(before.leads!.length + 2);
  });
});
