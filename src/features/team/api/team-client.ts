/**
 * The team server's HTTP API (docs/team-edition.md, "API"): sign-in, push, pull. Answers are
 * checked with zod. A refused or expired token is a `TeamHttpError` with status 401; no answer at
 * all (offline, server down) is a `TeamHttpError` with status 0.
 */
import { z } from 'zod';
import type { SyncMutation } from '../../../domain/sync/mutation';
import type { PushResult } from '../../../domain/sync/push-results';

export class TeamHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const signInAnswer = z.object({
  token: z.string(),
  expiresInSec: z.number(),
  user: z.object({ orgId: z.string(), userId: z.string(), role: z.string(), teamIds: z.array(z.string()) }),
});
export type SignInAnswer = z.infer<typeof signInAnswer>;

const pushAnswer = z.object({
  results: z.array(
    z
      .object({ id: z.string(), status: z.enum(['applied', 'quarantined', 'deferred']) })
      .loose()
      .transform((r) => r as PushResult),
  ),
});

const pullAnswer = z.object({
  changes: z.array(z.object({ seq: z.number(), kind: z.string(), data: z.record(z.string(), z.unknown()) })),
  cursor: z.number(),
  more: z.boolean(),
  /** The role and teams the page was read under (a server before session 34 does not say). */
  scope: z.object({ role: z.string(), teamIds: z.array(z.string()) }).optional(),
});
export type PullAnswer = z.infer<typeof pullAnswer>;

/** The server's address without a trailing slash. */
export const serverBase = (url: string) => url.trim().replace(/\/+$/, '');

/** How long one request may take, answer included (a page of 5,000 changes takes about a second). */
const REQUEST_TIMEOUT_MS = 60_000;

async function call<T>(url: string, init: RequestInit, schema: z.ZodType<T>): Promise<T> {
  let res: Response;
  try {
    // A JSON content type only with a body: the server refuses an empty body that claims to be JSON.
    const headers = new Headers(init.headers);
    if (init.body !== undefined) headers.set('content-type', 'application/json');
    // A request that hangs (a server stuck, a proxy holding the connection) fails as offline does:
    // a round holds the replica's sync lock, which every tab's rounds wait for (sync-round.ts).
    res = await fetch(url, { ...init, headers, signal: init.signal ?? AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  } catch (error) {
    throw new TeamHttpError(0, error instanceof Error ? error.message : String(error));
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { message?: string };
    throw new TeamHttpError(res.status, body.message ?? res.statusText);
  }
  return schema.parse(await res.json());
}

export function signIn(serverUrl: string, email: string, password: string): Promise<SignInAnswer> {
  return call(
    `${serverBase(serverUrl)}/auth/sign-in`,
    { method: 'POST', body: JSON.stringify({ email, password }) },
    signInAnswer,
  );
}

/** A token still valid exchanged for a new one (role and teams as the server holds them now). */
export function refreshToken(serverUrl: string, token: string): Promise<SignInAnswer> {
  return call(
    `${serverBase(serverUrl)}/auth/refresh`,
    { method: 'POST', headers: { authorization: `Bearer ${token}` } },
    signInAnswer,
  );
}

export async function push(
  serverUrl: string,
  token: string,
  deviceId: string,
  mutations: SyncMutation[],
): Promise<PushResult[]> {
  const answer = await call(
    `${serverBase(serverUrl)}/push`,
    { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: JSON.stringify({ deviceId, mutations }) },
    pushAnswer,
  );
  return answer.results;
}

export function pull(serverUrl: string, token: string, cursor: number, limit: number): Promise<PullAnswer> {
  return call(
    `${serverBase(serverUrl)}/pull?cursor=${cursor}&limit=${limit}`,
    { method: 'GET', headers: { authorization: `Bearer ${token}` } },
    pullAnswer,
  );
}
