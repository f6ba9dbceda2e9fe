/**
 * The retention dry run the engine reads off its columns is the plan the purge makes from the
 * tables: the same leads, the same losses per acquisition month, for either purge mode; and the
 * purge accepts it as shown (it refuses a plan that no longer holds). Asked for an instant its
 * cached judgements do not reach, the engine judges those leads by key for it, as the tables do.
 */
import 'fake-indexeddb/auto';
import { afterAll, describe, expect, it } from 'vitest';
import { closeAll, dbWith, demoSlice } from '../db/repos/compliance-test-fixture';
import { loadComplianceWorld } from '../db/repos/compliance-world-repo';
import { purgeRetention } from '../db/repos/retention-repo';
import { planFromTables } from '../db/repos/retention-test-kit';
import { createJudge } from '../domain/compliance/judge';
import { reasonBitsOf } from '../domain/compliance/verdict-bits';
import { createGridEngine } from './grid-engine';

afterAll(closeAll);

const DAY = 86_400_000;

describe("the engine's retention dry run", () => {
  it('names the leads and losses the tables do, and the purge takes it', { timeout: 60_000 }, async () => {
    const db = await dbWith(demoSlice(20));
    const engine = createGridEngine(db);
    const at = Date.now();
    for (const mode of ['delete', 'anonymize'] as const) {
      const fromEngine = await engine.retentionPlan(at, mode);
      // Planned at the instant asked, or the engine's clock when that was later.
      expect(fromEngine.at).toBeGreaterThanOrEqual(at);
      expect(fromEngine).toEqual(await planFromTables(db, fromEngine.at, mode));
    }
    const plan = await engine.retentionPlan(at, 'delete');
    // Anti-vacuity: leads go, and their months lose figures.
    expect(plan.leadIds.length).toBeGreaterThan(0);
    expect(plan.losses.length).toBeGreaterThan(0);
    expect(plan.losses.some((m) => m.contacted > 0)).toBe(true);
    // The page hands the purge the plan it showed: it reads and judges again only those leads.
    const done = await purgeRetention(db, { plan }, at);
    expect(done.leadIds).toEqual(plan.leadIds);
    // The engine follows the purge: nothing is left to go.
    expect((await engine.retentionPlan(at, 'delete')).leadIds).toEqual([]);
  });
});

describe('the engine asked for an instant its cached judgements do not reach', () => {
  it('judges those leads by key for that instant, as the tables judge every lead', { timeout: 60_000 }, async () => {
    const db = await dbWith(demoSlice(20));
    const engine = createGridEngine(db);
    const now = Date.now();
    const asNow = await engine.judged({}, undefined, now);
    const { leads, world, settings } = await loadComplianceWorld(db);
    const judge = createJudge(world, settings);
    // A day past the first retention deadline still to come: at least one more lead is due then.
    const deadlines = leads.map((l) => judge(l, now).facts.retentionDeadline ?? Infinity).filter((d) => d > now);
    const later = Math.min(...deadlines) + DAY;
    const { ids, bits, at } = await engine.judged({}, undefined, later);
    expect(at).toBe(later);
    expect(bits).not.toBeNull();

    const expected = new Map(
      leads.map((l) => [l.id, reasonBitsOf(judge(l, later).verdict.reasons.map((r) => r.code))]),
    );
    expect(Array.from(ids, (id, k) => [id, bits![k]])).toEqual(Array.from(ids, (id) => [id, expected.get(id)]));

    // Anti-vacuity: leads were judged for the instant, and some answers moved since now.
    expect((await engine.stats()).rowsJudgedForInstant).toBeGreaterThan(0);
    const nowOf = new Map(Array.from(asNow.ids, (id, k) => [id, asNow.bits![k]]));
    expect(Array.from(ids).filter((id, k) => nowOf.get(id) !== bits![k]).length).toBeGreaterThan(0);

    // The dry run for that instant is the tables' too, and more leads go than now.
    for (const mode of ['delete', 'anonymize'] as const)
      expect(await engine.retentionPlan(later, mode)).toEqual(await planFromTables(db, later, mode));
    const [nowPlan, laterPlan] = [
      await engine.retentionPlan(now, 'delete'),
      await engine.retentionPlan(later, 'delete'),
    ];
    expect(laterPlan.leadIds.length).toBeGreaterThan(nowPlan.leadIds.length);

    // The columns still answer for now: judging for a later instant wrote nothing into them.
    const again = await engine.judged({}, undefined, now);
    expect(Array.from(again.bits!)).toEqual(Array.from(asNow.bits!));
  });
});
