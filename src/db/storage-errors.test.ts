/**
 * A full disk, as Chromium reports it: every request of a transaction succeeds, then the commit
 * aborts with QuotaExceededError. fake-indexeddb is taught that behaviour here (`diskFull`), and
 * each write path the steward can start is held to it: the repository's promise rejects with a
 * recognisable quota error and every table is exactly as before.
 */
import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { createBackup, restoreBackup, validateBackup } from './repos/backup-repo';
import { applyBulkEdit } from './repos/bulk-edit-repo';
import { NOW, closeAll, dbWith, demoSlice } from './repos/compliance-test-fixture';
import { importDncVersion } from './repos/dnc-import-repo';
import { snapshot } from './repos/bulk-edit-test-fixture';
import { recordConsent } from './repos/consent-repo';
import { addToInternalDnc } from './repos/dnc-repo';
import { createLead } from './repos/leads-repo';
import { saveSettings } from './repos/settings-repo';
import { StorageFullError, isQuotaError, rethrowStorageError, splitWriteError, toStorageError } from './storage-errors';
import { buildNewLead } from '../domain/leads/new-lead';
import { check } from '../workers/import-test-kit';
import { fullDisk } from '../testing/full-disk';

/** While on, every read-write transaction aborts with QuotaExceededError when it would commit (as Chromium does). */
const disk = fullDisk();
afterEach(async () => {
  await closeAll();
});

describe('isQuotaError', () => {
  const dom = new DOMException('full', 'QuotaExceededError');
  it.each([
    ['a DOMException', dom, true],
    ["Dexie's AbortError wrapping it", new Dexie.AbortError('aborted', dom), true],
    ['a Dexie error from the DOMException', new Dexie.AbortError(dom), true],
    ['a BulkError with a quota failure', new Dexie.BulkError('bulk', [new Error('x'), dom]), true],
    [
      'an AbortError that crossed a worker (message only)',
      Object.assign(new Error('QuotaExceededError The quota has been exceeded.'), { name: 'AbortError' }),
      true,
    ],
    [
      'a StorageFullError that crossed a worker',
      Object.assign(new Error('storage-full'), { name: 'StorageFullError' }),
      true,
    ],
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

describe('splitWriteError', () => {
  const dom = new DOMException('full', 'QuotaExceededError');
  it.each([
    ['a DOMException', dom],
    ["Dexie's AbortError wrapping it", new Dexie.AbortError('aborted', dom)],
    ['a Dexie QuotaExceededError', new Dexie.QuotaExceededError('full')],
    ['a BulkError with a quota failure', new Dexie.BulkError('bulk', [dom])],
    [
      'an AbortError that crossed a worker (message only)',
      Object.assign(new Error('QuotaExceededError The quota has been exceeded.'), { name: 'AbortError' }),
    ],
    ['a StorageFullError', new StorageFullError(dom)],
  ])('%s: storage full, and no error for the form to show', (_label, error) => {
    expect(splitWriteError(error)).toEqual({ storageFull: true, error: null });
  });

  it.each([
    ['an ordinary AbortError', new Dexie.AbortError()],
    ['a constraint error', new Dexie.ConstraintError('dup')],
    ['a repository error with a code', Object.assign(new Error('invalid-number'), { code: 'invalid-number' })],
    ['an error that only mentions a quota', new Error('the monthly quota of calls is used up')],
  ])('%s: kept as it is, not storage full', (_label, error) => {
    expect(splitWriteError(error)).toEqual({ storageFull: false, error });
  });

  it('no error: neither', () => {
    expect(splitWriteError(null)).toEqual({ storageFull: false, error: null });
    expect(splitWriteError(undefined)).toEqual({ storageFull: false, error: null });
  });
});

describe('a commit that fails on a full disk', () => {
  it("lets bulkAdd resolve, yet the transaction's promise rejects and nothing is stored", async () => {
    const db = await dbWith(demoSlice(200));
    const before = await db.savedViews.count();
    disk.full = true;
    let bulkAddResolved = false;
    const tx = db.transaction('rw', db.savedViews, async () => {
      await db.savedViews.bulkAdd([
        { name: 'a', search: {}, createdAt: NOW } as never,
        { name: 'b', search: {}, createdAt: NOW } as never,
      ]);
      bulkAddResolved = true;
    });
    const error = await tx.then(
      () => null,
      (e: unknown) => e,
    );
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
    const bytes = new TextEncoder().encode(
      `phone\n${data.leads
        .filter((l) => l.region === 'US')
        .map((l) => l.phoneE164.slice(2))
        .join('\n')}\n`,
    );
    const attempts = [
      applyBulkEdit(db, ids, { kind: 'add-tags', tags: ['full-disk'] }, NOW),
      restoreBackup(db, checked.backup, NOW),
      importDncVersion(
        db,
        { listId: 'national-us', fileName: 'dnc.txt', bytes, publishedAt: NOW - 1000, defaultRegion: 'US' },
        NOW,
      ),
    ];
    for (const attempt of attempts) {
      const error = await attempt.then(
        () => null,
        (e: unknown) => e,
      );
      expect(isQuotaError(error)).toBe(true);
    }
    disk.full = false;
    expect(await snapshot(db)).toEqual(before);
  });

  it("an import commit reports 'quota' and writes nothing; the same commit succeeds once there is room", async () => {
    const db = await dbWith(demoSlice(200));
    const { session } = await check(
      db,
      'phone,name,acquired at\n2133734253,Ann,2026-03-01T10:00:00Z\n2133734254,Bob,2026-03-02T10:00:00Z\n',
    );
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

  it('the small writes (internal DNC, settings, consent, new lead) reject with a quota error, change nothing, and keep their own errors apart', async () => {
    const data = demoSlice(100);
    const db = await dbWith(data);
    const lead = data.leads[0]!;
    const built = buildNewLead(
      {
        phone: '2133734299',
        name: 'Ann',
        company: '',
        email: '',
        sourceId: String(data.sources[0]!.id),
        acquiredAt: NOW - 86_400_000,
      },
      { defaultRegion: 'US', orgTimeZone: 'America/New_York', now: NOW, entryMethod: 'manual' },
    );
    if (!built.ok) throw new Error(JSON.stringify(built.errors));
    const withdrawal = {
      leadIds: [lead.id],
      purpose: 'calls',
      kind: 'withdrawn',
      basis: 'consent',
      method: 'verbal-recording',
      proofRef: 'rec-1',
      capturedAt: NOW - 1000,
    };
    const writes = {
      internalDnc: () => addToInternalDnc(db, { phone: '(213) 373-4298', defaultRegion: 'US' }, NOW),
      settings: () => saveSettings(db, { operatorName: 'Full Disk' }, NOW),
      policy: () => saveSettings(db, { staleMonths: 19 }, NOW),
      consent: () => recordConsent(db, withdrawal, NOW),
      newLead: () => createLead(db, built.lead, NOW),
    };
    const before = await snapshot(db);
    disk.full = true;
    for (const [name, write] of Object.entries(writes)) {
      const error = await write().then(
        () => null,
        (e: unknown) => e,
      );
      expect(splitWriteError(error), name).toEqual({ storageFull: true, error: null });
    }
    disk.full = false;
    expect(await snapshot(db)).toEqual(before);

    // With room: bad input keeps its own error (the form shows it), and is not storage full.
    const invalid = [
      () => addToInternalDnc(db, { phone: '12345', defaultRegion: 'US' }, NOW),
      () => saveSettings(db, { operatorName: '' }, NOW),
      () => recordConsent(db, { ...withdrawal, leadIds: [999_999_999] }, NOW),
      () => createLead(db, { ...built.lead, phoneE164: lead.phoneE164 }, NOW),
    ];
    for (const write of invalid) {
      const error = await write().then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(Error);
      expect(splitWriteError(error)).toEqual({ storageFull: false, error });
    }
    for (const write of Object.values(writes)) await expect(write()).resolves.toBeDefined();
  });
});
