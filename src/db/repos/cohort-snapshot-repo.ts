/**
 * The analytics worker's columnar snapshot (domain/cohorts/columnar-snapshot.ts), kept in the
 * engine's cache with the data version it was built at (data-version.ts): a later session whose
 * data have not moved since reads it back (typed arrays, a few MB at 100k leads) instead of
 * reading every lead, call and consent again. Any tracked write — leads, calls, consents, scrubs,
 * catalogue, settings — moves the version, and a snapshot of another version is never used. It
 * holds ids, dates, flags and catalogue codes, no names or numbers; an erasure or a purge drops
 * it with the rest of the engine's cache all the same (engine-snapshot-repo.ts, dropEngineCache).
 */
import type { ColumnarSnapshot } from '../../domain/cohorts/columnar-snapshot';
import type { EngineRow, LeadsDb } from '../leads-db';
import { readDataVersion } from './engine-snapshot-repo';

export const COHORT_SNAPSHOT_KEY = 'cohorts:snapshot';
/** Bump when ColumnarSnapshot's shape changes: an older stored snapshot is then ignored. */
const COHORT_SNAPSHOT_FORMAT = 1;

interface CohortSnapshotRow {
  key: typeof COHORT_SNAPSHOT_KEY;
  format: number;
  dataVersion: string;
  snap: ColumnarSnapshot;
}

/** The stored snapshot, when it was built at data version `dataVersion` (the current one). */
export async function loadCohortSnapshot(db: LeadsDb, dataVersion: string | null): Promise<ColumnarSnapshot | null> {
  if (dataVersion === null) return null;
  const row = (await db.engine.get(COHORT_SNAPSHOT_KEY)) as CohortSnapshotRow | undefined;
  if (!row || row.format !== COHORT_SNAPSHOT_FORMAT || row.dataVersion !== dataVersion) return null;
  return row.snap;
}

/**
 * Store `snap`, built from reads that began at `dataVersion`, unless the data moved meanwhile (a
 * write during the build: the snapshot may mix before and after). Returns whether it was stored.
 */
export async function saveCohortSnapshot(
  db: LeadsDb,
  snap: ColumnarSnapshot,
  dataVersion: string | null,
): Promise<boolean> {
  if (dataVersion === null) return false;
  return db.transaction('rw', db.engine, async () => {
    if ((await readDataVersion(db)) !== dataVersion) return false;
    const row: CohortSnapshotRow = { key: COHORT_SNAPSHOT_KEY, format: COHORT_SNAPSHOT_FORMAT, dataVersion, snap };
    await db.engine.put(row as unknown as EngineRow);
    return true;
  });
}
