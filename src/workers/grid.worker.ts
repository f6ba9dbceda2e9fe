/**
 * The leads grid's worker: holds the columnar index and answers filter + sort with row ids,
 * so the main thread never holds a million lead objects. Goes stale when the database changes
 * (Dexie's `storagemutated`, which also fires for writes made in other tabs) and rebuilds when
 * next asked.
 */
import '../domain/zod-jitless';
import * as Comlink from 'comlink';
import Dexie from 'dexie';
import { LeadsDb } from '../db/leads-db';
import type { LeadFilter } from '../domain/leads/lead-filter';
import { queryRows } from '../domain/leads/index/lead-query';
import { parseSort } from '../domain/leads/index/lead-sort';
import { buildGridIndex, openGridIndex, orderFor, outsideHoursAt, refreshDue, type EngineCounters, type GridIndex } from './grid-index';

const db = new LeadsDb();
/** The index of the current version; null once the data changed: rebuilt on the next question. */
let index: Promise<GridIndex> | null = null;
let version = 0;
let last: { key: string; rows: Uint32Array; idx: GridIndex; at: number } | null = null;
/** A result is answered again after this long: the calling hours and the due rows move with the clock. */
const RESULT_TTL_MS = 30_000;
const listeners = new Set<(v: number) => void>();

/** The index, with every row whose cached judgement is due judged again (by index, not a rebuild). */
let refreshing: Promise<void> | null = null;
async function current(): Promise<GridIndex> {
  index ??= openGridIndex(db, Date.now());
  const idx = await index;
  refreshing ??= refreshDue(db, idx, Date.now())
    .then((changed) => {
      if (changed) {
        idx.orders.clear();
        last = null;
      }
    })
    .finally(() => (refreshing = null));
  await refreshing;
  return idx;
}

/**
 * The data (or the clock) moved on: drop the index and tell the screens, which ask again if
 * they are showing. Rebuilding only when asked keeps a scrub or an import, which commit many
 * chunks while the grid is not on screen, from rebuilding the whole index after each one.
 */
let staleTimer: ReturnType<typeof setTimeout> | undefined;
function markStale(delay: number): void {
  clearTimeout(staleTimer);
  staleTimer = setTimeout(() => {
    index = null;
    last = null;
    version++;
    for (const l of listeners) l(version);
  }, delay);
}
Dexie.on('storagemutated', (parts: Record<string, unknown>) => {
  if (Object.keys(parts).some((k) => /\/(leads|calls|consents|dnc\w*|settings)\//.test(k))) markStale(150);
});

export interface QueryResult {
  count: number;
  version: number;
  total: number;
  ms: number;
  /** How the index behind the answer was opened, and what it has read and judged since. */
  engine: EngineCounters & { buildMs: number };
}

/** The result rows of a filter and sort (the last one is cached). */
async function resultRows(filter: LeadFilter, sort: string | undefined): Promise<{ idx: GridIndex; rows: Uint32Array }> {
  const idx = await current();
  const key = JSON.stringify([filter, sort ?? '']);
  const now = Date.now();
  if (last?.key !== key || last.idx !== idx || now - last.at > RESULT_TTL_MS) {
    const spec = parseSort(sort);
    const order = spec ? orderFor(idx, spec.key) : null;
    const ctx = { orgTimeZone: idx.orgTimeZone, now, outsideHours: outsideHoursAt(idx, now) };
    last = { key, rows: queryRows(idx.cols, filter, ctx, order, spec?.desc ?? false), idx, at: now };
  }
  return { idx, rows: last.rows };
}

const api = {
  /** Run a filter and sort: how many rows match, out of how many. */
  async query(filter: LeadFilter, sort: string | undefined): Promise<QueryResult> {
    await current();
    const t0 = performance.now();
    const { idx, rows } = await resultRows(filter, sort);
    return { count: rows.length, version, total: idx.cols.n, ms: performance.now() - t0, engine: { ...idx.counters, buildMs: idx.buildMs } };
  },
  /** Lead ids of result rows [start, end). */
  async ids(filter: LeadFilter, sort: string | undefined, start: number, end: number): Promise<Int32Array> {
    const { idx, rows } = await resultRows(filter, sort);
    const slice = rows.subarray(Math.max(0, start), Math.min(rows.length, end));
    return Int32Array.from(slice, (i) => idx.cols.ids[i]!);
  },
  /** Every lead id of the result ("select all N matching"). */
  async allIds(filter: LeadFilter, sort: string | undefined): Promise<Int32Array> {
    const { idx, rows } = await resultRows(filter, sort);
    const out = Int32Array.from(rows, (i) => idx.cols.ids[i]!);
    return Comlink.transfer(out, [out.buffer]);
  },
  /** Distinct values for the filter pickers. */
  async facets(): Promise<{ sources: string[]; campaigns: string[]; regions: string[]; tags: string[]; buildMs: number }> {
    const idx = await current();
    const d = idx.cols.dict;
    return { sources: d.source.values.slice(1), campaigns: d.campaign.values.slice(1), regions: d.region.values.slice(1), tags: d.tags.values.slice(1), buildMs: idx.buildMs };
  },
  /** What the engine has done since it started: full builds, rows read in them, rows judged again since. */
  async stats(): Promise<EngineCounters & { buildMs: number; n: number }> {
    const idx = await current();
    return { ...idx.counters, buildMs: idx.buildMs, n: idx.cols.n };
  },
  /** Called back with the new version each time the data changed (the index is rebuilt on the next question). */
  onChange(cb: (v: number) => void): void {
    listeners.add(cb);
  },
  /** Rebuild now (e.g. after settings or the clock moved on). */
  async refresh(): Promise<number> {
    const next = buildGridIndex(db, Date.now());
    await next;
    index = next;
    version++;
    last = null;
    for (const l of listeners) l(version);
    return version;
  },
};

export type GridWorkerApi = typeof api;
Comlink.expose(api);
