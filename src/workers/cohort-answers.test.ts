/**
 * The engine answers the cohort questions from its own columns exactly as the snapshot built
 * from the tables does, keeps its snapshot while nothing moves, and follows a write by its
 * change log (the answer moves with it, no table read for the cohorts).
 */
import 'fake-indexeddb/auto';
import { afterAll, describe, expect, it } from 'vitest';
import { closeAll, dbWith, demoSlice, NOW } from '../db/repos/compliance-test-fixture';
import { getSettings } from '../db/repos/settings-repo';
import type { LeadsDb } from '../db/leads-db';
import { aggregateCohorts, type CohortQuery } from '../domain/cohorts/cohort-aggregate';
import { buildSnapshot } from '../domain/cohorts/snapshot-from-leads.test-helpers';
import { stageMix } from '../domain/cohorts/stage-mix';
import { createGridEngine } from './grid-engine';

afterAll(closeAll);

async function fromTables(db: LeadsDb) {
  const settings = await getSettings(db);
  const ctx = {
    timeZone: settings.orgTimeZone,
    campaigns: await db.campaigns.orderBy('id').toArray(),
    sources: await db.sources.orderBy('id').toArray(),
  };
  return {
    snap: buildSnapshot(await db.leads.toArray(), await db.calls.toArray(), ctx, await db.consents.toArray()),
    dormantDays: settings.dormantDays,
  };
}

const QUERY: CohortQuery = { grain: 'month', split: 'source', windowDays: 30 };

describe("the engine's cohort answers", () => {
  it('equal the snapshot built from the tables, before and after a write it follows', { timeout: 60_000 }, async () => {
    const db = await dbWith(demoSlice(20));
    const engine = createGridEngine(db);
    const first = await engine.cohorts(QUERY, NOW);
    let want = await fromTables(db);
    expect(first.value).toEqual(aggregateCohorts(want.snap, QUERY, NOW));
    expect(first.meta.leads).toBe(want.snap.n);
    const mix = await engine.stageMix({ grain: 'month' }, NOW);
    expect(mix.value).toEqual(stageMix(want.snap, { grain: 'month', dormantDays: want.dormantDays }, NOW));
    // Nothing moved: the snapshot is kept, not read off the columns again.
    expect((await engine.cohorts({ ...QUERY, split: 'region' }, NOW)).meta.buildMs).toBe(0);

    // A wrong number on a lead never called: its cohort gains a contact and a wrong number.
    const lead = (await db.leads.filter((l) => l.attempts === 0).first())!;
    const moved = new Promise<number>((resolve) => engine.onChange(resolve));
    await db.transaction('rw', db.calls, db.leads, async () => {
      await db.calls.add({
        leadId: lead.id,
        at: NOW - 60_000,
        outcome: 'wrong-number',
        durationSec: 5,
        agent: 'a',
      } as never);
      await db.leads.update(lead.id, { attempts: 1, firstContactAt: NOW - 60_000, lastContactAt: NOW - 60_000 });
    });
    await moved;
    want = await fromTables(db);
    const after = await engine.cohorts(QUERY, NOW);
    expect(after.value).toEqual(aggregateCohorts(want.snap, QUERY, NOW));
    expect(after.value).not.toEqual(first.value);
    expect(after.meta.buildMs).toBeGreaterThan(0);
    // Followed by the change log, not rebuilt from the tables.
    expect((await engine.stats()).fullBuilds).toBe(1);
  });
});
