/**
 * The access token, kept for this browser session only (sessionStorage: gone when the browser
 * closes; never in IndexedDB). Tokens are short-lived (15 minutes by default) and there are no
 * refresh tokens yet: an expired one asks the user to sign in again. Screens subscribe with
 * `useTeamSession`.
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
