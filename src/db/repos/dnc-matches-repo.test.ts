/**
 * A rebuild that reuses the DNC matches of an earlier build (looking up only the numbers of
 * leads written since) answers exactly as a build that scans every list: after any sequence of
 * writes — scrubs, settings, leads added with listed numbers, numbers changed, DNC entries
 * written, leads deleted. Reuse is refused whenever a DNC entry was written since.
 */
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../domain/settings/settings';
import { buildGridIndex, openGridIndex } from '../../workers/grid-index';
import { gridAnswers } from '../../workers/grid-answers-test-fixture';
import type { LeadsDb } from '../leads-db';
import { closeAll, dbWith, demoSlice, NOW } from './compliance-test-fixture';
import { loadDncMatches, reusableMatches, saveDncMatches, type DncMatches } from './dnc-matches-repo';
import { scrubAllLeads } from './dnc-scrub-repo';
import { DNC_MATCHES_KEY, dropEngineCache, readDataVersion } from './engine-snapshot-repo';

afterAll(closeAll);

type Op =
  | { kind: 'scrub' }
  | { kind: 'settings' }
  | { kind: 'add-listed'; count: number }
  | { kind: 'rephone-listed'; pick: number }
  | { kind: 'dnc'; pick: number }
  | { kind: 'delete'; pick: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.constant({ kind: 'scrub' as const }),
  fc.constant({ kind: 'settings' as const }),
  fc.record({ kind: fc.constant('add-listed' as const), count: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ kind: fc.constant('rephone-listed' as const), pick: fc.nat() }),
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('dnc' as const), pick: fc.nat() }) },
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
);

const UNMATCHED = 40;
/** A number a list holds that no lead had when the build matched: only a fresh lookup finds it. */
const listedNumber = (pick: number) => `+1202555${String(1000 + (pick % UNMATCHED)).padStart(4, '0')}`;

/** The demo slice, with numbers on a list that no lead holds yet. */
async function seeded(): Promise<LeadsDb> {
  const db = await dbWith(demoSlice(200));
  const list = (await db.dncLists.toArray()).find((l) => l.kind === 'national')!;
  const version = (await db.dncListVersions.where('listId').equals(list.id).first())!;
  await db.dncEntries.bulkPut(
    Array.from({ length: UNMATCHED }, (_, k) => ({
      listId: list.id,
      phoneE164: listedNumber(k),
      addedVersionId: version.id,
    })),
  );
  return db;
}

async function apply(db: LeadsDb, op: Op, serial: number): Promise<void> {
  const ids = (await db.leads.toCollection().primaryKeys()) as number[];
  const id = ids[('pick' in op ? op.pick : serial) % ids.length]!;
  switch (op.kind) {
    case 'scrub':
      await scrubAllLeads(db, NOW);
      return;
    case 'settings':
      await db.settings.put({ key: 'org', value: { ...DEFAULT_SETTINGS, callsPerWeek: 2 + (serial % 3) } });
      return;
    case 'add-listed': {
      const { id: _drop, ...template } = (await db.leads.get(id))!;
      const fresh = [];
      for (let k = 0; k < op.count; k++)
        fresh.push({ ...template, name: `Listed ${serial}-${k}`, phoneE164: listedNumber(serial * 7 + k) });
      await db.leads.bulkAdd(fresh as never[]);
      return;
    }
    case 'rephone-listed':
      await db.leads.update(id, { phoneE164: listedNumber(op.pick) });
      return;
    case 'dnc': {
      const lead = (await db.leads.get(id))!;
      await db.dncEntries.put({
        listId: 'internal',
        phoneE164: lead.phoneE164,
        addedVersionId: 0,
        addedAt: NOW - 60_000,
      });
      return;
    }
    case 'delete':
      await db.leads.delete(id);
      return;
  }
}

describe('DNC matches kept between builds', () => {
  it('a rebuild reusing them answers as a full scan, and looks up only the numbers written since', async () => {
    let reused = 0;
    let refused = 0;
    let foundSince = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 5 }), async (ops) => {
        const db = await seeded();
        const first = await openGridIndex(db, NOW);
        const kept: DncMatches = {
          dataVersion: first.dataVersion!,
          entries: first.dncEntries!,
          epoch: first.dncEpoch ?? null,
        };
        let wroteEntry = false;
        for (const [k, op] of ops.entries()) {
          await apply(db, op, k);
          wroteEntry ||= op.kind === 'dnc';
        }
        const known = await reusableMatches(db, kept);
        const fresh = await buildGridIndex(db, NOW);
        if (wroteEntry) {
          expect(known).toBeUndefined();
          refused++;
        } else {
          expect(known).toBeDefined();
          reused++;
          const rebuilt = await buildGridIndex(db, NOW, undefined, known);
          expect(gridAnswers(rebuilt, NOW)).toEqual(gridAnswers(fresh, NOW));
          expect(rebuilt.counters.phonesLookedUp).toBeLessThanOrEqual(known!.changed.size);
          expect(fresh.counters.phonesLookedUp).toBeGreaterThan(rebuilt.counters.phonesLookedUp!);
          // The lookups since found listed numbers the kept matches did not hold.
          if (rebuilt.dncEntries!.length > kept.entries.length) foundSince++;
        }
        await db.delete();
      }),
      { numRuns: 25 },
    );
    // Anti-vacuity: both branches taken, and reuse had new listed numbers to find. About 14 of
    // the 25 runs reuse on average; the bounds leave room for an unlucky draw (one CI run drew 8).
    expect(reused).toBeGreaterThan(4);
    expect(refused).toBeGreaterThan(1);
    expect(foundSince).toBeGreaterThan(2);
  }, 240_000);

  it('are stored while they hold, and never after an erasure dropped the engine cache', async () => {
    const db = await dbWith(demoSlice(200));
    const first = await openGridIndex(db, NOW);
    const kept: DncMatches = {
      dataVersion: first.dataVersion!,
      entries: first.dncEntries!,
      epoch: first.dncEpoch ?? null,
    };
    expect(kept.entries.length).toBeGreaterThan(0);
    await saveDncMatches(db, kept);
    expect(await loadDncMatches(db)).toEqual(kept);
    // A scrub since: still valid, still stored.
    await scrubAllLeads(db, NOW);
    await saveDncMatches(db, kept);
    expect((await loadDncMatches(db))?.dataVersion).toBe(kept.dataVersion);
    // The cache dropped (as an erasure does): the stored copy goes with it, a late save of matches
    // read before it does not bring it back, and one stored all the same (a race) is not loaded.
    const stored = await db.engine.get(DNC_MATCHES_KEY);
    await db.transaction('rw', [db.engine, db.changes], () => dropEngineCache(db));
    expect(await loadDncMatches(db)).toBeNull();
    await saveDncMatches(db, kept);
    expect(await loadDncMatches(db)).toBeNull();
    await db.engine.put(stored!);
    expect(await loadDncMatches(db)).toBeNull();
    // Matches a build reads after it are stored and loaded again.
    const next = await buildGridIndex(db, NOW);
    const version = (await readDataVersion(db))!;
    await saveDncMatches(db, { dataVersion: version, entries: next.dncEntries!, epoch: next.dncEpoch ?? null });
    expect(await loadDncMatches(db)).not.toBeNull();
    await db.delete();
  });
});
