/** Shared set-up for the server tests: pools on the run's database, an app, an organisation, mutations. */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';
import { buildApp } from '../src/app';
import { createOrg, createTeam, createUser } from '../src/admin';
import { hashPassword } from '../src/auth/password';
import type { Role, SessionClaims } from '../src/db/session';
import { formatHlc } from '../../src/domain/sync/hlc';
import type { MutationResult } from '../src/protocol/mutations';

export const JWT_SECRET = 'test-secret-test-secret-test-secret-0123';

export interface TestDb {
  owner: pg.Pool;
  api: pg.Pool;
  close(): Promise<void>;
}

export function openTestDb(): TestDb {
  const owner = new pg.Pool({ connectionString: inject('ownerUrl'), max: 2 });
  const api = new pg.Pool({ connectionString: inject('apiUrl'), max: 6 });
  return { owner, api, close: async () => void (await Promise.all([owner.end(), api.end()])) };
}

export async function testApp(db: TestDb): Promise<FastifyInstance> {
  const app = buildApp({ pool: db.api, jwtSecret: JWT_SECRET, tokenTtlSec: 900 });
  await app.ready();
  return app;
}

/**
 * Opens the run's database pools and an app before a file's tests and closes both after them;
 * `use` receives them (the file keeps its own `db` and `app`).
 */
export function withTestServer(use: (db: TestDb, app: FastifyInstance) => void): void {
  let db: TestDb | undefined;
  let app: FastifyInstance | undefined;
  beforeAll(async () => {
    db = openTestDb();
    app = await testApp(db);
    use(db, app);
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });
}

/** A token as sign-in issues it, for a user whose credential was never set again (version 1). */
export const tokenFor = (app: FastifyInstance, c: SessionClaims): string =>
  app.jwt.sign({ sub: c.userId, org: c.orgId, role: c.role, teams: [...c.teamIds], cv: 1 });

let sharedHash: Promise<string> | undefined;
/** One scrypt hash for every test user: hashing is the expensive part and not what these tests check. */
export const testPasswordHash = (): Promise<string> =>
  (sharedHash ??= hashPassword('correct horse', { N: 2 ** 12, r: 8, p: 1 }));

export async function addUser(db: TestDb, orgId: string, role: Role, teamIds: string[] = []): Promise<SessionClaims> {
  const email = `${role}-${randomUUID()}@example.test`;
  const userId = await createUser(db.owner, orgId, {
    email,
    name: email,
    role,
    teamIds,
    passwordHash: await testPasswordHash(),
  });
  return { orgId, userId, role, teamIds };
}

export interface TestOrg {
  orgId: string;
  teams: string[];
  steward: SessionClaims;
}

export async function makeOrg(db: TestDb, teamCount = 2): Promise<TestOrg> {
  const orgId = await createOrg(db.owner, `org ${randomUUID()}`);
  const teams: string[] = [];
  for (let i = 0; i < teamCount; i++) teams.push(await createTeam(db.owner, orgId, `team ${i + 1}`));
  return { orgId, teams, steward: await addUser(db, orgId, 'steward') };
}

export async function pushAs(
  app: FastifyInstance,
  token: string,
  mutations: object[],
  deviceId = 'device-1',
): Promise<MutationResult[]> {
  const res = await app.inject({
    method: 'POST',
    url: '/push',
    headers: { authorization: `Bearer ${token}` },
    payload: { deviceId, mutations },
  });
  if (res.statusCode !== 200) throw new Error(`push ${res.statusCode}: ${res.body}`);
  return (res.json() as { results: MutationResult[] }).results;
}

export interface PulledPage {
  changes: { seq: number; kind: string; data: Record<string, unknown> }[];
  cursor: number;
  more: boolean;
  scope: { role: string; teamIds: string[] };
}

export async function pullAs(app: FastifyInstance, token: string, cursor = 0, limit = 1000): Promise<PulledPage> {
  const res = await app.inject({
    method: 'GET',
    url: `/pull?cursor=${cursor}&limit=${limit}`,
    headers: { authorization: `Bearer ${token}` },
  });
  if (res.statusCode !== 200) throw new Error(`pull ${res.statusCode}: ${res.body}`);
  return res.json() as PulledPage;
}

/** Every change after `cursor`, page by page, and the cursor to go on from. */
export async function pullFrom(
  app: FastifyInstance,
  token: string,
  cursor: number,
  limit = 1000,
): Promise<{ changes: PulledPage['changes']; cursor: number }> {
  const changes: PulledPage['changes'] = [];
  for (;;) {
    const page = await pullAs(app, token, cursor, limit);
    changes.push(...page.changes);
    cursor = page.cursor;
    if (!page.more) return { changes, cursor };
  }
}

/** Every change from the start, page by page. */
export async function pullAll(app: FastifyInstance, token: string, limit = 1000): Promise<PulledPage['changes']> {
  return (await pullFrom(app, token, 0, limit)).changes;
}

export const hlc = (wall: number, node = 'dev-a', counter = 0): string => formatHlc({ wall, counter, node });

const BASE = Date.UTC(2026, 10, 1);

export function leadPut(
  leadId: string,
  teamId: string,
  fields: Record<string, unknown>,
  at: string,
  phone = '+15550100000',
) {
  const stamped: Record<string, { value: unknown; hlc: string }> = { teamId: { value: teamId, hlc: at } };
  for (const [k, v] of Object.entries(fields)) stamped[k] = { value: v, hlc: at };
  return { id: randomUUID(), type: 'lead.put', leadId, phoneE164: phone, fields: stamped };
}

export function newLeadFields(name: string): Record<string, unknown> {
  return {
    name,
    company: '',
    email: '',
    tags: [],
    sourceId: 'web',
    acquiredAt: BASE,
    acquiredAtPrecision: 'day',
    createdAt: BASE,
    updatedAt: BASE,
    entryMethod: 'manual',
    attempts: 0,
    dncStatus: 'unchecked',
  };
}

export const callAdd = (leadId: string, callId = `call-${randomUUID()}`) => ({
  id: randomUUID(),
  type: 'call.add',
  call: { id: callId, leadId, at: BASE, outcome: 'connected', durationSec: 30, agent: 'a' },
});

export const consentAdd = (leadId: string, consentId = `consent-${randomUUID()}`) => ({
  id: randomUUID(),
  type: 'consent.add',
  consent: {
    id: consentId,
    leadId,
    purpose: 'calls',
    kind: 'granted',
    basis: 'consent',
    capturedAt: BASE,
    method: 'web-form',
    proofRef: 'form-1',
    capturedBy: 'a',
  },
});

export const dncAdd = (phoneE164: string, leadId?: string) => ({
  id: randomUUID(),
  type: 'dnc.add',
  dnc: { id: `dnc-${randomUUID()}`, kind: 'request', phoneE164, leadId, at: BASE },
});
