/** A demo slice with its grid snapshot stored in chunks of a given size, for the snapshot's tests. */
import { openGridIndex } from '../../workers/grid-index';
import { dbWith, demoSlice, NOW } from './compliance-test-fixture';
import { readDataVersion, saveGridSnapshot } from './engine-snapshot-repo';

/** 40 demo leads a day's slice, its index built, and its snapshot stored in chunks of `chunkRows` rows. */
export async function storedSnapshot(chunkRows: number) {
  const db = await dbWith(demoSlice(40));
  const first = await openGridIndex(db, NOW);
  // openGridIndex stores the snapshot in the background (in one chunk): let that save finish
  // first, or it may land after the one below and replace its chunks (a busy machine showed it).
  await first.saving;
  await saveGridSnapshot(
    db,
    first.cols,
    { dataVersion: await readDataVersion(db), builtAt: NOW, orgTimeZone: first.orgTimeZone },
    chunkRows,
  );
  return { db, first };
}
