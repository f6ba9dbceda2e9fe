/** Sign-in: scrypt-hashed passwords, a short-lived token carrying role and teams, nothing for a wrong password. */
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { createUser } from '../src/admin';
import { hashPassword, verifyPassword } from '../src/auth/password';
import { createHmac } from 'node:crypto';
import { JWT_SECRET, makeOrg, type TestDb, withTestServer } from './helpers';

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
    const claims = app.jwt.decode<{ exp: number; iat: number; teams: string[] }>(body.token)!;
    expect(claims.exp - claims.iat).toBe(900);
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
    const claims = { sub: org.steward.userId, org: org.orgId, role: 'steward', teams: [] };
    const fresh = hs256({ ...claims, iat: now }, JWT_SECRET);
    const control = await app.inject({ method: 'GET', url: '/pull', headers: { authorization: `Bearer ${fresh}` } });
    expect(control.statusCode).toBe(200);
    const token = hs256({ ...claims, iat: now - 960, exp: now - 60 }, JWT_SECRET);
    const res = await app.inject({ method: 'GET', url: '/pull', headers: { authorization: `Bearer ${token}` } });
    expect(res.statusCode).toBe(401);
  });
});
