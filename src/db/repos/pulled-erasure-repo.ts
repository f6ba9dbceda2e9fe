/**
 * People erased on another device of the team: a pulled removal whose reason is `erase` removes
 * the lead and its history in the page's transaction, and keeps the lead as held under
 * `erased:<id>` in `syncState` (sync-pull-leads.ts). This step, run after each page, erases what
 * else this device holds of each of them (forgetErasedElsewhere: its audit details, other records,
 * a suppression), and drops the kept lead in the same transaction. A tab closed between the two
 * leaves the kept lead for the next round's pages: nothing of the person stays behind for good.
 */
import type { LeadsDb } from '../leads-db';
import { ERASED_PREFIX, type ErasedHere } from './sync-pull-leads';
import type { FormerValues } from '../../domain/privacy/person-match';
import { forgetErasedElsewhere } from './forget-person-repo';
import { strictTransaction } from '../durability';

/**
 * Erases the traces of every person the pull erased; answers how many. One that fails (a value
 * this code cannot read) is logged and left kept for the next round: it never stops a round.
 */
export async function forgetPulledErasures(db: LeadsDb, now = Date.now()): Promise<number> {
  const kept = await db.syncState.where('key').startsWith(ERASED_PREFIX).toArray();
  let done = 0;
  for (const row of kept) {
    const { lead, former, syncId } = row.value as ErasedHere;
    try {
      await strictTransaction(db, 'rw', db.tables, async () => {
        // forgetErasedElsewhere's own transaction is this one (nested, the same tables).
        await forgetErasedElsewhere(db, lead, now, { former: former as FormerValues[], syncId });
        await db.syncState.delete(row.key);
      });
      done++;
    } catch (error) {
      console.error(`LeadLedger: the traces of lead ${lead?.id} erased on another device are kept for later`, error);
    }
  }
  return done;
}
