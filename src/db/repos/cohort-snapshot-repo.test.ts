import { describe, expect, it } from 'vitest';
import { buildSnapshot } from '../../domain/cohorts/columnar-snapshot';
import { sampleNewLead } from '../../testing/new-lead-fixture';
import { deleteFreshDatabases, freshDb } from '../test-databases';
import type { LeadsDb } from '../leads-db';
import { loadCohortSnapshot, saveCohortSnapshot } from './cohort-snapshot-repo';
import { dropEngineCache, readDataVersion } from './engine-snapshot-repo';
import { createLead, updateLead } from './leads-repo';

deleteFreshDatabases();
const NOW = Date.UTC(2026, 11, 1, 15);

async function snapshotOf(db: LeadsDb) {
  return buildSnapshot(await db.leads.toArray(), await db.calls.toArray(), {
    timeZone: 'Europe/London',
    campaigns: [],
    sources: [],
  });
}

describe('the cohorts’ stored snapshot', () => {
  it('is read back, typed arrays and all, while the data version is the one it was built at', async () => {
    const db = freshDb();
    await createLead(db, sampleNewLead(NOW), NOW);
    await createLead(db, sampleNewLead(NOW, { phoneE164: '+12133734254', sourceId: 'web' }), NOW);
    const version = await readDataVersion(db);
    expect(version).not.toBeNull();
    const snap = await snapshotOf(db);
    expect(await saveCohortSnapshot(db, snap, version)).toBe(true);
    const back = await loadCohortSnapshot(db, version);
    expect(back).toEqual(snap);
    expect(back!.acquiredAt).toBeInstanceOf(Float64Array);
    expect(back!.n).toBe(2);
  });

  it('is not used once the data moved, and not stored when they moved during the build', async () => {
    const db = freshDb();
    const lead = await createLead(db, sampleNewLead(NOW), NOW);
    const version = await readDataVersion(db);
    const snap = await snapshotOf(db);
    await saveCohortSnapshot(db, snap, version);
    await updateLead(db, lead.id, { sourceId: 'web' }, undefined, NOW + 1);
    const moved = await readDataVersion(db);
    expect(moved).not.toBe(version);
    expect(await loadCohortSnapshot(db, moved)).toBeNull();
    // A build that began before the edit must not be stored as the edit's version, nor as its own.
    expect(await saveCohortSnapshot(db, snap, version)).toBe(false);
    expect(await loadCohortSnapshot(db, version)).toEqual(snap);
    expect(await loadCohortSnapshot(db, null)).toBeNull();
  });

  it('goes with the rest of the engine’s cache (an erasure or a purge drops it)', async () => {
    const db = freshDb();
    await createLead(db, sampleNewLead(NOW), NOW);
    const version = await readDataVersion(db);
    await saveCohortSnapshot(db, await snapshotOf(db), version);
    await db.transaction('rw', db.engine, () => dropEngineCache(db));
    expect(await loadCohortSnapshot(db, version)).toBeNull();
  });
});
