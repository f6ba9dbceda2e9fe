/**
 * The filter of sync ids a replica may hold (domain/sync/held-filter.ts), for a large pull: built
 * from the `syncIds` rows and the events waiting for their leads when the pull begins, and given
 * each page's ids once the page is applied. It is sound only while nothing else adds a sync id
 * that this pull can bring: the round's Web Lock keeps other tabs' rounds out (sync-round.ts), and
 * an id minted here after the filter was built is still in the outbox, not on the server, so no
 * page of this pull names it. A page applied one change at a time writes its leads before its
 * events are looked up, so it is not given the filter (sync-pull-repo.ts).
 */
import type { LeadsDb } from '../leads-db';
import { HeldFilter } from '../../domain/sync/held-filter';
import type { SyncedTable } from '../../domain/sync/sync-rows';
import { ORPHANS, type PulledChange, type PulledPage } from './sync-pull-repo';

/**
 * Up to this many sync id rows are read into a filter. A replica holding more is not a fresh one:
 * the ids a pull brings are mostly held already, and each would be asked of the index anyway.
 */
export const HELD_FILTER_MAX_ROWS = 50_000;

/**
 * A filter of every sync id row this replica holds, and of the events waiting for their leads
 * (written, with their sync ids, when the lead arrives); null when it holds more than `maxRows`.
 */
export async function heldFilterOf(db: LeadsDb, maxRows = HELD_FILTER_MAX_ROWS): Promise<HeldFilter | null> {
  const [keys, waiting] = await db.transaction('r', db.syncIds, db.syncState, () =>
    Promise.all([
      db.syncIds
        .orderBy('[table+syncId]')
        .limit(maxRows + 1)
        .keys() as unknown as Promise<[SyncedTable, string][]>,
      db.syncState.get(ORPHANS),
    ]),
  );
  if (keys.length > maxRows) return null;
  const filter = new HeldFilter();
  for (const [table, syncId] of keys) filter.add(table, String(syncId));
  noteHeld(filter, { changes: (waiting?.value as PulledChange[] | undefined) ?? [] });
  return filter;
}

const TABLE_OF: Readonly<Record<string, SyncedTable>> = { lead: 'leads', call: 'calls', consent: 'consents' };

/** The sync ids a page applied may have added: its leads', calls' and consents' (more is harmless: a "maybe"). */
export function noteHeld(filter: HeldFilter, page: Pick<PulledPage, 'changes'>): void {
  for (const c of page.changes) {
    const table = TABLE_OF[c.kind];
    if (table) filter.add(table, String(c.data.id));
  }
}
