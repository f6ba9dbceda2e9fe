/** What the export tests share: a slice of the demo in a database, and the engine's answer over it. */
import { dbWith, demoSlice, NOW } from '../db/repos/compliance-test-fixture';
import { readDataVersion } from '../db/repos/engine-snapshot-repo';
import { buildGridIndex } from './grid-index';
import { reasonBitsJudged } from './grid-due-rows';

/**
 * Every 25th demo lead (its ids in the order `order` gives them), the engine's index over them,
 * its reason bits for them at NOW, and those bits as an export request carries them.
 */
export async function engineAnswer(order: (ids: number[]) => Int32Array = (ids) => Int32Array.from(ids)) {
  const db = await dbWith(demoSlice(25));
  const ids = order((await db.leads.toCollection().primaryKeys()) as number[]);
  const index = await buildGridIndex(db, NOW);
  const rowOf = new Map(Array.from(index.cols.ids, (id, i) => [id, i]));
  const bits = (await reasonBitsJudged(
    db,
    index,
    Uint32Array.from(ids, (id) => rowOf.get(id)!),
    NOW,
  ))!;
  return { db, ids, index, bits, judged: { at: NOW, bits, dataVersion: await readDataVersion(db) } };
}
