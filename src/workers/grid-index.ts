/**
 * The grid's columnar index, built in a worker from the whole database: every lead with the
 * slow part of its judgement (consent, DNC, every reason but the calling hours, and when that
 * may next change). The calling hours — the part that changes every day for everyone — are read
 * per question from each row's zone and region, so a row is filtered and counted at the instant
 * it is asked about. As time passes only the rows whose cached part is due are judged again (by
 * index, a few at a time: grid-due-rows.ts), never the whole database. Sort orders are cached per
 * key until the data changes (grid-index-reads.ts).
 */
import { loadComplianceWorld, type KnownDncMatches } from '../db/repos/compliance-world-repo';
import type { LeadsDb } from '../db/leads-db';
import {
  loadGridSnapshot,
  saveGridSnapshot,
  SNAPSHOT_CHUNK_ROWS,
  SnapshotNotStored,
  readErasureEpoch,
  type FarPartReader,
} from '../db/repos/engine-snapshot-repo';
import { ensureDataVersion } from '../db/repos/data-version-repo';
import { getSettings } from '../db/repos/settings-repo';
import type { DncEntry } from '../domain/compliance/dnc-list';
import { createJudge, rulesByRegion } from '../domain/compliance/judge';
import { slowDerived } from '../domain/compliance/lead-facts';
import { historyFlagsOf } from '../domain/compliance/compliance-world';
import type { EffectiveRules } from '../domain/compliance/policies';
import type { LeadDerived } from '../domain/leads/lead-filter';
import { dormantPeriodMs } from '../domain/leads/lifecycle-stage';
import { FLAG_DELETED } from '../domain/columns/lead-flags';
import { buildLeadColumns, type LeadColumns } from '../domain/leads/index/lead-columns';
import { forgetPieces } from '../domain/leads/index/lead-columns-joined';
import type { SortKey } from '../domain/leads/index/lead-sort';
import { catchUp, minOf } from './grid-catch-up';
import { measureSince, timed } from './grid-timing';
import type { ListedKeeper } from './grid-listed-numbers';
import { countLeads } from '../db/repos/leads-repo';

export interface GridIndex {
  cols: LeadColumns;
  builtAt: number;
  orgTimeZone: string;
  /** The organisation's dormant period, for the lifecycle stage read per question. */
  dormantMs: number;
  rulesFor: (region: string) => EffectiveRules;
  /** The earliest `nextChange` of any row: before it, no cached row is due. */
  nextDue: number;
  orders: Map<SortKey, Uint32Array>;
  buildMs: number;
  /** What the engine did, for the screens' honest notes and the tests: rows read in full builds, rows judged again since. */
  counters: EngineCounters;
  /** The data version the columns reflect (null: unknown, so never caught up, only rebuilt). */
  dataVersion: string | null;
  /** Rows flagged deleted (kept in place until the next full build). */
  deleted: number;
  /** Checksums of the stored snapshot's chunks (null: nothing known to be stored). */
  stored: { checksums: string[] } | null;
  /** Chunks changed since the last save began ('all': every chunk must be written). */
  dirty: Set<number> | 'all';
  /** The save in progress: saves run one after another, each writing what changed before it began. */
  saving: Promise<void>;
  /** The DNC entries a full build matched to the leads' numbers (null when opened from the snapshot): the engine's next build may reuse them. */
  dncEntries: readonly DncEntry[] | null;
  /** The erasure token read before those entries were (dnc-matches-repo.ts). */
  dncEpoch?: string | null;
  /** The id of the DNC scrub this index laid onto its columns last (grid-catch-up.ts); none after a build or an open. */
  laidScrub?: number;
}

export interface EngineCounters {
  fullBuilds: number;
  rowsRead: number;
  /** Numbers looked up in the DNC lists by the last full build (its leads' all, or only those written since the matches it reused). */
  phonesLookedUp?: number;
  rowsRejudged: number;
  /** Saves of the snapshot skipped because the data moved on meanwhile. */
  snapshotSavesMoved: number;
  /** Rows judged by key for an instant their cached part does not reach (not written to the columns). */
  rowsJudgedForInstant: number;
  /** Writes applied by following the change log instead of a rebuild, and the leads they touched. */
  catchUps: number;
  rowsCaughtUp: number;
  /** Of those, the leads whose cached judgement was kept (only their row written, nothing judged read changed). */
  rowsKept: number;
  /** Numbers of leads judged by a catch-up that the listed numbers' hashes showed on no list: not looked up. */
  lookUpsSkipped?: number;
  /** Leads a catch-up took as their writer handed them over (grid-written-leads.ts), not read from the table. */
  rowsHanded?: number;
  /** Why the last store of the snapshot failed, if it did (it is a cache: the next start builds). */
  snapshotSaveFailed?: string;
  /** How the index was opened: from the stored snapshot ('used'), or built because it was missing, older, stale or damaged. */
  snapshot: 'used' | 'caught-up' | 'missing' | 'format' | 'stale' | 'damaged' | 'none';
}

/** Read everything and build the index as of `at`. */
/** What a build is doing: opening the stored snapshot, reading every lead with its history, judging them (done of total). */
export interface BuildProgress {
  phase: 'opening' | 'reading' | 'judging';
  done: number;
  total: number;
}
export type ProgressListener = (progress: BuildProgress) => void;
const PROGRESS_EVERY = 5_000;

export async function buildGridIndex(
  db: LeadsDb,
  at: number,
  onProgress: ProgressListener = () => {},
  known?: KnownDncMatches,
): Promise<GridIndex> {
  const t0 = performance.now();
  // Before any read: an erasure during the build leaves its matches under an older token (never stored).
  const dncEpoch = await readErasureEpoch(db);
  onProgress({ phase: 'reading', done: 0, total: await countLeads(db) });
  const { leads, world, settings, dncEntries, phonesLookedUp } = await timed('engine:build:read', () =>
    loadComplianceWorld(db, undefined, known),
  );
  const tJudge = performance.now();
  const judge = createJudge(world, settings);
  const derived: LeadDerived[] = new Array<LeadDerived>(leads.length);
  for (let i = 0; i < leads.length; i++) {
    if (i % PROGRESS_EVERY === 0) onProgress({ phase: 'judging', done: i, total: leads.length });
    derived[i] = slowDerived(judge(leads[i]!, at), historyFlagsOf(world, leads[i]!.id));
  }
  onProgress({ phase: 'judging', done: leads.length, total: leads.length });
  measureSince('engine:build:judge', tJudge);
  const tColumns = performance.now();
  const cols = buildLeadColumns(leads, derived);
  measureSince('engine:build:columns', tColumns);
  return {
    cols,
    builtAt: at,
    orgTimeZone: settings.orgTimeZone,
    dormantMs: dormantPeriodMs(settings.dormantDays),
    rulesFor: judge.rulesFor,
    nextDue: minOf(cols.nextChange),
    orders: new Map(),
    buildMs: performance.now() - t0,
    counters: {
      fullBuilds: 1,
      rowsRead: leads.length,
      phonesLookedUp,
      rowsRejudged: 0,
      rowsJudgedForInstant: 0,
      snapshotSavesMoved: 0,
      catchUps: 0,
      rowsCaughtUp: 0,
      rowsKept: 0,
      snapshot: 'none',
    },
    dataVersion: null,
    deleted: 0,
    stored: null,
    dirty: 'all',
    saving: Promise.resolve(),
    dncEntries,
    dncEpoch,
  };
}

/**
 * The index at start: the stored snapshot when it holds for the data as they are (then only the
 * rows due since it was built are judged again, by refreshDue), else a full build, stored for
 * the next start. Storing is best effort: the snapshot is a cache, and a failure (a full disk)
 * costs the next start one full read, nothing else.
 */
export async function openGridIndex(
  db: LeadsDb,
  now: number,
  onProgress: ProgressListener = () => {},
  known: () => Promise<KnownDncMatches | undefined> = async () => undefined,
  /**
   * 'later': a caught-up index's changed chunks are left for the caller to store (the engine does
   * it after its first answers: storing a bulk edit's chunks holds IndexedDB for seconds at 1M,
   * and the reads that judge the due rows would wait behind it).
   */
  storeCaughtUp: 'now' | 'later' = 'now',
  /** The engine's listed numbers: a start that catches up loads them first (its new leads' numbers are then mostly not looked up). */
  listed: ListedKeeper | null = null,
  /** Reads half of a large snapshot on another thread. */
  farReader?: FarPartReader,
): Promise<GridIndex> {
  const t0 = performance.now();
  onProgress({ phase: 'opening', done: 0, total: 0 });
  // The browser's opening of the origin's store (decision 033: it can take seconds after large writes), on its own line.
  if (!db.isOpen()) await timed('engine:open:idb', () => db.open());
  const loaded = await timed('engine:open:load-snapshot', () =>
    loadGridSnapshot(db, (name, work) => timed(`engine:open:snapshot-${name}`, work), farReader),
  );
  let problem: EngineCounters['snapshot'];
  if ('cols' in loaded) {
    const settings = await getSettings(db);
    const { cols } = loaded;
    let deleted = 0;
    for (let i = 0; i < cols.n; i++) if (cols.flags[i]! & FLAG_DELETED) deleted++;
    const index: GridIndex = {
      cols,
      builtAt: loaded.meta.builtAt,
      orgTimeZone: settings.orgTimeZone,
      dormantMs: dormantPeriodMs(settings.dormantDays),
      rulesFor: rulesByRegion(settings),
      nextDue: minOf(cols.nextChange),
      orders: new Map(),
      buildMs: 0,
      counters: {
        fullBuilds: 0,
        rowsRead: 0,
        rowsRejudged: 0,
        rowsJudgedForInstant: 0,
        snapshotSavesMoved: 0,
        catchUps: 0,
        rowsCaughtUp: 0,
        rowsKept: 0,
        snapshot: loaded.current ? 'used' : 'caught-up',
      },
      dataVersion: loaded.meta.dataVersion,
      deleted,
      stored: { checksums: loaded.checksums },
      dirty: new Set(),
      saving: Promise.resolve(),
      dncEntries: null,
    };
    // Older than the data: follow the change log from it (a write since the last start costs its own leads, not a rebuild).
    if (!loaded.current) await listed?.loadNow();
    const outcome = loaded.current
      ? 'current'
      : await timed('engine:open:catch-up', () => catchUp(db, index, now, listed));
    if (outcome !== 'rebuild') {
      index.buildMs = performance.now() - t0;
      measureSince('engine:open', t0);
      // Caught up: store the changed chunks, so the next start opens at this version.
      if (outcome === 'patched' && storeCaughtUp === 'now') void storeSnapshot(db, index);
      return index;
    }
    problem = 'stale';
  } else problem = loaded.problem;
  // The token is settled before the data are read: a write racing the build then makes the snapshot stale, never wrong.
  const dataVersion = await ensureDataVersion(db);
  const index = await buildGridIndex(db, now, onProgress, await known());
  index.counters.snapshot = problem;
  index.dataVersion = dataVersion;
  measureSince('engine:open', t0);
  void storeSnapshot(db, index);
  return index;
}

/** Chunks changed in either of two spans. */
function joinDirty(a: GridIndex['dirty'], b: GridIndex['dirty']): GridIndex['dirty'] {
  return a === 'all' || b === 'all' ? 'all' : new Set([...a, ...b]);
}

/**
 * Store the index: only the chunks changed since the last save began when that save's checksums
 * are known, else every chunk. Saves run one after another; the columns and the data version are
 * taken when a save begins, so a change during it is written by the next. Best effort: it is a cache.
 */
export function storeSnapshot(db: LeadsDb, index: GridIndex): Promise<void> {
  index.saving = index.saving.then(async () => {
    const dirty = index.dirty;
    index.dirty = new Set();
    const only = dirty !== 'all' && index.stored ? { chunks: dirty, checksums: index.stored.checksums } : undefined;
    const t0 = performance.now();
    const cols = index.cols;
    const meta = { dataVersion: index.dataVersion, builtAt: Date.now(), orgTimeZone: index.orgTimeZone };
    let stale = false;
    try {
      const checksums = await saveGridSnapshot(db, cols, meta, SNAPSHOT_CHUNK_ROWS, only).catch((e: unknown) => {
        // The changed chunks were counted against a snapshot no longer stored (an erasure dropped
        // it, or another tab stored another): every chunk now, or none would be until the next change.
        if (only && e instanceof SnapshotNotStored && e.why !== 'moved') {
          stale = true;
          return saveGridSnapshot(db, cols, meta, SNAPSHOT_CHUNK_ROWS);
        }
        throw e;
      });
      index.stored = { checksums };
      // Cut into chunks, its joined columns are flat again: rows read whole, not from their pieces.
      forgetPieces(cols);
      measureSince(only ? 'engine:store:chunks' : 'engine:store:all', t0);
    } catch (e) {
      // Cut for it all the same, the columns are flat: their pieces would hold a second copy. A save
      // stopped before its first chunk cut nothing: the pieces still spare a flattening read.
      if (!(e instanceof SnapshotNotStored) || e.cut) forgetPieces(cols);
      if (e instanceof SnapshotNotStored && e.why === 'moved' && !stale) {
        // Skipped because the data moved on: the stored snapshot is the one it was, so the next save
        // writes the chunks changed since it (these too), not every chunk (a first sync moves on all along).
        index.dirty = joinDirty(dirty, index.dirty);
        index.counters.snapshotSavesMoved++;
        return;
      }
      // Not stored (a full disk, a closing tab, another tab's snapshot): the next save writes every chunk.
      index.stored = null;
      index.dirty = 'all';
      if (!(e instanceof SnapshotNotStored))
        index.counters.snapshotSaveFailed = e instanceof Error ? e.message : String(e);
    }
  });
  return index.saving;
}
