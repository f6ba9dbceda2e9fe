/**
 * Who holds the grid engine's index: opens it (snapshot + catch-up) or builds it, judges its due
 * rows again before a question is answered, follows the change log when the data move, and drops
 * it for a rebuild where the log cannot be followed. Every change to the index runs on one queue.
 * The engine (grid-engine.ts) answers questions off `current()`; it is told through `hooks` when
 * the data moved (`changed`) and when only verdicts did (`verdictsMoved`: sort orders stay).
 */
import type { LeadsDb } from '../db/leads-db';
import type { FarPartReader } from '../db/repos/engine-snapshot-repo';
import { ensureDataVersion } from '../db/repos/data-version-repo';
import { dncMatchesKeeper } from '../db/repos/dnc-matches-repo';
import { catchUp } from './grid-catch-up';
import { changeSignal } from './grid-change-signal';
import { listedNumbersKeeper } from './grid-listed-numbers';
import { snapshotSaver } from './grid-save-soon';
import { settledWithinTask } from './grid-timing';
import { buildGridIndex, openGridIndex, storeSnapshot, type BuildProgress, type GridIndex } from './grid-index';
import { refreshDue } from './grid-due-rows';
import { listenForWrittenLeads } from './grid-written-leads';

export interface KeeperHooks {
  /** Reads half of a large stored snapshot on another thread, when opening (none in-process). */
  farReader?: FarPartReader;
  /** Told while the index is opened or built (also from inside the judging loop). */
  report: (p: BuildProgress) => void;
  /** The data moved (the index caught up, or was dropped for a rebuild). */
  changed: () => void;
  /** Cached verdicts moved (due rows judged again), not the columns any sort reads. */
  verdictsMoved: () => void;
}

/** `listedDelayMs`: how long after opening the listed numbers' keys are read, when none are stored. */
export function indexKeeper(db: LeadsDb, listedDelayMs: number, hooks: KeeperHooks) {
  /** The index of the current version; null once the data changed: rebuilt on the next question. */
  let index: Promise<GridIndex> | null = null;
  /** When the engine was last asked a question (a scan of the listed numbers waits for quiet). */
  let lastAsked = 0;

  /**
   * Every change to the index — judging due rows again, catching up by the change log, dropping it
   * for a rebuild — runs on this one queue, one after another: two of them interleaved could write
   * a verdict read before a write over the one read after it.
   */
  let catching: Promise<void> = Promise.resolve();
  function enqueue(work: () => Promise<void>): Promise<void> {
    catching = catching.then(work).catch(() => {
      index = null;
      latestSeen = -1;
      hooks.changed();
    });
    return catching;
  }

  /** The index, with every row whose cached judgement is due judged again (by index, not a rebuild). */
  async function current(): Promise<GridIndex> {
    lastAsked = performance.now();
    await signals.flush();
    for (;;) {
      await catching;
      const seen = signals.count;
      index ??= openGridIndex(db, Date.now(), hooks.report, matches.known, 'later', listed, hooks.farReader).then(
        (idx) => {
          // Caught up on opening: its changed chunks are stored a second after (the first answers are out by then).
          if (idx.counters.catchUps > 0) saveSoon(idx);
          return keepMatches(idx, seen);
        },
        // The snapshot is a cache: one that cannot be opened or caught up is rebuilt from the tables.
        () => fullBuild(),
      );
      const mine = index;
      // A failure is not kept: the next question opens again, rather than every question failing from now on.
      const idx = await mine.catch((e: unknown) => {
        if (index === mine) index = null;
        throw e;
      });
      await enqueue(async () => {
        if (index !== mine) return;
        const outcome = await refreshDue(db, idx, Date.now());
        if (outcome === 'changed') hooks.verdictsMoved();
        // So much is due (a start after a long pause) that one full read is cheaper.
        if (outcome === 'too-many') index = fullBuild();
      });
      // Replaced or dropped meanwhile (a rebuild, a change that moves everyone): ask the new one.
      if (index === mine) return idx;
    }
  }

  /** The DNC entries the last full build matched: a rebuild no DNC entry moved reuses them. */
  const matches = dncMatchesKeeper(db);
  /** Which numbers can be on no list: a catch-up does not look those up (grid-listed-numbers.ts). */
  const listed = listedNumbersKeeper(db, listedDelayMs, () => performance.now() - lastAsked);
  /** The leads each write stored, as its writer handed them over: a catch-up does not read those back. */
  const written = listenForWrittenLeads(db.name);
  /** The last index built or opened (an export reads leads off it without waiting on the queue). */
  let latest: GridIndex | null = null;
  /**
   * Writes signalled so far (storagemutated, from this or any other tab or worker), and the count
   * when `latest` last read the data version (opened, built or caught up; -1: not to be trusted).
   * While no write was signalled since, it holds the data as they are: a Preview skips the read.
   */
  const signals = changeSignal(() => void enqueue(applyChanges));
  let latestSeen = -1;
  const keepMatches = (idx: GridIndex, seen: number): GridIndex => {
    listed.start();
    latest = idx;
    latestSeen = seen;
    if (idx.dncEntries && idx.dataVersion)
      matches.keep({ dataVersion: idx.dataVersion, entries: idx.dncEntries, epoch: idx.dncEpoch ?? null });
    return idx;
  };

  /** Read everything and build the index now (stored as the new snapshot). */
  function fullBuild(): Promise<GridIndex> {
    return (async () => {
      const seen = signals.count;
      const dataVersion = await ensureDataVersion(db);
      const idx = await buildGridIndex(db, Date.now(), hooks.report, await matches.known());
      idx.dataVersion = dataVersion;
      keepMatches(idx, seen);
      void storeSnapshot(db, idx);
      return idx;
    })();
  }

  /** The snapshot stored again a second after a change is applied (grid-save-soon.ts). */
  const saveSoon = snapshotSaver(db, () => index);

  /**
   * The data moved on (a write here, in another tab or worker): follow the change log and judge
   * again only the leads the writes touched, then tell the screens, which ask again if they are
   * showing. Where the log cannot be followed (a list, version or settings change; a pruned log)
   * the index is dropped and rebuilt by the next question — only a grid on screen pays for it.
   */
  async function applyChanges(): Promise<void> {
    const told = signals.takeCatalogueMoved();
    if (!index) return told ? hooks.changed() : undefined;
    const idx = await index;
    const seen = signals.count;
    const outcome = await catchUp(db, idx, Date.now(), listed, written);
    if (outcome === 'rebuild') latestSeen = -1;
    else if (latest === idx) latestSeen = seen;
    if (outcome === 'current') return told ? hooks.changed() : undefined;
    if (outcome === 'rebuild') index = null;
    else saveSoon(idx);
    hooks.changed();
  }

  return {
    current,
    /** The index in use, as it is (opening, building, or none): for idle-time work that must not open one. */
    inUse: (): Promise<GridIndex> | null => index,
    /** Every write committed so far applied (not waiting for the change signal). */
    applyNow: (): Promise<void> => enqueue(applyChanges),
    /** Follow the change log now; not behind an index still opening or building (that one reads the data as they are). */
    async catchUpNow(): Promise<void> {
      const opened = index && (await settledWithinTask(index));
      if (opened) await enqueue(applyChanges);
    },
    /** Build the index again now, and use it. */
    async rebuild(): Promise<void> {
      const next = fullBuild();
      await next;
      index = next;
    },
    /** The last index built or opened, and whether no write was signalled since it read the data. */
    latest: (): GridIndex | null => latest,
    latestCurrent: (): boolean => latest !== null && latestSeen === signals.count,
  };
}
