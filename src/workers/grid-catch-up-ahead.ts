/**
 * The catch-up's reads started while the snapshot is still being read: once the snapshot's head
 * says which data version it holds, the change log since then and the leads it names are read
 * beside the chunks (a bulk edit of 10k leads at a million: about 600 ms of reads that no longer
 * follow the snapshot's). Only reads: the catch-up decides with them what it would have decided
 * with its own (catchUp in grid-catch-up.ts).
 */
import Dexie from 'dexie';
import type { LeadsDb } from '../db/leads-db';
import { changesSince, readDataVersion } from '../db/repos/engine-snapshot-repo';
import { leadsByKey } from '../db/repos/world-by-key';
import type { Lead } from '../domain/leads/lead';
import { timed } from './grid-timing';

export interface CatchUpAhead {
  /** The data version the snapshot holds: the log was followed from it. */
  since: string;
  logged: Awaited<ReturnType<typeof changesSince>>;
  /** The leads the log names, by id (missing ones are deleted); null when they were too many to read ahead. */
  leads: Map<number, Lead> | null;
}

/**
 * The change log since `since` and the leads it names (up to `limit` of them), read outside the
 * caller's transaction; null when the data are still at `since` (nothing to catch up).
 */
export function readAhead(db: LeadsDb, since: string | null, limit: number): Promise<CatchUpAhead | null> {
  return Dexie.ignoreTransaction(() =>
    timed('engine:open:read-ahead', async () => {
      if (since === null || (await readDataVersion(db)) === since) return null;
      const logged = await changesSince(db, since);
      if (logged === 'unreachable' || logged.full || logged.leadIds.size > limit) return { since, logged, leads: null };
      const leads = await leadsByKey(
        db,
        [...logged.leadIds].sort((a, b) => a - b),
      );
      return { since, logged, leads: new Map(leads.map((l) => [l.id, l])) };
    }),
  );
}
