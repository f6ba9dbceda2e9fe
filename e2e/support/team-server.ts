/**
 * A real team-edition server for an end-to-end test: a throwaway PostgreSQL database made, migrated
 * and dropped by the server tests' own global set-up (server/test/global-setup.ts), the API built by
 * the server's `buildApp` on the API login (row-level security applies), and one organisation.
 * The browser reaches it through a same-origin path (`/team-api/…`) that the test's context routes
 * to the server: the built app's Content-Security-Policy allows only its own origin (a deployment
 * names its team server in LEADLEDGER_API_ORIGINS).
 */
import type { BrowserContext } from '@playwright/test';
import pg from 'pg';
import setupDatabase from '../../server/test/global-setup';
import { buildApp } from '../../server/src/app';
import { createOrg, createTeam, createUser, setPassword, setTeams } from '../../server/src/admin';
import { hashPassword } from '../../server/src/auth/password';
import { withSession, type Role } from '../../server/src/db/session';
import { randomUUID } from 'node:crypto';

export const TEAM_PASSWORD = 'correct horse battery';
export const TEAM_PATH = '/team-api';

export interface TeamServer {
  url: string;
  orgId: string;
  teams: string[];
  /** A user of the organisation (e-mail) with this role and these teams. */
  addUser(role: Role, teamIds: string[]): Promise<string>;
  /** The user's password set again on the server (to `password`), which ends every session they hold. */
  setPassword(email: string, password: string): Promise<void>;
  /** The user's teams as they are to be from now (their next token refresh carries them). */
  setTeams(email: string, teamIds: string[]): Promise<void>;
  /** Every audit entry the server holds for the organisation, as JSON text (what a steward would pull). */
  auditText(): Promise<string>;
  /** How many calls and consents the server holds for the lead of this team id. */
  eventsOf(leadId: string): Promise<{ calls: number; consents: number }>;
  /** Mutations pushed by a steward of the organisation (as another device would), answered per mutation. */
  pushAsSteward(mutations: object[]): Promise<{ id: string; status: string }[]>;
  /** Route the context's `/team-api/…` to the server; `offline(true)` makes every such request fail as offline does. */
  connect(context: BrowserContext): Promise<{ offline(on: boolean): Promise<void> }>;
  stop(): Promise<void>;
}

export async function startTeamServer(
  options: { port?: number; corsOrigins?: string[]; tokenTtlSec?: number } = {},
): Promise<TeamServer> {
  const urls: Record<string, string> = {};
  const drop = await setupDatabase({ provide: (key: string, value: string) => (urls[key] = value) } as never);
  const owner = new pg.Pool({ connectionString: urls.ownerUrl, max: 2 });
  const api = new pg.Pool({ connectionString: urls.apiUrl, max: 4 });
  // An idle client's error (the database dropped at the end) is emitted on its pool: with no
  // listener, Node ends the test worker with it.
  for (const pool of [owner, api]) pool.on('error', () => {});
  const app = buildApp({
    pool: api,
    jwtSecret: 'e2e-secret-e2e-secret-e2e-secret-0123',
    tokenTtlSec: options.tokenTtlSec ?? 900,
    ...(options.corsOrigins ? { corsOrigins: options.corsOrigins } : {}),
  });
  await app.listen({ port: options.port ?? 0, host: '127.0.0.1' });
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const orgId = await createOrg(owner, 'E2E organisation');
  const teams = [await createTeam(owner, orgId, 'Team 1'), await createTeam(owner, orgId, 'Team 2')];
  const passwordHash = await hashPassword(TEAM_PASSWORD, { N: 2 ** 12, r: 8, p: 1 });
  let n = 0;
  const userIds = new Map<string, string>();
  return {
    url,
    orgId,
    teams,
    async addUser(role, teamIds) {
      const email = `${role}-${++n}@e2e.test`;
      userIds.set(email, await createUser(owner, orgId, { email, name: email, role, teamIds, passwordHash }));
      return email;
    },
    async setTeams(email, teamIds) {
      await setTeams(owner, orgId, userIds.get(email)!, teamIds);
    },
    async auditText() {
      const claims = { orgId, userId: randomUUID(), role: 'steward' as const, teamIds: [] };
      const { rows } = await withSession(owner, claims, (c) =>
        c.query<{ entry: unknown }>('SELECT entry FROM audit_entries ORDER BY org_position'),
      );
      return JSON.stringify(rows.map((r) => r.entry));
    },
    async eventsOf(leadId) {
      const claims = { orgId, userId: randomUUID(), role: 'steward' as const, teamIds: [] };
      const { rows } = await withSession(owner, claims, (c) =>
        c.query<{ calls: number; consents: number }>(
          `SELECT (SELECT count(*)::int FROM calls WHERE lead_id = $1) AS calls,
                  (SELECT count(*)::int FROM consents WHERE lead_id = $1) AS consents`,
          [leadId],
        ),
      );
      return rows[0]!;
    },
    async pushAsSteward(mutations) {
      const steward = await createUser(owner, orgId, {
        email: `steward-${++n}@e2e.test`,
        name: 'E2E steward',
        role: 'steward',
        passwordHash,
      });
      const token = app.jwt.sign({ sub: steward, org: orgId, role: 'steward', teams: [], cv: 1 });
      const res = await app.inject({
        method: 'POST',
        url: '/push',
        headers: { authorization: `Bearer ${token}` },
        payload: { deviceId: 'e2e-steward-device', mutations },
      });
      if (res.statusCode !== 200) throw new Error(`push ${res.statusCode}: ${res.body}`);
      return (res.json() as { results: { id: string; status: string }[] }).results;
    },
    async setPassword(email, password) {
      const hash = await hashPassword(password, { N: 2 ** 12, r: 8, p: 1 });
      if (!(await setPassword(owner, orgId, userIds.get(email)!, { passwordHash: hash })))
        throw new Error(`no credential for ${email}`);
    },
    async connect(context) {
      let offline = false;
      await context.route(`**${TEAM_PATH}/**`, async (route) => {
        // The app syncs in the background, so a request can be in flight when its test closes the
        // context or stops the server. Playwright reports a route handler's throw as an error outside
        // any test (one failed a CI run with every test green): a request that cannot be passed on
        // fails as a refused connection would, and one whose context is gone is let go.
        try {
          if (offline) return await route.abort('internetdisconnected');
          const path = new URL(route.request().url()).pathname.slice(TEAM_PATH.length);
          const search = new URL(route.request().url()).search;
          const response = await route.fetch({ url: `${url}${path}${search}` });
          return await route.fulfill({ response });
        } catch {
          await route.abort('connectionrefused').catch(() => {});
        }
      });
      return {
        async offline(on: boolean) {
          // A page navigated while offline is served by the service worker: wait until it controls
          // each open page (installed, the app shell precached), or a goto fails with
          // ERR_INTERNET_DISCONNECTED (seen once in CI). At most 20 s: then the test goes on as before.
          if (on)
            for (const page of context.pages().filter((p) => p.url().startsWith('http')))
              await page.evaluate(() =>
                Promise.race([
                  navigator.serviceWorker.ready.then(() =>
                    navigator.serviceWorker.controller
                      ? undefined
                      : new Promise((r) =>
                          navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }),
                        ),
                  ),
                  new Promise((r) => setTimeout(r, 20_000)),
                ]),
              );
          offline = on;
          await context.setOffline(on);
        },
      };
    },
    async stop() {
      await app.close();
      await Promise.all([owner.end(), api.end()]);
      await drop();
    },
  };
}
