/**
 * The engine catching up by the change log equals a build from scratch: after any sequence of
 * writes (leads added, edited, anonymised and deleted, calls, consents, DNC entries, DNC scrubs and
 * list versions — laid onto the columns —, a settings change), the
 * index that followed the log — live, or opened from a stored snapshot — answers every filter
 * and search exactly as a fresh build of the same data, and its cohort snapshot equals the one
 * built from the tables. Writes go through Dexie, so they pass
 * the data-version middleware exactly as every repository's writes do.
 */
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { closeAll, dbWith, demoSlice, NOW } from '../db/repos/compliance-test-fixture';
import { snapshotFromColumns } from '../domain/cohorts/snapshot-from-columns';
import { namesOf } from '../domain/leads/index/lead-columns';
import { catchUp } from './grid-catch-up';
import { scrubAllLeads } from '../db/repos/dnc-scrub-repo';
import { gridAnswers } from './grid-answers-test-fixture';
import { buildGridIndex, openGridIndex, storeSnapshot } from './grid-index';
import { rowOfId } from '../domain/leads/index/row-of-id';
import { DNC_STATUSES } from '../domain/leads/lead';
import {
  apply,
  cohortsFromTables,
  lateNextChanges,
  opArb,
  rowFacts,
  openWithStoredSnapshot,
} from './grid-catch-up-test-fixture';
import { listedNumbersKeeper } from './grid-listed-numbers';
import { listenForWrittenLeads } from './grid-written-leads';

/** Until the hand-over's messages of the last write have arrived (a BroadcastChannel delivers in a task of its own). */
const delivered = () => new Promise((resolve) => setTimeout(resolve, 5));

afterAll(closeAll);

const answers = gridAnswers;

describe('catching up by the change log', () => {
  it('equals a fresh build after any sequence of writes, live and from a stored snapshot', async () => {
    let patched = 0;
    let moved = 0;
    let scrubbed = 0;
    let laidWithoutRebuild = 0;
    let versionsWithoutRebuild = 0;
    // Runs (of 24) whose catch-ups skipped a number's look-up, and took leads as handed over: the
    // counts summed were heavy-tailed (31 to 255 over 20 seeds; CI's seed gave 20, failing "> 20"); per run,
    // 11–20 of 24 over 20 seeds.
    let skipped = 0;
    let handed = 0;
    let laggingHanded = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 6 }), fc.boolean(), async (ops, wait) => {
        const db = await dbWith(demoSlice(150));
        const live = await openWithStoredSnapshot(db);
        // One that follows every write at the end, in one catch-up: the last of several writes to a lead is the one it takes.
        const lagging = await openWithStoredSnapshot(db);
        // The leads each write stored, handed over by the writer (not read back where the log names that write last).
        const written = listenForWrittenLeads(db.name)!;
        // The lagging index's own (a catch-up forgets the writes it passed).
        const writtenLagging = listenForWrittenLeads(db.name)!;
        const start = answers(live, NOW);
        // The engine's listed numbers, read at once: a catch-up looks up only the numbers that may be listed.
        const listed = listedNumbersKeeper(db, 0);
        listed.start();
        expect(await listed.settled()).toBe(true);
        let rebuilt = false;
        for (const op of ops) {
          await apply(db, op);
          // Not waiting, some of a write's messages may arrive after its catch-up: those leads are read.
          if (wait) await delivered();
          const outcome = await catchUp(db, live, NOW, listed, written);
          if (outcome === 'rebuild') rebuilt = true;
          else patched++;
        }
        await delivered();
        const laggingOutcome = await catchUp(db, lagging, NOW, listed, writtenLagging);
        written.close();
        writtenLagging.close();
        if (live.counters.rowsHanded) handed++;
        if (lagging.counters.rowsHanded) laggingHanded++;
        const fresh = await buildGridIndex(db, NOW);
        const want = answers(fresh, NOW);
        if (JSON.stringify(want) !== JSON.stringify(start)) moved++;
        const cohorts = await cohortsFromTables(db);
        if (ops.some((o) => o.kind === 'scrub')) scrubbed++;
        if (live.counters.lookUpsSkipped) skipped++;
        if (!rebuilt) {
          if (ops.some((o) => o.kind === 'scrub')) laidWithoutRebuild++;
          if (ops.some((o) => o.kind === 'version')) versionsWithoutRebuild++;
          expect(rowFacts(live)).toEqual(rowFacts(fresh));
          expect(lateNextChanges(live, fresh)).toEqual([]);
          expect(answers(live, NOW)).toEqual(want);
          expect(live.cols.n - live.deleted).toBe(fresh.cols.n);
          expect(snapshotFromColumns(live.cols, cohorts.ctx)).toEqual(cohorts.want);
        }
        if (laggingOutcome !== 'rebuild') {
          expect(rowFacts(lagging)).toEqual(rowFacts(fresh));
          expect(answers(lagging, NOW)).toEqual(want);
          expect(snapshotFromColumns(lagging.cols, cohorts.ctx)).toEqual(cohorts.want);
        }
        // Opened later from the snapshot stored before the writes: catches up to the same answers (or rebuilds).
        const reopened = await openGridIndex(db, NOW);
        expect(answers(reopened, NOW)).toEqual(want);
        expect(rowFacts(reopened)).toEqual(rowFacts(fresh));
        expect(snapshotFromColumns(reopened.cols, cohorts.ctx)).toEqual(cohorts.want);
        // Never a rebuild the live index did without: the snapshot's columns may lay what the live
        // ones could not (a second scrub of the same moment as one they laid), never the other way.
        if (!rebuilt) expect(reopened.counters.fullBuilds).toBe(0);
        else expect(reopened.counters.fullBuilds).toBeLessThanOrEqual(1);
        await db.delete();
      }),
      // 24 runs: with 16, "scrubbed > 4" missed about one run in twenty (a scrub is about half the sequences).
      // Two sequences with a new list version always run first (within numRuns: 24 random ones follow), and
      // neither rebuilds: random runs alone gave one "version without a rebuild" on a CI run (session 42),
      // failing "> 1", where three runs here gave 4–11.
      {
        numRuns: 26,
        examples: [
          [[{ kind: 'version', listId: 'internal', pick: 3, keep: 1, big: false }], true],
          [
            [
              { kind: 'rename', pick: 5 },
              { kind: 'version', listId: 'national-us', pick: 7, keep: 2, big: true },
            ],
            false,
          ],
        ],
      },
    );
    // Anti-vacuity: most writes were applied by following the log, and the answers did move; scrubs were laid on without a rebuild.
    expect(patched).toBeGreaterThan(20);
    expect(moved).toBeGreaterThan(5);
    // (Twelve seeds: scrubbed 8–16 of 24; more than 2 leaves an unlucky draw about one run in 50,000.)
    expect(scrubbed).toBeGreaterThan(2);
    expect(laidWithoutRebuild).toBeGreaterThan(2);
    expect(versionsWithoutRebuild).toBeGreaterThan(1);
    expect(skipped).toBeGreaterThan(5);
    // Leads taken as their writers handed them over, by the live index and by the one that caught up once.
    expect(handed).toBeGreaterThan(5);
    expect(laggingHanded).toBeGreaterThan(5);
  }, 240_000);

  it('lays a scrub onto the columns as a fresh build reads it: a later own check stands, a lead anonymised after the scrub’s moment is covered', async () => {
    const db = await dbWith(demoSlice(150));
    const live = await openGridIndex(db, NOW);
    const builds = live.counters.fullBuilds;
    const [anonymised, ownCheck, plain] = (await db.leads.limit(3).primaryKeys()) as number[];
    const scrubAt = NOW - 120_000;
    await db.leads.update(anonymised!, { phoneE164: 'hmac:00000000000000aa', anonymizedAt: scrubAt + 60_000 });
    await db.leads.update(ownCheck!, { dncCheckedAt: scrubAt + 30_000, dncStatus: 'listed', dncCheckedVersions: [] });
    expect(await catchUp(db, live, NOW)).toBe('patched');
    await scrubAllLeads(db, scrubAt);
    expect(await catchUp(db, live, NOW)).toBe('patched');
    expect(live.counters.fullBuilds).toBe(builds);
    const fresh = await buildGridIndex(db, NOW);
    expect(rowFacts(live)).toEqual(rowFacts(fresh));
    expect(lateNextChanges(live, fresh)).toEqual([]);
    expect(answers(live, NOW)).toEqual(answers(fresh, NOW));
    const checkedAt = (id: number) => rowFacts(live).get(id)![0];
    expect([checkedAt(anonymised!), checkedAt(ownCheck!), checkedAt(plain!)]).toEqual([
      scrubAt,
      scrubAt + 30_000,
      scrubAt,
    ]);
    // A scrub earlier than the latest leaves the latest in force: nothing moves, still no rebuild.
    const before = rowFacts(live);
    await scrubAllLeads(db, scrubAt - 60_000);
    expect(await catchUp(db, live, NOW)).toBe('patched');
    expect(rowFacts(live)).toEqual(before);
  });

  it('does not lay a second scrub of the moment of one it laid (its own check and a laid one look alike): rebuilt, as the tables read', async () => {
    const db = await dbWith(demoSlice(150));
    const live = await openGridIndex(db, NOW);
    const [first] = (await db.leads.limit(1).primaryKeys()) as number[];
    await apply(db, { kind: 'scrub', minutesBefore: 0 });
    expect(await catchUp(db, live, NOW)).toBe('patched');
    // Listed after that scrub: the next scrub, of the same moment, finds it listed.
    await apply(db, { kind: 'dnc', pick: 0 });
    expect(await catchUp(db, live, NOW)).toBe('patched');
    await apply(db, { kind: 'scrub', minutesBefore: 0 });
    const fresh = await buildGridIndex(db, NOW);
    expect(fresh.cols.dncStatus[rowOfId(fresh.cols, first!)]).toBe(DNC_STATUSES.indexOf('listed'));
    // Laid, the row would keep the first scrub's "clear": its check moment is the scrub's own.
    expect(await catchUp(db, live, NOW)).toBe('rebuild');
  });

  it('a save the data moved past leaves the stored snapshot as it was, and the next save writes its changed chunks, not every chunk', async () => {
    const db = await dbWith(demoSlice(150));
    const live = await openGridIndex(db, NOW);
    await live.saving;
    const stored = live.stored;
    expect(stored).not.toBeNull();
    await apply(db, { kind: 'rename', pick: 3 });
    expect(await catchUp(db, live, NOW)).toBe('patched');
    // Written before the save and not followed: the save is of data that have moved on.
    await apply(db, { kind: 'rename', pick: 5 });
    const chunksSaved = () => performance.getEntriesByName('engine:store:chunks').length;
    const allSaved = () => performance.getEntriesByName('engine:store:all').length;
    const [chunks0, all0] = [chunksSaved(), allSaved()];
    await storeSnapshot(db, live);
    expect(live.counters.snapshotSavesMoved).toBe(1);
    expect(live.stored).toBe(stored);
    expect(live.dirty).toEqual(new Set([0]));
    expect([chunksSaved(), allSaved()]).toEqual([chunks0, all0]);
    expect(await catchUp(db, live, NOW)).toBe('patched');
    await storeSnapshot(db, live);
    expect([chunksSaved(), allSaved()]).toEqual([chunks0 + 1, all0]);
    const reopened = await openGridIndex(db, NOW);
    expect(reopened.counters.snapshot).toBe('used');
    expect(answers(reopened, NOW)).toEqual(answers(await buildGridIndex(db, NOW), NOW));
    expect(namesOf(reopened.cols).filter((n) => n.startsWith('Renamed catch'))).toHaveLength(2);
  });

  it('a change applied after a save is written by the next save: the reopened snapshot answers as a fresh build', async () => {
    const db = await dbWith(demoSlice(150));
    const live = await openGridIndex(db, NOW);
    const first = storeSnapshot(db, live);
    await apply(db, { kind: 'rename', pick: 3 });
    expect(await catchUp(db, live, NOW)).toBe('patched');
    await first;
    await storeSnapshot(db, live);
    const reopened = await openGridIndex(db, NOW);
    expect(reopened.counters.snapshot).toBe('used');
    expect(answers(reopened, NOW)).toEqual(answers(await buildGridIndex(db, NOW), NOW));
    expect(namesOf(reopened.cols).some((n) => n.startsWith('Renamed catch'))).toBe(true);
  });
});
