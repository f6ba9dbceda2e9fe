/**
 * The grid engine: holds the columnar index and answers filter + sort with row ids, counts and
 * display-ready rows, so the main thread never holds a million lead objects. Follows the change
 * log when the database changes (Dexie's `storagemutated`, which also fires for writes made in
 * other tabs). Runs in the grid's worker (grid.worker.ts); tests run it in-process.
 */
import * as Comlink from 'comlink';
import type { LeadsDb } from '../db/leads-db';
import type { FarPartReader } from '../db/repos/engine-snapshot-repo';
import { heldOperationLocks } from '../db/repos/operation-journal-repo';
import type { LeadFilter } from '../domain/leads/lead-filter';
import { queryRows } from '../domain/leads/index/lead-query';
import { parseSort } from '../domain/leads/index/lead-sort';
import type { OverviewFigures } from '../domain/overview/overview-figures';
import type { ComplianceSummary } from '../domain/compliance/compliance-summary';
import type { DisplayLocale, DisplayRow } from '../domain/leads/display-row';
import { createCohortAnswers } from './cohort-answers';
import { columnReads } from './grid-column-reads';
import { complianceSummary, overviewFigures, retentionPlan } from './grid-figures';
import type { PurgeMode, PurgePlan } from '../domain/compliance/retention-plan';
import { displayBlock, latestFirst } from './grid-block';
import { measureSince } from './grid-timing';
import { indexKeeper } from './grid-index-keeper';
import { type BuildProgress, type EngineCounters, type GridIndex, type ProgressListener } from './grid-index';
import { orderFor, outsideHoursAt } from './grid-index-reads';
import { reasonBitsJudged } from './grid-due-rows';

import { orderWarmer, type Sorter } from './grid-warm-orders';
import { isRetired } from '../domain/columns/dictionary';

export interface QueryResult {
  count: number;
  version: number;
  total: number;
  ms: number;
  /** How the index behind the answer was opened, and what it has read and judged since. */
  engine: EngineCounters & { buildMs: number };
}

/** A block of result rows as the grid asks for it: rows [start, end) of the filter's result in `sort`, formatted for `where`. */
type BlockAsk = [filter: LeadFilter, sort: string | undefined, start: number, end: number, where: DisplayLocale];

/**
 * An engine over `db`, with its own index (grid-index-keeper.ts), result cache and listeners.
 * `sorter`: where idle-time sorts run (a helper worker); none in-process (tests): on the engine's thread.
 * `listedDelayMs`: how long after opening the engine reads the listed numbers' keys, when none are stored.
 * `farReader`: reads half of a large stored snapshot on another thread (a helper worker); none in-process (tests).
 */
export function createGridEngine(
  db: LeadsDb,
  sorter: () => Sorter = () => null,
  listedDelayMs = 5_000,
  farReader?: FarPartReader,
) {
  let version = 0;
  let last: { key: string; rows: Uint32Array; idx: GridIndex; at: number } | null = null;
  /** A result is answered again after this long: the calling hours and the due rows move with the clock. */
  const RESULT_TTL_MS = 30_000;
  const listeners = new Set<(v: number) => void>();
  const progressListeners = new Set<ProgressListener>();
  /** Told while the index is opened or built (posted as it goes, also from inside the judging loop). */
  let progress: BuildProgress | null = null;
  function report(p: BuildProgress): void {
    progress = p;
    for (const l of progressListeners) void l(p);
  }

  function changed(): void {
    last = null;
    version++;
    for (const l of listeners) l(version);
  }

  const keeper = indexKeeper(db, listedDelayMs, {
    farReader,
    report,
    changed,
    // Verdicts moved, not the columns any sort reads: the sort orders stay.
    verdictsMoved: () => void (last = null),
  });
  const { current } = keeper;

  /** The result rows of a filter and sort (the last one is cached). */
  async function resultRows(
    filter: LeadFilter,
    sort: string | undefined,
  ): Promise<{ idx: GridIndex; rows: Uint32Array; at: number }> {
    const idx = await current();
    const key = JSON.stringify([filter, sort ?? '']);
    const now = Date.now();
    if (last?.key !== key || last.idx !== idx || now - last.at > RESULT_TTL_MS) {
      const spec = parseSort(sort);
      const order = spec ? orderFor(idx, spec.key) : null;
      const ctx = {
        orgTimeZone: idx.orgTimeZone,
        dormantMs: idx.dormantMs,
        now,
        outsideHours: outsideHoursAt(idx, now),
      };
      last = { key, rows: queryRows(idx.cols, filter, ctx, order, spec?.desc ?? false), idx, at: now };
    }
    return { idx, rows: last.rows, at: last.at };
  }

  const warmOrdersSoon = orderWarmer(keeper.inUse, sorter, async () => (await heldOperationLocks()).length > 0);

  /** Blocks of rows are served two at a time, the latest asked first (the one on screen after a fast scroll). */
  const blockQueue = latestFirst(2);
  async function blockRows(
    ...[filter, sort, start, end, where]: BlockAsk
  ): Promise<{ rows: DisplayRow[]; at: number }> {
    const t0 = performance.now();
    const { idx, rows, at } = await resultRows(filter, sort);
    const shown = await displayBlock(
      db,
      idx,
      rows.subarray(Math.max(0, start), Math.min(rows.length, end)),
      at,
      where,
      version,
    );
    measureSince('engine:rows', t0);
    return { rows: shown, at };
  }

  /** Cohort charts, triangles, stage mix and campaign scorecards, read off the same columns. */
  const cohorts = createCohortAnswers(db, async () => {
    const idx = await current();
    return { cols: idx.cols, version };
  });

  const api = {
    ...cohorts,
    /** Run a filter and sort: how many rows match, out of how many. */
    async query(filter: LeadFilter, sort: string | undefined): Promise<QueryResult> {
      const tAsked = performance.now();
      await current();
      const t0 = performance.now();
      const { idx, rows } = await resultRows(filter, sort);
      measureSince('engine:query', tAsked);
      warmOrdersSoon();
      return {
        count: rows.length,
        version,
        total: idx.cols.n - idx.deleted,
        ms: performance.now() - t0,
        engine: { ...idx.counters, buildMs: idx.buildMs },
      };
    },
    /** Lead ids of result rows [start, end). */
    async ids(filter: LeadFilter, sort: string | undefined, start: number, end: number): Promise<Int32Array> {
      const { idx, rows } = await resultRows(filter, sort);
      const slice = rows.subarray(Math.max(0, start), Math.min(rows.length, end));
      return Int32Array.from(slice, (i) => idx.cols.ids[i]!);
    },
    /**
     * Rows [start, end) of the result as the grid shows them (formatted for `where`, verdict
     * included): the verdict is the row's cached judgement the filter tested, with the calling hours
     * of the instant the filter was answered at — a row is never filtered at one instant and badged
     * at another, and no history is read to draw it (decision 021).
     */
    rows(...ask: BlockAsk): Promise<{ rows: DisplayRow[]; at: number }> {
      const asked = performance.now();
      return blockQueue(() => {
        measureSince('engine:rows:waited', asked);
        return blockRows(...ask);
      });
    },
    /** Every lead id of the result ("select all N matching"). */
    async allIds(filter: LeadFilter, sort: string | undefined): Promise<Int32Array> {
      const { idx, rows } = await resultRows(filter, sort);
      const out = Int32Array.from(rows, (i) => idx.cols.ids[i]!);
      return Comlink.transfer(out, [out.buffer]);
    },
    /**
     * The rows of a filter and sort with each lead's verdict at `at` (now or later) as reason bits,
     * for call lists and exports: first every write committed so far is applied (not waiting for
     * the change signal), so nothing known is missed. A lead whose cached judgement may change
     * before `at` is judged by key for `at`; `bits` is null only when too many are (a list for
     * months ahead): the export worker then judges the leads itself, a chunk at a time.
     */
    async judged(
      filter: LeadFilter,
      sort: string | undefined,
      at: number,
    ): Promise<{ ids: Int32Array; bits: Uint16Array | null; at: number; dataVersion: string | null }> {
      await current();
      await keeper.applyNow();
      const when = Math.max(at, Date.now());
      const { idx, rows } = await resultRows(filter, sort);
      const ids = Int32Array.from(rows, (i) => idx.cols.ids[i]!);
      // The version the rows and cached bits hold, taken before the leads judged for `when` are read:
      // a catch-up meanwhile moves the index on, and the export must check for writes from here.
      const dataVersion = idx.dataVersion;
      const bits = await reasonBitsJudged(db, idx, rows, when);
      return Comlink.transfer({ ids, bits, at: when, dataVersion }, bits ? [ids.buffer, bits.buffer] : [ids.buffer]);
    },
    /**
     * The retention dry run at `at` (now) read off the index: every write so far applied first,
     * then the leads whose verdict says `retention-expired` and what their months lose (a lead
     * whose cached judgement does not reach `at` judged by key for it: after the due rows' refresh
     * of `current`, a few at most).
     */
    async retentionPlan(at: number, mode: PurgeMode): Promise<PurgePlan> {
      await current();
      await keeper.applyNow();
      // Not before the instant the due rows were refreshed at: their cached parts answer from there on.
      return retentionPlan(db, await current(), Math.max(at, Date.now()), mode);
    },
    /** Distinct values for the filter pickers. */
    async facets(): Promise<{
      sources: string[];
      campaigns: string[];
      regions: string[];
      tags: string[];
      buildMs: number;
    }> {
      const idx = await current();
      const d = idx.cols.dict;
      return {
        sources: d.source.values.slice(1),
        campaigns: d.campaign.values.slice(1),
        regions: d.region.values.slice(1),
        tags: d.tags.values.slice(1).filter((t) => !isRetired(t)),
        buildMs: idx.buildMs,
      };
    },
    /** The Overview's headline figures at `at`, read off the index (no lead is read or judged for them). */
    async overview(at: number): Promise<OverviewFigures & { ms: number }> {
      return overviewFigures(db, await current(), at);
    },
    /** The Compliance screen's queue counts, counts per reason and expiry calendar at `at`, read off the index. */
    async summary(at: number, horizonDays = 90): Promise<ComplianceSummary & { ms: number }> {
      return complianceSummary(await current(), at, horizonDays);
    },
    ...columnReads(db, keeper.latest, keeper.latestCurrent),
    /** What the engine has done since it started: full builds, rows read in them, rows judged again since. */
    async stats(): Promise<EngineCounters & { buildMs: number; n: number }> {
      const idx = await current();
      return { ...idx.counters, buildMs: idx.buildMs, n: idx.cols.n };
    },
    /** Called back with the new version each time the data changed (the index is rebuilt on the next question). */
    onChange(cb: (v: number) => void): void {
      listeners.add(cb);
    },
    /** Called back with what a build is doing (reading, judging n of N); answered at once with the last known. */
    onProgress(cb: ProgressListener): void {
      progressListeners.add(cb);
      if (progress) void cb(progress);
    },
    /**
     * Follow the change log now, not after the write signal's pause: a screen that has just
     * written (a scrub) asks this before asking its figures again, so they count the write.
     */
    async catchUpNow(): Promise<number> {
      // Not behind an index still opening or building (minutes at 1M after a list import): that one reads the data as they are, or follows the write signal.
      await keeper.catchUpNow();
      return version;
    },
    /** Rebuild now (e.g. after settings or the clock moved on). */
    async refresh(): Promise<number> {
      await keeper.rebuild();
      changed();
      return version;
    },
  };
  return api;
}

export type GridWorkerApi = ReturnType<typeof createGridEngine>;
