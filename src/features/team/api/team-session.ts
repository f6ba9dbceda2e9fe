/**
 * The access token, kept for this browser session only (sessionStorage: gone when the browser
 * closes; never in IndexedDB). Tokens are short-lived (15 minutes by default); the sync round
 * exchanges one for a new one before it runs out (`freshToken`), so a long first sync or a day of
 * work never stops for a sign-in, up to the server's limit of a working day from the password. An
 * expired one asks the user to sign in again. Screens subscribe with `useTeamSession`.
 */
import { useSyncExternalStore } from 'react';

const KEY = 'leadledger.team-session';

export interface TeamSession {
  token: string;
  expiresAt: number;
}

const listeners = new Set<() => void>();
let cached: { raw: string | null; session: TeamSession | null } = { raw: null, session: null };

function read(): TeamSession | null {
  const raw = globalThis.sessionStorage?.getItem(KEY) ?? null;
  if (raw === cached.raw) return cached.session;
  cached = { raw, session: parse(raw) };
  return cached.session;
}

function parse(raw: string | null): TeamSession | null {
  try {
    return raw ? (JSON.parse(raw) as TeamSession) : null;
  } catch {
    return null;
  }
}

export function setTeamSession(session: TeamSession | null): void {
  if (session) globalThis.sessionStorage?.setItem(KEY, JSON.stringify(session));
  else globalThis.sessionStorage?.removeItem(KEY);
  for (const l of listeners) l();
}

/** The token while it is valid (with a margin of 10 s), else null. */
export function validToken(now = Date.now()): string | null {
  const s = read();
  return s && s.expiresAt - 10_000 > now ? s.token : null;
}

/** A token with less than this left is exchanged for a new one before the next request. */
export const REFRESH_BEFORE_MS = 5 * 60_000;

/**
 * The token for the next request: the one held, or a new one from `refresh` when it has less than
 * REFRESH_BEFORE_MS left (kept for the session, unless the session changed meanwhile: a sign-out
 * or another sign-in is not undone); null once it has expired. A refused refresh (401: the session
 * ended on the server) throws; any other failure keeps the token held while it is valid.
 */
export async function freshToken(
  refresh: (token: string) => Promise<{ token: string; expiresInSec: number }>,
  now = Date.now(),
): Promise<string | null> {
  const token = validToken(now);
  if (!token) return null;
  if (read()!.expiresAt - now > REFRESH_BEFORE_MS) return token;
  let answer: { token: string; expiresInSec: number };
  try {
    answer = await refresh(token);
  } catch (error) {
    if ((error as { status?: number }).status === 401) throw error;
    return token;
  }
  if (read()?.token !== token) return validToken();
  setTeamSession({ token: answer.token, expiresAt: now + answer.expiresInSec * 1000 });
  return answer.token;
}

export function useTeamSession(): TeamSession | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    read,
    () => null,
  );
}
