/**
 * When sync rounds run, on the page (a small module driven from the app shell); each round itself
 * runs in the sync worker (sync-round.ts), which asks the page for the token before each request.
 * Rounds never overlap: a request during a round joins it, and one more round follows it.
 */
import { getDb } from '../../../db/leads-db';
import { getTeamConfig, recordSyncOutcome, updateTeamClaims } from '../../../db/repos/sync-state-repo';
import { refreshToken, TeamHttpError } from './team-client';
import { freshToken, setTeamSession, validToken } from './team-session';
import { roundInWorker } from './sync-worker';

export type { SyncErrorCode } from './sync-round';

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
  // Before each request: a token near its end is exchanged for a new one (a first sync of a large
  // organisation outlasts one); null once it ran out mid-round or the server ended the session.
  const token = async (): Promise<string | null> => {
    try {
      return await freshToken(async (old) => {
        const answer = await refreshToken(config.serverUrl, old);
        await updateTeamClaims(db, answer.user);
        return answer;
      });
    } catch (error) {
      if (error instanceof TeamHttpError && error.status === 401) return null;
      throw error;
    }
  };
  let outcome;
  try {
    outcome = await roundInWorker(token);
  } catch {
    // The worker itself failed: a server-side kind of failure to the user, retried with back-off.
    outcome = { ok: false as const, error: 'server' as const };
    await recordSyncOutcome(db, { at: Date.now(), error: outcome.error });
  }
  if (!outcome) return false;
  if (outcome.ok) {
    failures = 0;
    return true;
  }
  failures++;
  if (outcome.error === 'session-expired') setTeamSession(null);
  return false;
}
