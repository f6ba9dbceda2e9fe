#!/usr/bin/env node
/**
 * The nightly-style crash soak: e2e/crash-safety.spec.ts with many more kill points (default 200)
 * and, unless given, a seed from the date, so each night tries other moments. Builds the app to
 * its own folder and serves it on its own port, like any e2e run.
 *
 *   node scripts/crash-soak.mjs [points] [seed]
 *   CRASH_POINTS=500 CRASH_SEED=7 node scripts/crash-soak.mjs
 */
import { spawnSync } from 'node:child_process';

const points = process.argv[2] ?? process.env.CRASH_POINTS ?? '200';
const seed = process.argv[3] ?? process.env.CRASH_SEED ?? new Date().toISOString().slice(0, 10).replace(/-/g, '');
const dist = process.env.E2E_DIST ?? 'dist-crash-soak';
const env = {
  ...process.env,
  CRASH_POINTS: points,
  CRASH_SEED: seed,
  E2E_DIST: dist,
  E2E_PORT: process.env.E2E_PORT ?? '4391',
  E2E_OUTPUT: process.env.E2E_OUTPUT ?? 'test-results-crash-soak',
};

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
console.log(`crash soak: ${points} kill points, seed ${seed}`);
run('npx', ['vite', 'build', '--outDir', dist, '--logLevel', 'warn']);
run('npx', ['playwright', 'test', 'e2e/crash-safety.spec.ts', '--reporter=list']);
