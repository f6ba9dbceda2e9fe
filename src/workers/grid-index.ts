/**
 * The grid's columnar index, built in a worker from the whole database: every lead with the
 * slow part of its judgement (consent, DNC, every reason but the calling hours, and when that
 * may next change). The calling hours — the part that changes every day for everyone — are read
 * per question from each row's zone and region, so a row is filtered and counted at the instant
 * it is asked about. As time passes only the rows whose cached part is due are judged again (by
 * index, a few at a time), never the whole database. Sort orders are cached per key until the
 * data changes.
 */
import { loadComplianceWorld } from '../db/repos/compliance-world-repo';
import type { LeadsDb } from '../db/leads-db';
import { loadGridSnapshot, saveGridSnapshot } from '../db/repos/engine-snapshot-repo';
import { ensureDataVersion } from '../db/repos/data-version-repo';
import { getLeadsByIds, loadWorldFor } from '../db/repos/lead-history-repo';
import { getSettings } from '../db/repos/settings-repo';
import { isWithinCallingHours } from '../domain/compliance/calling-hours';
import { createJudge, rulesByRegion } from '../domain/compliance/judge';
import { slowDerived } from '../domain/compliance/lead-facts';
import type { EffectiveRules } from '../domain/compliance/policies';
import { callZone } from '../domain/compliance/verdict';
import { CONSENT_FILTER_STATES, DNC_FILTER_STATES, type LeadDerived } from '../domain/leads/lead-filter';
import { FLAG_CALLABLE, buildLeadColumns, reasonBit, type LeadColumns } from '../domain/leads/index/lead-columns';
import { sortOrder, type SortKey } from '../domain/leads/index/lead-sort';

export interface GridIndex {
  cols: LeadColumns;
  builtAt: number;
  orgTimeZone: string;
  rulesFor: (region: string) => EffectiveRules;
  /** The earliest `nextChange` of any row: before it, no cached row is due. */
  nextDue: number;
  orders: Map<SortKey, Uint32Array>;
  buildMs: number;
  /** What the engine did, for the screens' honest notes and the tests: rows read in full builds, rows judged again since. */
  counters: EngineCounters;
}

export interface EngineCounters {
  fullBuilds: number;
  rowsRead: number;
  rowsRejudged: number;
  /** How the index was opened: from the stored snapshot ('used'), or built because it was missing, older, stale or damaged. */
  snapshot: 'used' | 'missing' | 'format' | 'stale' | 'damaged' | 'none';
}

function minOf(values: Float64Array): number {
  let min = Infinity;
  for (let i = 0; i < values.length; i++) if (values[i]! < min) min = values[i]!;
  return min;
}

/** Read everything and build the index as of `at`. */
export async function buildGridIndex(db: LeadsDb, at: number): Promise<GridIndex> {
  const t0 = performance.now();
  const { leads, world, settings } = await loadComplianceWorld(db);
  const judge = createJudge(world, settings);
  const derived: LeadDerived[] = new Array<LeadDerived>(leads.length);
  for (let i = 0; i < leads.length; i++) derived[i] = slowDerived(judge(leads[i]!, at));
  const cols = buildLeadColumns(leads, derived);
  return {
    cols,
    builtAt: at,
    orgTimeZone: settings.orgTimeZone,
    rulesFor: judge.rulesFor,
    nextDue: minOf(cols.nextChange),
    orders: new Map(),
    buildMs: performance.now() - t0,
    counters: { fullBuilds: 1, rowsRead: leads.length, rowsRejudged: 0, snapshot: 'none' },
  };
}

/**
 * The index at start: the stored snapshot when it holds for the data as they are (then only the
 * rows due since it was built are judged again, by refreshDue), else a full build, stored for
 * the next start. Storing is best effort: the snapshot is a cache, and a failure (a full disk)
 * costs the next start one full read, nothing else.
 */
export async function openGridIndex(db: LeadsDb, now: number): Promise<GridIndex> {
  const t0 = performance.now();
  const loaded = await loadGridSnapshot(db);
  if ('cols' in loaded) {
    const settings = await getSettings(db);
    const { cols } = loaded;
    return {
      cols,
      builtAt: loaded.meta.builtAt,
      orgTimeZone: settings.orgTimeZone,
      rulesFor: rulesByRegion(settings),
      nextDue: minOf(cols.nextChange),
      orders: new Map(),
      buildMs: performance.now() - t0,
      counters: { fullBuilds: 0, rowsRead: 0, rowsRejudged: 0, snapshot: 'used' },
    };
  }
  // The token is settled before the data are read: a write racing the build then makes the snapshot stale, never wrong.
  const dataVersion = await ensureDataVersion(db);
  const index = await buildGridIndex(db, now);
  index.counters.snapshot = loaded.problem;
  saveGridSnapshot(db, index.cols, { dataVersion, builtAt: now, orgTimeZone: index.orgTimeZone }).catch(() => undefined);
  return index;
}

/** Judge again, by index, the rows whose cached part is due at `now`; true when any row changed. */
export async function refreshDue(db: LeadsDb, index: GridIndex, now: number): Promise<boolean> {
  if (now < index.nextDue) return false;
  const { cols } = index;
  const rowOf = new Map<number, number>();
  for (let i = 0; i < cols.n; i++) if (cols.nextChange[i]! <= now) rowOf.set(cols.ids[i]!, i);
  const settings = await getSettings(db);
  const rulesFor = rulesByRegion(settings);
  let changed = false;
  const ids = [...rowOf.keys()];
  for (let k = 0; k < ids.length; k += 2_000) {
    const leads = await getLeadsByIds(db, ids.slice(k, k + 2_000));
    const judge = createJudge(await loadWorldFor(db, leads), settings);
    for (const lead of leads) {
      const i = rowOf.get(lead.id)!;
      const d = slowDerived(judge(lead, now));
      let reasons = 0;
      for (const r of d.reasons) reasons |= reasonBit(r);
      const consent = CONSENT_FILTER_STATES.indexOf(d.consent);
      const dnc = DNC_FILTER_STATES.indexOf(d.dnc);
      const flags = (cols.flags[i]! & ~FLAG_CALLABLE) | (d.callable ? FLAG_CALLABLE : 0);
      if (cols.reasons[i] !== reasons || cols.consent[i] !== consent || cols.dnc[i] !== dnc || cols.flags[i] !== flags) changed = true;
      cols.reasons[i] = reasons;
      cols.consent[i] = consent;
      cols.dnc[i] = dnc;
      cols.flags[i] = flags;
      cols.nextChange[i] = d.nextChange ?? Infinity;
    }
    index.counters.rowsRejudged += leads.length;
  }
  index.rulesFor = rulesFor;
  index.nextDue = minOf(cols.nextChange);
  return changed;
}

/** Whether row `i` is outside its calling hours at `now`: one answer per zone and region, however many rows. */
export function outsideHoursAt(index: GridIndex, now: number): (i: number) => boolean {
  const { cols } = index;
  const memo = new Map<number, boolean>();
  const zones = cols.dict.zone.values;
  const regions = cols.dict.region.values;
  const anonymized = reasonBit('anonymized');
  return (i) => {
    // A purged lead has no number to call: its purge is its whole answer, hours included.
    if (cols.reasons[i]! & anonymized) return false;
    const key = cols.zone[i]! * 1_048_576 + cols.region[i]!;
    let outside = memo.get(key);
    if (outside === undefined) {
      const rules = index.rulesFor(regions[cols.region[i]!]!);
      outside = !isWithinCallingHours(now, callZone(zones[cols.zone[i]!]!, rules.timeZone), rules.callingHours);
      memo.set(key, outside);
    }
    return outside;
  };
}

/** The cached ascending order for `key`. */
export function orderFor(index: GridIndex, key: SortKey): Uint32Array {
  let order = index.orders.get(key);
  if (!order) index.orders.set(key, (order = sortOrder(index.cols, key)));
  return order;
}
