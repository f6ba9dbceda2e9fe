/**
 * The filter of sync ids a replica may hold (domain/sync/held-filter.ts), for a large pull: built
 * from the `syncIds` rows and the events waiting for their leads when the pull begins, and given
 * each page's ids once the page is applied. It is sound only while nothing else adds a sync id
 * that this pull can bring:
 * - the round's Web Lock keeps other tabs' rounds out (sync-round.ts);
 * - an id minted here after the filter was built is still in the outbox, not on the server, so no
 *   page of this pull names it;
 * - a restore replaces every table, `syncState` with it: the mark written with the filter is gone,
 *   and the next page is refused (`PullRaced`) and the filter built again (pull-loop.ts);
 * - a page applied one change at a time writes its leads before its events are looked up, so it
 *   is not given the filter (sync-pull-repo.ts).
 */
import type { LeadsDb } from '../leads-db';
import { HeldFilter } from '../../domain/sync/held-filter';
import { SYNC_KEYS, type SyncedTable } from '../../domain/sync/sync-rows';
import { ORPHANS, type PulledChange, type PulledPage } from './sync-pull-repo';

/** A filter of held sync ids, and the mark stored with it in `syncState` (a page checks it is still there). */
export interface HeldIds {
  filter: HeldFilter;
  mark: string;
}

/**
 * Up to this many sync id rows are read into a filter. A replica holding more is not a fresh one:
 * the ids a pull brings are mostly held already, and each would be asked of the index anyway.
 */
export const HELD_FILTER_MAX_ROWS = 50_000;

/**
 * A filter of every sync id row this replica holds, and of the events waiting for their leads
 * (written, with their sync ids, when the lead arrives), with its mark stored in the same
 * transaction; null when the replica holds more than `maxRows`.
 */
export async function heldFilterOf(db: LeadsDb, maxRows = HELD_FILTER_MAX_ROWS): Promise<HeldIds | null> {
  return db.transaction('rw', db.syncIds, db.syncState, async () => {
    const [keys, waiting] = await Promise.all([
      db.syncIds
        .orderBy('[table+syncId]')
        .limit(maxRows + 1)
        .keys() as unknown as Promise<[SyncedTable, string][]>,
      db.syncState.get(ORPHANS),
    ]);
    if (keys.length > maxRows) return null;
    const held: HeldIds = { filter: new HeldFilter(), mark: crypto.randomUUID() };
    for (const [table, syncId] of keys) held.filter.add(table, String(syncId));
    noteHeld(held, { changes: (waiting?.value as PulledChange[] | undefined) ?? [] });
    await db.syncState.put({ key: SYNC_KEYS.heldMark, value: held.mark });
    return held;
  });
}

const TABLE_OF: Readonly<Record<string, SyncedTable>> = { lead: 'leads', call: 'calls', consent: 'consents' };

/** The sync ids a page applied may have added: its leads', calls' and consents' (more is harmless: a "maybe"). */
export function noteHeld(held: HeldIds, page: Pick<PulledPage, 'changes'>): void {
  for (const c of page.changes) {
    const table = TABLE_OF[c.kind];
    if (table) held.filter.add(table, String(c.data.id));
  }
}
