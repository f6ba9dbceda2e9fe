/** CORS: the web app's origin (and only it) may call the API from a browser. */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app';
import { JWT_SECRET, openTestDb, type TestDb } from './helpers';

let db: TestDb;
let app: FastifyInstance;
beforeAll(async () => {
  db = openTestDb();
  app = buildApp({ pool: db.api, jwtSecret: JWT_SECRET, tokenTtlSec: 900, corsOrigins: ['https://leads.example'] });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await db.close();
});

describe('CORS', () => {
  it('answers the app origin’s preflight for a bearer token and JSON', async () => {
    const res = await app.inject({
      method: 'OPTIONS',
      url: '/push',
      headers: {
        origin: 'https://leads.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    expect(res.statusCode).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe('https://leads.example');
    expect(String(res.headers['access-control-allow-headers'])).toContain('authorization');
  });

  it('names the app origin on an answer, and no other origin', async () => {
    const ok = await app.inject({ method: 'GET', url: '/health', headers: { origin: 'https://leads.example' } });
    expect(ok.headers['access-control-allow-origin']).toBe('https://leads.example');
    const other = await app.inject({ method: 'GET', url: '/health', headers: { origin: 'https://evil.example' } });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await app.inject({
      method: 'OPTIONS',
      url: '/push',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });
});
