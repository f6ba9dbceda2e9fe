/**
 * One sync round over a database, run by the sync worker (workers/sync.worker.ts), off the page: a
 * first sync of a large organisation writes pages of a thousand changes for minutes, and each
 * page's clone and writes took the page's thread 130–200 ms at a time. Push the outbox oldest
 * first in batches of at most 500 until it is empty (or only deferred mutations are left), then
 * pull pages after the stored cursor until there is no more (pull-loop.ts). Every batch is
 * settled and every page applied in its own transaction, so stopping anywhere (offline, a reload,
 * a server restart) loses nothing and repeats nothing the server has not already answered.
 *
 * The token stays with the page (sessionStorage, which a worker cannot read): `token` is asked
 * before each request and answers null once the session has ended. The outcome is an answer, not
 * a thrown error: an error's fields (an HTTP status) do not cross to the page.
 */
import type { LeadsDb } from '../../../db/leads-db';
import { ensureDeviceId, getTeamConfig, recordSyncOutcome } from '../../../db/repos/sync-state-repo';
import { nextBatch, settleBatch } from '../../../db/repos/sync-outbox-repo';
import { settle } from '../../../domain/sync/push-results';
import { push, TeamHttpError } from './team-client';
import { pullToEnd } from './pull-loop';
import { forgetPulledErasures } from '../../../db/repos/pulled-erasure-repo';

/** What went wrong, as an i18n key under `team.error.*`. */
export type SyncErrorCode = 'offline' | 'session-expired' | 'server' | 'refused';

export type RoundOutcome = { ok: true } | { ok: false; error: SyncErrorCode };

/** The token for the next request, or null once the session has ended (asked of the page). */
export type TokenSource = () => Promise<string | null>;

export interface SyncApi {
  /** One round, recorded as the last sync's outcome; a round with team mode off does nothing (not ok, no error recorded). */
  round(token: TokenSource): Promise<RoundOutcome | null>;
}

export function errorCode(error: unknown): SyncErrorCode {
  if (error instanceof TeamHttpError) {
    if (error.status === 0) return 'offline';
    if (error.status === 401) return 'session-expired';
    return error.status >= 500 ? 'server' : 'refused';
  }
  return 'server';
}

/** How long a round waits for another tab's round over the same database before it gives way. */
const ROUND_LOCK_WAIT_MS = 30_000;

/**
 * `run` while holding the database's sync lock (a Web Lock, shared by every tab and worker of the
 * origin): two tabs' rounds over one replica would each move its one cursor. A round that waited
 * longer than `waitMs` gives way (null: nothing done); a runtime without Web Locks runs it, told
 * that it is not alone (`exclusive` false).
 */
export async function underRoundLock<T>(
  dbName: string,
  run: (exclusive: boolean) => Promise<T>,
  locks: LockManager | undefined = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks,
  waitMs = ROUND_LOCK_WAIT_MS,
): Promise<T | null> {
  if (!locks) return run(false);
  try {
    return await locks.request(`leadledger-sync-round:${dbName}`, { signal: AbortSignal.timeout(waitMs) }, () =>
      run(true),
    );
  } catch (error) {
    if (error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError')) return null;
    throw error;
  }
}

export function createSyncApi(db: LeadsDb): SyncApi {
  return {
    round: (tokenSource) => underRoundLock(db.name, (exclusive) => oneRound(db, tokenSource, exclusive)),
  };
}

async function oneRound(db: LeadsDb, tokenSource: TokenSource, exclusive: boolean): Promise<RoundOutcome | null> {
  const token = async (): Promise<string> => {
    const t = await tokenSource();
    if (!t) throw new TeamHttpError(401, 'session expired');
    return t;
  };
  try {
    const config = await getTeamConfig(db);
    if (!config?.enabled) return null;
    const device = await ensureDeviceId(db);
    for (;;) {
      const batch = await nextBatch(db);
      if (batch.length === 0) break;
      const results = await push(
        config.serverUrl,
        await token(),
        device,
        batch.map((r) => r.mutation),
      );
      const settled = settle(
        batch.map((r) => r.mutation.id),
        results,
      );
      await settleBatch(db, batch, settled);
      if (settled.acknowledged.length === 0) break;
    }
    // A person erased on another device: what else this device holds of them goes too (its audit
    // details, other records; the `forget` entry it writes is pushed at the next round), after each
    // page that erased someone, and first what a round that stopped before it left. The pull follows
    // the scope each page says (pull-loop.ts); the config's is for a server that does not say.
    await forgetPulledErasures(db);
    await pullToEnd(
      db,
      config.serverUrl,
      token,
      device,
      config,
      async (page) => {
        if (page.changes.some((c) => c.kind === 'removal' && c.data.reason === 'erase')) await forgetPulledErasures(db);
      },
      { exclusive },
    );
    await recordSyncOutcome(db, { at: Date.now() });
    return { ok: true };
  } catch (error) {
    const code = errorCode(error);
    // The database itself may be what failed: the outcome is answered either way.
    await recordSyncOutcome(db, { at: Date.now(), error: code }).catch(() => undefined);
    return { ok: false, error: code };
  }
}
