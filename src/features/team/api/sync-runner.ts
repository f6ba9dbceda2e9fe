/**
 * One sync round, on the page (a small module driven from the app shell; the work is a few HTTP
 * requests and one transaction per batch or page, so it does not need a worker): push the outbox
 * oldest first in batches of at most 500 until it is empty (or only deferred mutations are
 * left), then pull pages after the stored cursor until there is no more (pull-loop.ts). Every
 * batch is settled and every page applied in its own transaction, so stopping anywhere (offline,
 * a reload, a server restart) loses nothing and repeats nothing the server has not already answered.
 * Rounds never overlap: a request during a round joins it, and one more round follows it.
 */
import { getDb } from '../../../db/leads-db';
import { ensureDeviceId, getTeamConfig, recordSyncOutcome, updateTeamClaims } from '../../../db/repos/sync-state-repo';
import { nextBatch, settleBatch } from '../../../db/repos/sync-outbox-repo';
import { settle } from '../../../domain/sync/push-results';
import { push, refreshToken, TeamHttpError } from './team-client';
import { pullToEnd } from './pull-loop';
import { freshToken, setTeamSession, validToken } from './team-session';

/** What went wrong, as an i18n key under `team.error.*`. */
export type SyncErrorCode = 'offline' | 'session-expired' | 'server' | 'refused';

let running: Promise<boolean> | null = null;
let failures = 0;

/** Consecutive failed rounds (for the back-off). */
export const failedRounds = () => failures;

/** Asked for while a round ran: that round may have pushed before the change that asked. */
let again = false;

/** Run a round now (or join the one running, and run one more after it). True when it completed. */
export function syncNow(): Promise<boolean> {
  if (running) {
    again = true;
    return running;
  }
  running = round().finally(() => {
    running = null;
    if (again) {
      again = false;
      void syncNow();
    }
  });
  return running;
}

function errorCode(error: unknown): SyncErrorCode {
  if (error instanceof TeamHttpError) {
    if (error.status === 0) return 'offline';
    if (error.status === 401) return 'session-expired';
    return error.status >= 500 ? 'server' : 'refused';
  }
  return 'server';
}

async function round(): Promise<boolean> {
  const db = getDb();
  const config = await getTeamConfig(db);
  if (!config?.enabled) return false;
  if (!validToken()) {
    // Expired by the clock: forget it, so Settings asks for the sign-in again.
    setTeamSession(null);
    await recordSyncOutcome(db, { at: Date.now(), error: 'session-expired' });
    return false;
  }
  const device = await ensureDeviceId(db);
  // Before each request: a token near its end is exchanged for a new one (a first sync of a large
  // organisation outlasts one), and one that ran out mid-round ends the round as a 401 would.
  const token = async (): Promise<string> => {
    const t = await freshToken(async (old) => {
      const answer = await refreshToken(config.serverUrl, old);
      await updateTeamClaims(db, answer.user);
      return answer;
    });
    if (!t) throw new TeamHttpError(401, 'session expired');
    return t;
  };
  try {
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
    await pullToEnd(db, config.serverUrl, token, device);
    failures = 0;
    await recordSyncOutcome(db, { at: Date.now() });
    return true;
  } catch (error) {
    failures++;
    const code = errorCode(error);
    if (code === 'session-expired') setTeamSession(null);
    await recordSyncOutcome(db, { at: Date.now(), error: code });
    return false;
  }
}
