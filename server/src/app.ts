/** The HTTP API: sign-in, push and pull. Every request body and query is checked with zod here. */
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import fastifyJwt from '@fastify/jwt';
import type pg from 'pg';
import { z } from 'zod';
import { ROLES, type SessionClaims } from './db/session';
import { loadClaims, signIn } from './auth/sign-in';
import { pushBodySchema } from './protocol/mutations';
import { push } from './push/push';
import { DEFAULT_PAGE, MAX_PAGE, pullJson } from './pull/pull';

export interface AppOptions {
  pool: pg.Pool;
  jwtSecret: string;
  tokenTtlSec: number;
  /** Fastify's logger: off by default; `{ level }` picks what it writes. */
  logger?: boolean | { level: string };
  /** Origins of the web app allowed to call the API from a browser (CORS); none by default. */
  corsOrigins?: readonly string[];
}

const signInSchema = z.object({ email: z.string().min(3).max(320), password: z.string().min(1).max(1024) });
const pullQuerySchema = z.object({
  cursor: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(DEFAULT_PAGE),
});
/**
 * The token's claims: short-lived, re-read from the database at each sign-in and refresh. `auth`
 * is when the password was last given (seconds): a refresh never carries a session past
 * MAX_SESSION_SEC from it. `cv` is the version of the credential the password was checked
 * against: every request is refused once the credential has another (its password set again) or
 * none (the user removed). A token without one (issued before credential versions) is refused.
 */
const claimsSchema = z.object({
  sub: z.uuid(),
  org: z.uuid(),
  role: z.enum(ROLES),
  teams: z.array(z.uuid()),
  auth: z.number().int().optional(),
  cv: z.number().int().positive(),
});
type TokenClaims = z.infer<typeof claimsSchema>;

/** A refused token, answered 401 by the error handler. */
class Unauthorized extends Error {
  readonly statusCode = 401;
}

/** A working day: after it, the password is asked again however often the token was refreshed. */
export const MAX_SESSION_SEC = 12 * 3600;

export function buildApp(options: AppOptions): FastifyInstance {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 8 * 1024 * 1024 });
  app.register(fastifyJwt, { secret: options.jwtSecret, sign: { expiresIn: options.tokenTtlSec } });

  /** The token's claims, once its signature and its shape hold. */
  const parsedToken = async (request: FastifyRequest): Promise<TokenClaims> => {
    const parsed = claimsSchema.safeParse(await request.jwtVerify());
    if (!parsed.success) throw new Unauthorized('a token of another shape: sign in again');
    return parsed.data;
  };
  /**
   * A request's session: its credential's version is checked as the session opens, in the same
   * round trip as its settings (withSession), so a push or pull pays no extra one for it.
   */
  const session = async (request: FastifyRequest): Promise<SessionClaims> => {
    const claims = await parsedToken(request);
    return {
      orgId: claims.org,
      userId: claims.sub,
      role: claims.role,
      teamIds: claims.teams,
      credentialVersion: claims.cv,
    };
  };
  /** A token lives its TTL, and never past a working day from the password (`auth`, seconds). */
  const tokenFor = (claims: SessionClaims, auth: number, cv: number) => {
    const expiresInSec = Math.min(options.tokenTtlSec, auth + MAX_SESSION_SEC - Math.floor(Date.now() / 1000));
    const payload = { sub: claims.userId, org: claims.orgId, role: claims.role, teams: claims.teamIds, auth, cv };
    return { token: app.jwt.sign(payload, { expiresIn: expiresInSec }), expiresInSec, user: claims };
  };
  const unauthorized = (reply: FastifyReply, message: string) =>
    reply.code(401).send({ error: 'unauthorized', message });

  // The app is served from its own origin: the browser may call this API from the listed origins
  // only (a preflight for the bearer token and the JSON body, then the answer names the origin).
  const origins = new Set(options.corsOrigins ?? []);
  app.addHook('onRequest', async (request, reply) => {
    const origin = request.headers.origin;
    if (!origin || !origins.has(origin)) return;
    reply.header('access-control-allow-origin', origin).header('vary', 'origin');
    if (request.method !== 'OPTIONS') return;
    return reply
      .header('access-control-allow-methods', 'GET, POST')
      .header('access-control-allow-headers', 'authorization, content-type')
      .header('access-control-max-age', '600')
      .code(204)
      .send();
  });

  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof z.ZodError) return reply.code(400).send({ error: 'invalid-request', issues: error.issues });
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status >= 500) app.log.error(error);
    const message = status >= 500 ? 'internal error' : error instanceof Error ? error.message : String(error);
    return reply.code(status).send({ error: status === 401 ? 'unauthorized' : 'error', message });
  });

  app.get('/health', async () => ({ ok: true }));

  app.post('/auth/sign-in', async (request, reply) => {
    const { email, password } = signInSchema.parse(request.body);
    const signedIn = await signIn(options.pool, email, password);
    if (!signedIn) return unauthorized(reply, 'wrong e-mail or password');
    return tokenFor(signedIn.claims, Math.floor(Date.now() / 1000), signedIn.credentialVersion);
  });

  // A token still valid is exchanged for a new one, with the role and teams as they are now (a
  // user moved to another team gets that); a long sync never stops for a sign-in. A password set
  // again or a user removed ends it (the credential's version, checked as on every request).
  app.post('/auth/refresh', async (request, reply) => {
    const old = await parsedToken(request);
    const auth = old.auth ?? 0;
    if (Date.now() / 1000 - auth > MAX_SESSION_SEC - 30) return unauthorized(reply, 'session ended: sign in again');
    return tokenFor(await loadClaims(options.pool, old.org, old.sub, old.cv), auth, old.cv);
  });

  app.post('/push', async (request) => {
    const claims = await session(request);
    const body = pushBodySchema.parse(request.body);
    const results = await push(options.pool, claims, body);
    return { results };
  });

  app.get('/pull', async (request, reply) => {
    const claims = await session(request);
    const { cursor, limit } = pullQuerySchema.parse(request.query);
    return reply.type('application/json; charset=utf-8').send(await pullJson(options.pool, claims, cursor, limit));
  });

  return app;
}
