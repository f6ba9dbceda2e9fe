/**
 * The team server as it runs in production (`npm run server`'s entry: its own process, migrations
 * checked, the API login refused if it could bypass row-level security), on a free loopback port,
 * logging at `warn` (request logging would be the same for every figure; it is not what is
 * measured), with tokens of an hour (the bench's clients do not refresh theirs). One Node process
 * (tsx as a loader, not a wrapper), so a kill reaches the server itself; killed when the bench
 * exits, however it exits.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

export async function startTeamServer(db: { ownerUrl: string; apiUrl: string }): Promise<RunningServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const root = resolve(import.meta.dirname, '../../..');
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: db.apiUrl,
      MIGRATION_DATABASE_URL: db.ownerUrl,
      JWT_SECRET: randomBytes(32).toString('hex'),
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      TOKEN_TTL_SEC: '3600',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  let exited: number | null = null;
  let failed: Error | null = null;
  child.once('exit', (code) => (exited = code ?? -1));
  child.once('error', (error) => (failed = error));
  const kill = () => exited === null && child.kill('SIGKILL');
  process.once('exit', kill);
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (failed) throw new Error(`the team server did not start: ${(failed as Error).message}`);
    if (exited !== null) throw new Error(`the team server exited with code ${exited} before it listened`);
    const ok = await fetch(`${url}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) {
      kill();
      throw new Error('the team server did not listen within 60 s');
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    close: () =>
      new Promise<void>((done) => {
        process.off('exit', kill);
        if (exited !== null) return done();
        const hard = setTimeout(kill, 10_000);
        child.once('exit', () => {
          clearTimeout(hard);
          done();
        });
        child.kill('SIGTERM');
      }),
  };
}
