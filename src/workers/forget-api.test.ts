/**
 * Forgetting a person through the lead-writes worker's API, across Comlink as page and worker
 * talk: the preview reads only, the erasure removes the lead and what was linked to it, and a
 * full disk reaches the page as StorageFullError by name with nothing changed.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { NOW, closeAll, dbWith, demoSlice } from '../db/repos/compliance-test-fixture';
import { snapshot } from '../db/repos/bulk-edit-test-fixture';
import { STORAGE_FULL, StorageFullError, rethrowStorageError } from '../db/storage-errors';
import type { LeadsDb } from '../db/leads-db';
import { comlinkPairs } from '../testing/comlink-pair';
import { fullDisk } from '../testing/full-disk';
import { createForgetApi } from './forget-api';

const disk = fullDisk();
afterAll(closeAll);

const pair = comlinkPairs();
/** The API as the page sees it: across Comlink. */
const remoteFor = (db: LeadsDb) => pair(createForgetApi(db));

describe('forgetting a person in the lead-writes worker, called across Comlink', () => {
  it('previews without writing, then removes the lead, its calls and consents, and records one audit entry', async () => {
    const data = demoSlice(60);
    const db = await dbWith(data);
    const remote = remoteFor(db);
    const lead = data.leads.find((l) => data.calls.some((c) => c.leadId === l.id))!;
    const calls = data.calls.filter((c) => c.leadId === lead.id).length;
    const before = await snapshot(db);

    const plan = await remote.forgetPreview(lead.id);
    expect(plan).toMatchObject({ leadId: lead.id, calls });
    expect(await snapshot(db)).toEqual(before);

    const result = await remote.forget(lead.id, NOW);
    expect(result).toMatchObject({ leadId: lead.id, calls });
    expect(await db.leads.get(lead.id)).toBeUndefined();
    expect(await db.calls.where('leadId').equals(lead.id).count()).toBe(0);
    expect(await db.consents.where('leadId').equals(lead.id).count()).toBe(0);
    expect(await db.audit.get(result.auditSeq)).toMatchObject({ action: 'forget', ids: [lead.id] });
    expect(await db.leads.count()).toBe(data.leads.length - 1);
  });

  it('a full disk reaches the page as StorageFullError, and nothing is forgotten', async () => {
    const data = demoSlice(30);
    const db = await dbWith(data);
    const remote = remoteFor(db);
    const before = await snapshot(db);
    disk.full = true;
    const failed = await remote.forget(data.leads[0]!.id, NOW).catch((e: unknown) => e);
    expect((failed as Error).name).toBe(STORAGE_FULL);
    expect(() => rethrowStorageError(failed)).toThrow(StorageFullError);
    disk.full = false;
    expect(await snapshot(db)).toEqual(before);
  });

  it('a lead that is already gone is refused by its code', async () => {
    const db = await dbWith(demoSlice(5));
    await expect(remoteFor(db).forget(999_999, NOW)).rejects.toThrow('not-found');
  });
});
