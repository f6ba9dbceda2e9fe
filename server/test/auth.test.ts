/** Sign-in: scrypt-hashed passwords, a short-lived token carrying role and teams, nothing for a wrong password. */
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { createUser, removeCredential, setPassword } from '../src/admin';
import { hashPassword, verifyPassword } from '../src/auth/password';
import { createHmac, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { refreshToken } from '../../src/features/team/api/team-client';
import { JWT_SECRET, callAdd, makeOrg, testApp, type TestDb, withTestServer } from './helpers';

const b64url = (data: string | Buffer): string => Buffer.from(data).toString('base64url');
function hs256(payload: object, secret: string): string {
  const body = `${b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${b64url(JSON.stringify(payload))}`;
  return `${body}.${b64url(createHmac('sha256', secret).update(body).digest())}`;
}

let db: TestDb;
let app: FastifyInstance;
withTestServer((d, a) => {
  db = d;
  app = a;
});

describe('passwords', () => {
  it('hash with a per-user salt and verify only the right password', async () => {
    const a = await hashPassword('s3cret', { N: 2 ** 12, r: 8, p: 1 });
    const b = await hashPassword('s3cret', { N: 2 ** 12, r: 8, p: 1 });
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$4096\$8\$1\$/);
    expect(await verifyPassword('s3cret', a)).toBe(true);
    expect(await verifyPassword('s3cret!', a)).toBe(false);
  });
});

describe('sign-in', () => {
  it('returns a token whose claims open a session; a wrong password or unknown e-mail gets 401', async () => {
    const org = await makeOrg(db);
    const email = `lead-${crypto.randomUUID()}@example.test`;
    await createUser(db.owner, org.orgId, {
      email,
      name: 'Lee',
      role: 'team_lead',
      teamIds: [org.teams[1]!],
      // Cheaper parameters than the default (they are stored with the hash, and verify reads them).
      passwordHash: await hashPassword('correct horse battery', { N: 2 ** 12, r: 8, p: 1 }),
    });
    const ok = await app.inject({
      method: 'POST',
      url: '/auth/sign-in',
      payload: { email: email.toUpperCase(), password: 'correct horse battery' },
    });
    expect(ok.statusCode).toBe(200);
    const body = ok.json() as { token: string; expiresInSec: number; user: { role: string; teamIds: string[] } };
    expect(body.user).toMatchObject({ role: 'team_lead', teamIds: [org.teams[1]] });
    expect(body.expiresInSec).toBe(900);
    const claims = app.jwt.decode<{ exp: number; iat: number; auth: number; teams: string[] }>(body.token)!;
    expect(claims.exp - claims.iat).toBe(900);
    expect(claims.auth).toBe(claims.iat);
    const pulled = await app.inject({
      method: 'GET',
      url: '/pull',
      headers: { authorization: `Bearer ${body.token}` },
    });
    expect(pulled.statusCode).toBe(200);

    for (const payload of [
      { email, password: 'wrong' },
      { email: 'nobody@example.test', password: 'correct horse battery' },
    ]) {
      const res = await app.inject({ method: 'POST', url: '/auth/sign-in', payload });
      expect(res.statusCode).toBe(401);
      expect(res.json()).not.toHaveProperty('token');
    }
  });

  it('refuses an expired token', async () => {
    const org = await makeOrg(db);
    const now = Math.floor(Date.now() / 1000);
    const claims = { sub: org.steward.userId, org: org.orgId, role: 'steward', teams: [], cv: 1 };
    const fresh = hs256({ ...claims, iat: now }, JWT_SECRET);
    const control = await app.inject({ method: 'GET', url: '/pull', headers: { authorization: `Bearer ${fresh}` } });
    expect(control.statusCode).toBe(200);
    const token = hs256({ ...claims, iat: now - 960, exp: now - 60 }, JWT_SECRET);
    const res = await app.inject({ method: 'GET', url: '/pull', headers: { authorization: `Bearer ${token}` } });
    expect(res.statusCode).toBe(401);
  });
});

describe('refresh', () => {
  const refresh = (token: string) =>
    app.inject({ method: 'POST', url: '/auth/refresh', headers: { authorization: `Bearer ${token}` } });

  it('exchanges a valid token for a new one with the role and teams as they are now, keeping when the password was given', async () => {
    const org = await makeOrg(db);
    const now = Math.floor(Date.now() / 1000);
    const auth = now - 3600;
    // Signed while the user was a member of team 1 only; the database now says teams 1 and 2.
    const userId = await createUser(db.owner, org.orgId, {
      email: `agent-${crypto.randomUUID()}@example.test`,
      name: 'Ann',
      role: 'agent',
      teamIds: org.teams,
      passwordHash: await hashPassword('x', { N: 2 ** 12, r: 8, p: 1 }),
    });
    const old = hs256(
      {
        sub: userId,
        org: org.orgId,
        role: 'agent',
        teams: [org.teams[0]],
        auth,
        cv: 1,
        iat: now - 600,
        exp: now + 300,
      },
      JWT_SECRET,
    );
    const res = await refresh(old);
    expect(res.statusCode).toBe(200);
    const body = res.json() as { token: string; expiresInSec: number; user: { teamIds: string[] } };
    expect(body.expiresInSec).toBe(900);
    expect([...body.user.teamIds].sort()).toEqual([...org.teams].sort());
    const claims = app.jwt.decode<{ exp: number; auth: number; teams: string[] }>(body.token)!;
    expect(claims.auth).toBe(auth);
    expect(claims.exp).toBeGreaterThan(now + 800);
    const pulled = await app.inject({
      method: 'GET',
      url: '/pull',
      headers: { authorization: `Bearer ${body.token}` },
    });
    expect(pulled.statusCode).toBe(200);
  });

  it('answers the browser client’s own refresh request over HTTP, and never lives past a working day from the password', async () => {
    const org = await makeOrg(db);
    const listening = await testApp(db);
    await listening.listen({ port: 0, host: '127.0.0.1' });
    try {
      const url = `http://127.0.0.1:${(listening.server.address() as AddressInfo).port}`;
      const now = Math.floor(Date.now() / 1000);
      const claims = { sub: org.steward.userId, org: org.orgId, role: 'steward', teams: [], cv: 1 };
      const answer = await refreshToken(
        url,
        hs256({ ...claims, auth: now - 60, iat: now, exp: now + 120 }, JWT_SECRET),
      );
      expect(answer).toMatchObject({ expiresInSec: 900, user: { userId: org.steward.userId, role: 'steward' } });
      // Ten minutes left of the working day: the new token lives ten minutes, not fifteen.
      const late = await refreshToken(
        url,
        hs256({ ...claims, auth: now - 12 * 3600 + 600, iat: now, exp: now + 120 }, JWT_SECRET),
      );
      // The server counts from its own clock: a second may have turned since `now` was read.
      const after = Math.floor(Date.now() / 1000);
      expect(late.expiresInSec).toBeLessThanOrEqual(600);
      expect(late.expiresInSec).toBeGreaterThanOrEqual(600 - (after - now));
      const decoded = listening.jwt.decode<{ exp: number; iat: number }>(late.token)!;
      expect(decoded.exp - decoded.iat).toBe(late.expiresInSec);
    } finally {
      await listening.close();
    }
  });

  it('refuses an expired token, a session older than a working day, a token of no user, and no token', async () => {
    const org = await makeOrg(db);
    const now = Math.floor(Date.now() / 1000);
    const claims = { sub: org.steward.userId, org: org.orgId, role: 'steward', teams: [], cv: 1 };
    const control = await refresh(hs256({ ...claims, auth: now - 60, iat: now, exp: now + 900 }, JWT_SECRET));
    expect(control.statusCode).toBe(200);
    for (const token of [
      hs256({ ...claims, auth: now - 960, iat: now - 960, exp: now - 60 }, JWT_SECRET),
      hs256({ ...claims, auth: now - 12 * 3600 - 60, iat: now, exp: now + 900 }, JWT_SECRET),
      // A token from before refreshes existed carries no sign-in time: it cannot be refreshed.
      hs256({ ...claims, iat: now, exp: now + 900 }, JWT_SECRET),
      hs256({ ...claims, sub: crypto.randomUUID(), auth: now, iat: now, exp: now + 900 }, JWT_SECRET),
    ]) {
      const res = await refresh(token);
      expect(res.statusCode).toBe(401);
      expect(res.json()).not.toHaveProperty('token');
    }
    expect((await app.inject({ method: 'POST', url: '/auth/refresh' })).statusCode).toBe(401);
  });
});

describe('a password set again, or a user removed', () => {
  const get = (token: string) =>
    app.inject({ method: 'GET', url: '/pull', headers: { authorization: `Bearer ${token}` } });
  const refresh = (token: string) =>
    app.inject({ method: 'POST', url: '/auth/refresh', headers: { authorization: `Bearer ${token}` } });
  const signIn = (email: string, password: string) =>
    app.inject({ method: 'POST', url: '/auth/sign-in', payload: { email, password } });
  const cheap = (password: string) => hashPassword(password, { N: 2 ** 12, r: 8, p: 1 });

  async function signedInAgent(org: { orgId: string; teams: string[] }) {
    const email = `agent-${crypto.randomUUID()}@example.test`;
    const userId = await createUser(db.owner, org.orgId, {
      email,
      name: 'Ann',
      role: 'agent',
      teamIds: [org.teams[0]!],
      passwordHash: await cheap('first password'),
    });
    const res = await signIn(email, 'first password');
    expect(res.statusCode).toBe(200);
    return { email, userId, token: (res.json() as { token: string }).token };
  }

  it('ends every session issued before: pull, push and refresh answer 401; the new password signs in', async () => {
    const org = await makeOrg(db);
    const { email, userId, token } = await signedInAgent(org);
    const other = await signedInAgent(org);
    // Anti-vacuity: before the change the token works everywhere.
    expect((await get(token)).statusCode).toBe(200);
    expect((await refresh(token)).statusCode).toBe(200);
    expect(app.jwt.decode<{ cv: number }>(token)!.cv).toBe(1);

    expect(await setPassword(db.owner, org.orgId, userId, { passwordHash: await cheap('second password') })).toBe(true);
    for (const res of [
      await get(token),
      await refresh(token),
      await app.inject({
        method: 'POST',
        url: '/push',
        headers: { authorization: `Bearer ${token}` },
        payload: { deviceId: 'device-1', mutations: [callAdd('lead-after-password')] },
      }),
    ]) {
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ error: 'unauthorized', message: 'session ended: sign in again' });
    }
    expect((await signIn(email, 'first password')).statusCode).toBe(401);
    const again = await signIn(email, 'second password');
    expect(again.statusCode).toBe(200);
    const fresh = (again.json() as { token: string }).token;
    expect(app.jwt.decode<{ cv: number }>(fresh)!.cv).toBe(2);
    expect((await get(fresh)).statusCode).toBe(200);
    // Another user's sessions are not touched.
    expect((await get(other.token)).statusCode).toBe(200);
  });

  it('a removed credential ends its sessions and its sign-in; a token of another shape is refused', async () => {
    const org = await makeOrg(db);
    const { email, userId, token } = await signedInAgent(org);
    expect((await get(token)).statusCode).toBe(200);
    await removeCredential(db.owner, org.orgId, userId);
    expect((await get(token)).statusCode).toBe(401);
    expect((await refresh(token)).statusCode).toBe(401);
    expect((await signIn(email, 'first password')).statusCode).toBe(401);
    // Given a password again (the user came back): signs in at a version no earlier token carries.
    expect(await setPassword(db.owner, org.orgId, userId, { passwordHash: await cheap('back again') })).toBe(true);
    expect((await get(token)).statusCode).toBe(401);
    expect((await refresh(token)).statusCode).toBe(401);
    expect((await signIn(email, 'first password')).statusCode).toBe(401);
    const back = await signIn(email, 'back again');
    expect(back.statusCode).toBe(200);
    const backToken = (back.json() as { token: string }).token;
    expect(app.jwt.decode<{ cv: number }>(backToken)!.cv).toBe(3);
    expect((await get(backToken)).statusCode).toBe(200);
    // A token forged for a version the credential had before its removal: refused too.
    const before = app.jwt.decode<Record<string, unknown>>(backToken)!;
    const at = Math.floor(Date.now() / 1000);
    expect((await get(hs256({ ...before, cv: 2, iat: at, exp: at + 900 }, JWT_SECRET))).statusCode).toBe(401);
    // A user with no credential row at all cannot be given a password this way.
    expect(await setPassword(db.owner, org.orgId, randomUUID(), { passwordHash: await cheap('x') })).toBe(false);

    // Signed with the right secret but with no credential version (issued before versions), or a
    // version the credential never had: refused, not answered as a bad request.
    const live = await signedInAgent(org);
    const claims = app.jwt.decode<Record<string, unknown>>(live.token)!;
    const now = Math.floor(Date.now() / 1000);
    const { cv: _cv, ...withoutVersion } = claims;
    for (const payload of [
      { ...withoutVersion, iat: now, exp: now + 900 },
      { ...claims, cv: 7, iat: now, exp: now + 900 },
    ]) {
      const res = await get(hs256(payload, JWT_SECRET));
      expect(res.statusCode).toBe(401);
    }
    expect((await get(live.token)).statusCode).toBe(200);
  });
});
