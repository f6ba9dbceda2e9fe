/**
 * As time passes, the rows whose cached judgement falls due are judged again by index (their
 * leads and histories read by key, a few thousand at a time), never the whole database. The same
 * reads answer a question asked for an instant some rows' cached part does not reach (a call
 * list for later, a retention dry run): those rows are judged for that instant alone.
 */
import type { LeadsDb } from '../db/leads-db';
import type { Settings } from '../domain/settings/settings';
import { getSettings } from '../db/repos/settings-repo';
import { leadsByKey, worldByKey } from '../db/repos/world-by-key';
import { instantAt } from '../domain/columns/instant-column';
import { FLAG_DELETED } from '../domain/columns/lead-flags';
import { historyFlagsOf } from '../domain/compliance/compliance-world';
import { createJudge, rulesByRegion } from '../domain/compliance/judge';
import { slowDerived } from '../domain/compliance/lead-facts';
import { reasonBit, reasonBitsOf } from '../domain/compliance/verdict-bits';
import { writeDerived } from '../domain/leads/index/lead-columns';
import { minOf, rejudgeLimit } from './grid-catch-up';
import type { GridIndex } from './grid-index';
import { outsideHoursAt } from './grid-index-reads';
import { measureSince } from './grid-timing';

/** Leads judged by key this many at a time. */
const SLICE = 2_000;

/**
 * The slow part of each of `ids`' judgement at `at`, read and judged by key a slice at a time
 * (ids no longer stored left out).
 */
async function* judgedByKey(db: LeadsDb, ids: readonly number[], at: number, settings: Settings) {
  for (let k = 0; k < ids.length; k += SLICE) {
    const leads = await leadsByKey(db, ids.slice(k, k + SLICE));
    const world = await worldByKey(db, leads);
    const judge = createJudge(world, settings);
    for (const lead of leads)
      yield { id: lead.id, derived: slowDerived(judge(lead, at), historyFlagsOf(world, lead.id)) };
  }
}

/**
 * Judge again, by index, the rows whose cached part is due at `now`. 'changed' when any row's
 * answer moved, 'same' when none did, 'too-many' when so many are due that a full build is cheaper.
 */
export async function refreshDue(db: LeadsDb, index: GridIndex, now: number): Promise<'same' | 'changed' | 'too-many'> {
  if (now < index.nextDue) return 'same';
  const t0 = performance.now();
  try {
    return await judgeDue(db, index, now);
  } finally {
    measureSince('engine:refresh-due', t0);
  }
}

async function judgeDue(db: LeadsDb, index: GridIndex, now: number): Promise<'same' | 'changed' | 'too-many'> {
  const { cols } = index;
  const rowOf = new Map<number, number>();
  for (let i = 0; i < cols.n; i++)
    if (instantAt(cols.nextChange, i) <= now && !(cols.flags[i]! & FLAG_DELETED)) rowOf.set(cols.ids[i]!, i);
  if (rowOf.size > rejudgeLimit(cols.n)) return 'too-many';
  let changed = false;
  const settings = await getSettings(db);
  for await (const { id, derived } of judgedByKey(db, [...rowOf.keys()], now, settings)) {
    if (writeDerived(cols, rowOf.get(id)!, derived)) changed = true;
    index.counters.rowsRejudged++;
  }
  index.rulesFor = rulesByRegion(settings);
  index.nextDue = minOf(cols.nextChange, cols.flags);
  return changed ? 'changed' : 'same';
}

/**
 * The reason bits of `rows` at `at`: each row's cached slow part and the calling hours at `at`;
 * a row whose cached part may change before `at` is judged by key for `at` (its columns left as
 * they are: they answer for now). Null only when more than `limit` are due (by default, so many
 * that reading them by key would cost more than the tables read a chunk at a time, as for a call
 * list months ahead): the caller judges the leads itself. A row whose lead is gone since keeps
 * its cached bits (whoever reads its lead next finds none).
 */
export async function reasonBitsJudged(
  db: LeadsDb,
  index: GridIndex,
  rows: Uint32Array,
  at: number,
  limit = rejudgeLimit(index.cols.n),
): Promise<Uint16Array | null> {
  const { cols } = index;
  const outside = outsideHoursAt(index, at);
  const hours = reasonBit('outside-calling-hours');
  const bits = new Uint16Array(rows.length);
  const dueAt = new Map<number, number>();
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k]!;
    if (instantAt(cols.nextChange, i) <= at) dueAt.set(cols.ids[i]!, k);
    bits[k] = cols.reasons[i]! | (outside(i) ? hours : 0);
  }
  if (dueAt.size === 0) return bits;
  if (dueAt.size > limit) return null;
  const t0 = performance.now();
  for await (const { id, derived } of judgedByKey(db, [...dueAt.keys()], at, await getSettings(db))) {
    const k = dueAt.get(id)!;
    // A lead purged since the columns were written has no number to call: its purge is its whole answer.
    const hoursBit = !derived.reasons.includes('anonymized') && outside(rows[k]!) ? hours : 0;
    bits[k] = reasonBitsOf(derived.reasons) | hoursBit;
    index.counters.rowsJudgedForInstant++;
  }
  measureSince('engine:judged-for-instant', t0);
  return bits;
}
