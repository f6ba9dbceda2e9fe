/**
 * The DNC entries a full build matched to the leads' numbers, kept by the engine between builds
 * and stored beside its snapshot. Most rebuilds move every verdict without moving a single
 * entry (a scrub, a settings or list change): those reuse the matches and look up only the
 * numbers of leads written since, instead of scanning every list's keys again (millions of them
 * against a national list). Valid only while the change log, followed from the version they were
 * read at, names no DNC entry write; dropped with the snapshot (an erasure, a purge), and never
 * stored or loaded again if read before it (the erasure token).
 */
import type { DncEntry } from '../../domain/compliance/dnc-list';
import type { LeadsDb } from '../leads-db';
import type { KnownDncMatches } from './compliance-world-repo';
import { DNC_MATCHES_KEY as MATCHES_KEY, sinceLastErasure } from './engine-snapshot-repo';
import { changesSince } from './change-log-repo';

export interface DncMatches {
  /** The data version the entries were read at (or before). */
  dataVersion: string;
  entries: readonly DncEntry[];
  /** The erasure token read before the entries were (ERASURE_EPOCH_KEY; null before any erasure). */
  epoch: string | null;
}

/**
 * What a build may reuse of `kept`: its entries, with the leads written since (whose numbers are
 * looked up again). Nothing when an entry may have been written since (the log names a DNC entry
 * write, or a row of unknown table) or the log does not reach back to `kept`.
 */
export async function reusableMatches(db: LeadsDb, kept: DncMatches | null): Promise<KnownDncMatches | undefined> {
  if (!kept) return undefined;
  const since = await changesSince(db, kept.dataVersion);
  if (since === 'unreachable' || since.tables.has('dncEntries') || since.tables.has('?')) return undefined;
  return { entries: kept.entries, changed: since.leadIds };
}

/** Store the matches, unless they no longer hold (then a stored older copy is removed too). Best effort: a cache. */
export async function saveDncMatches(db: LeadsDb, matches: DncMatches): Promise<void> {
  try {
    await db.transaction('rw', [db.engine, db.changes], async () => {
      // Checked in the write's own transaction: an erasure that dropped the cache since is never undone.
      if ((await reusableMatches(db, matches)) && (await sinceLastErasure(db, matches.epoch)))
        await db.engine.put({ key: MATCHES_KEY, ...matches });
      else await db.engine.delete(MATCHES_KEY);
    });
  } catch {
    // A full disk or a closing tab: the next rebuild scans the lists, nothing else.
  }
}

/** The stored matches, if any. */
export async function loadDncMatches(db: LeadsDb): Promise<DncMatches | null> {
  const row = await db.engine.get(MATCHES_KEY);
  if (!row || typeof row.dataVersion !== 'string' || !Array.isArray(row.entries)) return null;
  // Stored before an erasure or a purge (a race with its drop): it may name a number taken off.
  return (await sinceLastErasure(db, row.epoch))
    ? {
        dataVersion: row.dataVersion,
        entries: row.entries as DncEntry[],
        epoch: (row.epoch as string | undefined) ?? null,
      }
    : null;
}

/**
 * The engine's matches: the last kept (or, before any, the stored ones); `known` is what a build
 * may reuse of them now, `keep` replaces them after a full build and stores them.
 */
export function dncMatchesKeeper(db: LeadsDb): {
  known: () => Promise<KnownDncMatches | undefined>;
  keep: (matches: DncMatches) => void;
} {
  let kept: DncMatches | null = null;
  return {
    known: async () => reusableMatches(db, (kept ??= await loadDncMatches(db))),
    keep: (matches) => {
      kept = matches;
      void saveDncMatches(db, matches);
    },
  };
}
