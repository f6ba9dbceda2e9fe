/**
 * The retention dry run the engine reads off its columns is the plan the purge makes from the
 * tables: the same leads, the same losses per acquisition month, for either purge mode; and the
 * purge accepts it as shown (it refuses a plan that no longer holds).
 */
import 'fake-indexeddb/auto';
import { afterAll, describe, expect, it } from 'vitest';
import { closeAll, dbWith, demoSlice } from '../db/repos/compliance-test-fixture';
import { purgeRetention, retentionDryRun } from '../db/repos/retention-repo';
import { createGridEngine } from './grid-engine';

afterAll(closeAll);

describe("the engine's retention dry run", () => {
  it('names the leads and losses the tables do, and the purge takes it', { timeout: 60_000 }, async () => {
    const db = await dbWith(demoSlice(20));
    const engine = createGridEngine(db);
    const at = Date.now();
    for (const mode of ['delete', 'anonymize'] as const) {
      const fromEngine = await engine.retentionPlan(at, mode);
      const fromTables = await retentionDryRun(db, at, mode);
      expect(fromEngine).toEqual(fromTables);
    }
    const plan = (await engine.retentionPlan(at, 'delete'))!;
    // Anti-vacuity: leads go, and their months lose figures.
    expect(plan.leadIds.length).toBeGreaterThan(0);
    expect(plan.losses.length).toBeGreaterThan(0);
    expect(plan.losses.some((m) => m.contacted > 0)).toBe(true);
    // The page hands the purge the plan it showed: it reads and judges again only those leads.
    const done = await purgeRetention(db, { plan }, at);
    expect(done.leadIds).toEqual(plan.leadIds);
    // The engine follows the purge: nothing is left to go.
    expect((await engine.retentionPlan(at, 'delete'))!.leadIds).toEqual([]);
  });
});
