/**
 * As time passes, the rows whose cached judgement falls due are judged again by index (their
 * leads and histories read by key, a few thousand at a time), never the whole database.
 */
import type { LeadsDb } from '../db/leads-db';
import { getSettings } from '../db/repos/settings-repo';
import { leadsByKey, worldByKey } from '../db/repos/world-by-key';
import { instantAt } from '../domain/columns/instant-column';
import { FLAG_DELETED } from '../domain/columns/lead-flags';
import { historyFlagsOf } from '../domain/compliance/compliance-world';
import { createJudge, rulesByRegion } from '../domain/compliance/judge';
import { slowDerived } from '../domain/compliance/lead-facts';
import { writeDerived } from '../domain/leads/index/lead-columns';
import { minOf, rejudgeLimit } from './grid-catch-up';
import type { GridIndex } from './grid-index';
import { measureSince } from './grid-timing';

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
  const settings = await getSettings(db);
  const rulesFor = rulesByRegion(settings);
  let changed = false;
  const ids = [...rowOf.keys()];
  for (let k = 0; k < ids.length; k += 2_000) {
    const leads = await leadsByKey(db, ids.slice(k, k + 2_000));
    const world = await worldByKey(db, leads);
    const judge = createJudge(world, settings);
    for (const lead of leads) {
      const i = rowOf.get(lead.id)!;
      if (writeDerived(cols, i, slowDerived(judge(lead, now), historyFlagsOf(world, lead.id)))) changed = true;
    }
    index.counters.rowsRejudged += leads.length;
  }
  index.rulesFor = rulesFor;
  index.nextDue = minOf(cols.nextChange, cols.flags);
  return changed ? 'changed' : 'same';
}
