/**
 * The backup worker's API across a real Comlink channel (a MessageChannel in this process), as
 * the page calls it: the file arrives as a Blob; a chosen file is checked there and comes back as
 * its plan (or its problems), never as its rows; Restore by id keeps a later suppression
 * (decision 012); a full disk reaches the page as StorageFullError.
 */
import * as Comlink from 'comlink';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { NOW, closeAll, dbWith, demoSlice } from '../db/repos/compliance-test-fixture';
import { snapshot } from '../db/repos/bulk-edit-test-fixture';
import { addToInternalDnc } from '../db/repos/dnc-repo';
import { INTERNAL_LIST_ID } from '../db/repos/internal-dnc';
import { STORAGE_FULL, StorageFullError, rethrowStorageError } from '../db/storage-errors';
import type { LeadsDb } from '../db/leads-db';
import { BACKUP_GONE, createBackupApi, type BackupApi } from './backup-api';
import { fullDisk } from '../testing/full-disk';

/** While on, every read-write transaction aborts with QuotaExceededError when it would commit (as Chromium does). */
const disk = fullDisk();
const channels: MessageChannel[] = [];
afterEach(() => {
  for (const c of channels.splice(0)) {
    c.port1.close();
    c.port2.close();
  }
});
afterAll(closeAll);

function remoteFor(db: LeadsDb): Comlink.Remote<BackupApi> {
  const channel = new MessageChannel();
  channels.push(channel);
  Comlink.expose(createBackupApi(db), channel.port1);
  return Comlink.wrap<BackupApi>(channel.port2);
}

const LATER = '+12133734391';

describe('the backup worker, called across Comlink', () => {
  it('writes the file as a Blob; a chosen file comes back as its plan; Restore by id restores and keeps a number listed after the backup', async () => {
    const data = demoSlice(200);
    const db = await dbWith(data);
    const remote = remoteFor(db);
    const { blob, counts } = await remote.write(NOW);
    expect(blob).toBeInstanceOf(Blob);
    expect(blob.type).toBe('application/json');
    const doc = JSON.parse(await blob.text()) as { tables: Record<string, { count: number }> };
    expect(doc.tables.leads!.count).toBe(data.leads.length);
    expect(counts.leads).toBe(data.leads.length);

    // After the backup: a lead is deleted and a number is put on the internal list.
    await db.leads.delete(data.leads[0]!.id);
    await addToInternalDnc(db, { phone: LATER, defaultRegion: 'US' }, NOW + 1000);

    const checked = await remote.check(blob, NOW + 2000);
    if (!checked.ok) throw new Error(checked.problems.join('; '));
    expect(Object.keys(checked).sort()).toEqual(['createdAt', 'id', 'ok', 'preview']);
    expect(checked.createdAt).toBe(NOW);
    expect(checked.preview.counts.find((c) => c.table === 'leads')).toMatchObject({
      now: data.leads.length - 1,
      after: data.leads.length,
    });
    expect(checked.preview.kept.entries).toBe(1);

    const restored = await remote.restore(checked.id, NOW + 3000);
    expect(restored.counts.find((c) => c.table === 'leads')?.after).toBe(data.leads.length);
    expect(await db.leads.count()).toBe(data.leads.length);
    expect(await db.dncEntries.get([INTERNAL_LIST_ID, LATER])).toMatchObject({ phoneE164: LATER });
    expect((await db.audit.orderBy('seq').last())?.action).toBe('restore');
    // The checked file is gone once restored: the same id cannot restore twice.
    await expect(remote.restore(checked.id, NOW + 4000)).rejects.toThrow(BACKUP_GONE);
  });

  it('a file that is not a backup comes back as its problems, and nothing changes; a cancelled check cannot be restored', async () => {
    const db = await dbWith(demoSlice(300));
    const remote = remoteFor(db);
    const before = await snapshot(db);
    const bad = await remote.check(new Blob(['{"format":"leadledger-backup","tables":{}}']), NOW);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems.length).toBeGreaterThan(0);
    expect(await remote.check(new Blob(['not json']), NOW)).toMatchObject({
      ok: false,
      problems: [expect.any(String)],
    });

    const good = await remote.check((await remote.write(NOW)).blob, NOW);
    if (!good.ok) throw new Error('backup invalid');
    await remote.discard(good.id);
    await expect(remote.restore(good.id, NOW)).rejects.toThrow(BACKUP_GONE);
    const after = await snapshot(db);
    // Writing the file records when (a settings flag); nothing else moved.
    expect({ ...after, settings: [] }).toEqual({ ...before, settings: [] });
  });

  it('a full disk during the restore reaches the page as StorageFullError and changes nothing; with room the same checked file restores', async () => {
    const db = await dbWith(demoSlice(300));
    const remote = remoteFor(db);
    const checked = await remote.check((await remote.write(NOW)).blob, NOW);
    if (!checked.ok) throw new Error('backup invalid');
    const before = await snapshot(db);
    disk.full = true;
    const crossed = await remote.restore(checked.id, NOW).then(
      () => null,
      (e: unknown) => e,
    );
    expect((crossed as Error).name).toBe(STORAGE_FULL);
    expect(
      await remote
        .restore(checked.id, NOW)
        .catch(rethrowStorageError)
        .then(
          () => null,
          (e: unknown) => e,
        ),
    ).toBeInstanceOf(StorageFullError);
    disk.full = false;
    expect(await snapshot(db)).toEqual(before);
    await expect(remote.restore(checked.id, NOW + 1)).resolves.toMatchObject({ counts: expect.any(Array) });
  });
});
