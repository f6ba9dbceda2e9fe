/**
 * The base profile (schema + 2M listed numbers) takes minutes of puts and is the same for every
 * bench of the same schema, loader and Chromium: it is kept in node_modules/.cache and copied.
 * The key hashes everything that shapes it, so a new migration or loader makes a new one.
 * A size's loaded profile (the base plus that size's leads, calls and consents, as the loader
 * left it) is kept the same way, so a re-run that does not measure the load spends its time
 * measuring (1M leads are about 20 minutes of writes). And as the warm-up left it, once the
 * engine has stored its snapshot (building it from the tables is 4–5 minutes at 1M), for the
 * build that stored it: re-runs of one build (other scenarios, more runs) skip that rebuild.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import type { DatasetSpec } from './dataset';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const CACHE = `${root}node_modules/.cache/leadledger-bench`;

export function baseCacheKey(parts: { dncNumbers: number; chromium: string }): string {
  const h = createHash('sha256');
  const migrations = readdirSync(`${root}src/db/migrations`)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .sort();
  for (const f of migrations) h.update(readFileSync(`${root}src/db/migrations/${f}`));
  for (const f of ['page/loader.ts', 'dataset.ts', 'dataset-profiles.ts'])
    h.update(readFileSync(`${root}scripts/bench/${f}`));
  h.update(JSON.stringify(parts));
  return h.digest('hex').slice(0, 16);
}

/** Copy the cached base profile for `key` into `dir`; false when there is none. */
export function restoreBase(key: string, dir: string): boolean {
  const cached = `${CACHE}/base-${key}`;
  if (!existsSync(cached)) return false;
  cpSync(cached, dir, { recursive: true });
  return true;
}

/** Keep `dir` as the base profile for `key` (a few hundred MB; delete the folder to reclaim it). */
export function storeBase(key: string, dir: string): void {
  rmSync(`${CACHE}/base-${key}`, { recursive: true, force: true });
  cpSync(dir, `${CACHE}/base-${key}`, { recursive: true });
}

/** The cache name of a size's loaded profile: the base it was loaded into, and the dataset (its day included). */
export function loadedCacheName(baseKey: string, spec: DatasetSpec): string {
  return `loaded-${baseKey}-${spec.size}-${spec.seed}-${spec.now}`;
}

/** Copy the loaded profile `name` into `dir`; false when there is none. */
export function restoreLoaded(name: string, dir: string): boolean {
  if (!existsSync(`${CACHE}/${name}`)) return false;
  cpSync(`${CACHE}/${name}`, dir, { recursive: true });
  return true;
}

/** Keep `dir` as the loaded profile `name`, dropping those of the same size from other days or bases (a 1M one is gigabytes). */
export function storeLoaded(name: string, dir: string, size: number): void {
  if (existsSync(CACHE))
    for (const old of readdirSync(CACHE))
      // loaded-<base>-<size>-…, warmed-loaded-<base>-<size>-…
      if (
        old.replace(/^warmed-/, '').startsWith('loaded-') &&
        old.replace(/^warmed-/, '').split('-')[2] === String(size)
      )
        rmSync(`${CACHE}/${old}`, { recursive: true, force: true });
  cpSync(dir, `${CACHE}/${name}`, { recursive: true });
}

/**
 * The cache name of a loaded profile as its warm-up left it (the engine's snapshot stored), for
 * the build in `outDir`: the app reads a snapshot only of its own build (engine-snapshot-repo.ts),
 * so the name holds the build's page (whose asset names hash its code).
 */
export function warmedCacheName(loadedName: string, outDir: string): string {
  const build = createHash('sha256')
    .update(readFileSync(`${outDir}/index.html`))
    .digest('hex')
    .slice(0, 12);
  return `warmed-${loadedName}-${build}`;
}

/** Warmed profiles kept per loaded profile (a build compared with another keeps both; 1M is about a gigabyte each). */
const WARMED_KEPT = 3;

/** Keep `dir` as the warmed profile `name`, dropping the oldest of the same loaded profile past WARMED_KEPT. */
export function storeWarmed(name: string, loadedName: string, dir: string): void {
  cpSync(dir, `${CACHE}/${name}`, { recursive: true });
  const warmed = readdirSync(CACHE)
    .filter((f) => f.startsWith(`warmed-${loadedName}-`))
    .map((f) => ({ f, at: statSync(`${CACHE}/${f}`).mtimeMs }))
    .sort((a, b) => b.at - a.at);
  for (const { f } of warmed.slice(WARMED_KEPT)) rmSync(`${CACHE}/${f}`, { recursive: true, force: true });
}
