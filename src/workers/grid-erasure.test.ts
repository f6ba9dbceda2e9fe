/**
 * An erasure is followed by the engine in use, not rebuilt from the tables (decision 063): the
 * erasure drops the stored snapshot in its own transaction, the engine catches up by the change
 * log (the row flagged deleted, its strings and tags out of the columns), and the next save stores
 * every chunk again from those columns, holding nothing of the person; a fresh start opens it.
 */
import 'fake-indexeddb/auto';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { NOW, closeAll, dbWith, demoSlice } from '../db/repos/compliance-test-fixture';
import { loadGridSnapshot } from '../db/repos/engine-snapshot-repo';
import { forgetPerson } from '../db/repos/forget-person-repo';
import { updateLead } from '../db/repos/leads-repo';
import { purgeRetention } from '../db/repos/retention-repo';
import type { LeadsDb } from '../db/leads-db';
import { FLAG_DELETED } from '../domain/columns/lead-flags';
import { unpackText } from '../domain/columns/one-byte-text';
import { JOINED, JOINED_KEYS, rowOf } from '../domain/leads/index/lead-columns-joined';
import { INSTANT_KEYS, type LeadColumns } from '../domain/leads/index/lead-columns';
import { instantAt } from '../domain/columns/instant-column';
import { createGridEngine } from './grid-engine';
import { openGridIndex } from './grid-index';

afterAll(closeAll);

const NAME = 'Zebulon Quistgaard';
const TAG = 'zebulon-only';

/** Every string the columns hold, for every row (deleted ones too), and every tag the dictionary names. */
function everyString(cols: LeadColumns): string {
  const out: string[] = [...cols.dict.tags.values];
  for (let i = 0; i < cols.n; i++)
    for (const j of JOINED) {
      const s = rowOf(cols[j.key], cols[j.starts], i);
      out.push(j.packed ? unpackText(s) : s);
    }
  return out.join('\n').toLowerCase();
}

const storedCurrent = (db: LeadsDb) =>
  vi.waitFor(async () => expect(await loadGridSnapshot(db)).toMatchObject({ current: true }), {
    timeout: 10_000,
    interval: 100,
  });

describe('an erasure followed by the engine in use', () => {
  it('is patched out of the columns with no rebuild, and the snapshot stored again whole holds nothing of the person', async () => {
    const db = await dbWith(demoSlice(60));
    const lead = (await db.leads.toArray())[7]!;
    await updateLead(db, lead.id, { name: NAME, tags: [TAG] });
    const phone = lead.phoneE164;
    const engine = createGridEngine(db);
    expect((await engine.query({ q: 'zebulon' }, undefined)).count).toBe(1);
    expect((await engine.facets()).tags).toContain(TAG);
    await storedCurrent(db);
    const before = await engine.stats();

    await forgetPerson(db, lead.id, NOW);
    // Dropped in the erasure's own transaction: nothing stored holds the person from its commit on.
    expect(await loadGridSnapshot(db)).toMatchObject({ problem: 'missing' });

    expect((await engine.query({ q: 'zebulon' }, undefined)).count).toBe(0);
    expect((await engine.facets()).tags).not.toContain(TAG);
    const after = await engine.stats();
    expect(after.fullBuilds).toBe(before.fullBuilds);
    expect(after.catchUps).toBeGreaterThan(before.catchUps);

    // Stored again, every chunk, from the caught-up columns: a fresh start opens it, builds nothing.
    await storedCurrent(db);
    const reopened = await openGridIndex(db, NOW);
    expect(reopened.counters.fullBuilds).toBe(0);
    expect(reopened.counters.snapshot).toBe('used');
    const row = reopened.cols.ids.indexOf(lead.id);
    // Anti-vacuity: the erased lead's row is there, flagged, and other leads' strings are.
    expect(row).toBeGreaterThanOrEqual(0);
    expect(reopened.cols.flags[row]! & FLAG_DELETED).toBeTruthy();
    // Nothing but its id and flags: no date, code, count or cached judgement's key (a hash of the
    // number with the rest of the row's inputs) from which its number could be found by trying them.
    const c = reopened.cols;
    for (const key of INSTANT_KEYS) expect(instantAt(c[key], row), key).toBeNaN();
    for (const key of Object.keys(c) as (keyof LeadColumns)[]) {
      const column = c[key];
      if (key !== 'ids' && key !== 'flags' && !JOINED_KEYS.has(key) && ArrayBuffer.isView(column))
        expect((column as Uint32Array)[row], key).toBe(0);
    }
    expect(c.flags[row]).toBe(FLAG_DELETED);
    const strings = everyString(reopened.cols);
    expect(strings).toContain((await db.leads.toArray())[0]!.name.toLowerCase());
    expect(strings).not.toContain('zebulon');
    expect(strings).not.toContain(phone.toLowerCase());
  });

  it('a tag taken off its last lead by an ordinary edit keeps its code (only an erasure or a purge retires one)', async () => {
    const db = await dbWith(demoSlice(20));
    const lead = (await db.leads.toArray())[3]!;
    await updateLead(db, lead.id, { tags: [TAG] });
    const engine = createGridEngine(db);
    expect((await engine.facets()).tags).toContain(TAG);
    await updateLead(db, lead.id, { tags: [] });
    expect((await engine.query({ tags: [TAG] }, undefined)).count).toBe(0);
    expect((await engine.facets()).tags).toContain(TAG);
  });

  it('a retention purge is followed the same way: the purged rows written again or flagged, no rebuild', async () => {
    const db = await dbWith(demoSlice(40));
    const engine = createGridEngine(db);
    const at = Date.now();
    const plan = (await engine.retentionPlan(at, 'anonymize'))!;
    expect(plan.leadIds.length).toBeGreaterThan(0);
    await storedCurrent(db);
    const before = await engine.stats();
    await purgeRetention(db, { plan }, at);
    expect((await engine.retentionPlan(at, 'anonymize'))!.leadIds).toEqual([]);
    const after = await engine.stats();
    expect(after.fullBuilds).toBe(before.fullBuilds);
    expect(after.catchUps).toBeGreaterThan(before.catchUps);
    await storedCurrent(db);
  });
});
