/**
 * `npm run bench`: builds the app, serves it on loopback and measures it in real Chromium on
 * generated, seeded datasets (100k and 1M leads by default). Per size: a fresh profile gets
 * the dataset (timing the raw IndexedDB put, the floor), then each run opens a fresh browser
 * on it and measures every scenario once; run 0 is the warm-up. Prints a table and writes the
 * JSON report. Measures only: nothing here fails on a slow figure.
 */
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { chromiumVersion, openSession, type Session } from './browser';
import { heavyRuns, parseArgs, type BenchOptions } from './cli';
import type { DatasetSpec } from './dataset';
import { loadDataset, prepareBase } from './load';
import { formatMarkdown } from './markdown';
import { buildPageBundles, type PageBundles } from './page-bundles';
import {
  benchReportSchema,
  failed,
  formatTable,
  notBuilt,
  summarise,
  type BenchReport,
  type Sample,
  type ScenarioResult,
} from './report';
import { readRouterSource, routeStates, type RouteState } from './routes';
import { buildApp, serveApp } from './server';
import {
  baseCacheKey,
  loadedCacheName,
  restoreBase,
  restoreLoaded,
  storeBase,
  storeLoaded,
  storeWarmed,
  warmedCacheName,
} from './base-cache';
import { RUN_SCENARIOS } from './scenarios';
import { removeTemp, tempDir } from './temp-dirs';
import { coldStart } from './scenarios/grid';
import { engineReport, waitForSnapshot } from './engine-report';
import type { Scenario } from './scenarios/types';
import { benchTeam, TEAM_PART } from './team';

const started = performance.now();
const log = (msg: string) =>
  console.error(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${msg}`);

function unbuilt(scenario: Scenario, routes: Record<string, RouteState>): string | null {
  if (!scenario.route) return scenario.measure ? null : 'no measurement';
  const state = routes[scenario.route];
  if (state !== 'built')
    return `${scenario.route} is ${state === 'placeholder' ? 'still a placeholder' : 'not in the router'}`;
  return scenario.measure ? null : `${scenario.route} exists; its bench scenario is not wired yet`;
}

/** Scenarios the load itself measures (they need the empty base). */
const LOAD_SCENARIOS: ReadonlySet<string> = new Set(['csv-import', 'raw-put']);

async function benchSize(
  opts: BenchOptions,
  size: number,
  baseURL: string,
  bundles: PageBundles,
  routes: Record<string, RouteState>,
  baseProfile: string,
  baseKey: string,
): Promise<ScenarioResult[]> {
  const spec: DatasetSpec = { seed: opts.seed, size, now: opts.day };
  const profileDir = tempDir(`leadledger-bench-${size}-`);
  const timeoutMs = Math.max(180_000, (size / 1000) * 600);
  const heavy = heavyRuns(opts, size);
  const rows: ScenarioResult[] = [];
  try {
    // The load's own figures (import, raw put) need an empty base; any other question reuses a loaded profile.
    const measuresLoad = opts.only.length === 0 || opts.only.some((id) => LOAD_SCENARIOS.has(id));
    const loadedName = loadedCacheName(baseKey, spec);
    const warmedName = warmedCacheName(loadedName, opts.outDir);
    // Warmed: the engine's snapshot is in it (stored by an earlier build of the same formats).
    let warmed = false;
    if (opts.cache && !measuresLoad && restoreLoaded(warmedName, profileDir)) {
      warmed = true;
      log(
        `${size.toLocaleString('en-US')} leads: loaded profile with its engine snapshot reused from node_modules/.cache/leadledger-bench (${warmedName})`,
      );
    } else if (opts.cache && !measuresLoad && restoreLoaded(loadedName, profileDir))
      log(
        `${size.toLocaleString('en-US')} leads: loaded profile reused from node_modules/.cache/leadledger-bench (${loadedName})`,
      );
    else {
      cpSync(baseProfile, profileDir, { recursive: true });
      log(`${size.toLocaleString('en-US')} leads: loading into a copy of the base profile`);
      const importBlocked =
        routes['/import'] === 'built'
          ? null
          : `/import is ${routes['/import'] === 'placeholder' ? 'still a placeholder' : 'not in the router'}`;
      rows.push(
        ...(await loadDataset({ profileDir, baseURL, bundles, spec, runs: heavy, importBlocked, timeoutMs, log })),
      );
      if (opts.cache) storeLoaded(loadedName, profileDir, size);
    }
    const raw = rows.find((r) => r.scenario === 'raw-put')?.median_ms ?? null;

    const active = RUN_SCENARIOS.filter(
      (s) => !unbuilt(s, routes) && (opts.only.length === 0 || s === coldStart || opts.only.includes(s.id)),
    );
    const samples = new Map<string, Sample[]>();
    const failures = new Map<string, unknown>();
    const measure = async (scenario: Scenario, session: Session, run: number) => {
      if (failures.has(scenario.id)) return;
      try {
        const result = await scenario.measure!({
          spec,
          context: session.context,
          page: session.page,
          run,
          timeoutMs,
          baseURL,
        });
        const all = Object.entries(result).map(([name, s]) => [name, Array.isArray(s) ? s : [s]] as const);
        log(
          `  ${all.map(([k, ss]) => `${k} ${ss.map((x) => (x.ms === null ? `${Math.round((x.heapBytes ?? 0) / size)} B/lead` : `${x.ms.toFixed(1)} ms`)).join(' ')}`).join(', ')}`,
        );
        if (run > 0) for (const [name, ss] of all) samples.set(name, [...(samples.get(name) ?? []), ...ss]);
      } catch (e) {
        const shot = join(tmpdir(), `leadledger-bench-failure-${scenario.id}-${size}.png`);
        await session.page.screenshot({ path: shot, fullPage: true }).catch(() => undefined);
        log(`  ${scenario.id} FAILED: ${(e as Error).message.split('\n')[0]} (screenshot ${shot})`);
        failures.set(scenario.id, e);
      }
    };
    // Heavy scenarios measured once run in the last run only; the warm-up run only starts the
    // app (it fills the disk and code caches).
    const inRun = (s: Scenario, run: number) =>
      run === 0 ? s === coldStart : !s.heavy || heavy === opts.runs || run === opts.runs;
    let snapshotStored = false;
    for (let run = 0; run <= opts.runs; run++) {
      log(`${size.toLocaleString('en-US')} leads: run ${run}/${opts.runs}${run === 0 ? ' (warm-up)' : ''}`);
      const openedAt = Date.now();
      const session = await openSession(profileDir, baseURL, bundles);
      try {
        for (const scenario of active.filter((s) => !s.ownSession && inRun(s, run))) {
          await measure(scenario, session, run);
          if (scenario === coldStart && failures.has(coldStart.id)) break;
        }
        if (run === 0 && !failures.has(coldStart.id)) {
          // Built from the tables (another build's snapshot is not read): wait for this one's own, stored since the session opened.
          const built = ((await engineReport(session.page)).rowsRead ?? 0) > 0;
          const waited = await waitForSnapshot(session.page, timeoutMs * 3, built ? openedAt : 0);
          snapshotStored = waited !== null;
          log(
            waited === null
              ? '  the engine never stored its snapshot'
              : `  snapshot stored ${waited} ms after the warm-up's grid`,
          );
        }
      } finally {
        await session.close();
      }
      // Kept as the warm-up left it, snapshot stored (the browser closed: its files are whole).
      if (run === 0 && opts.cache && !warmed && snapshotStored) storeWarmed(warmedName, loadedName, profileDir);
    }
    for (const scenario of active.filter((s) => s.ownSession)) {
      for (let run = 1; run <= (scenario.heavy ? heavy : opts.runs); run++) {
        log(
          `${size.toLocaleString('en-US')} leads: ${scenario.id} ${run}/${scenario.heavy ? heavy : opts.runs} in a browser of its own`,
        );
        const session = await openSession(profileDir, baseURL, bundles);
        try {
          await measure(scenario, session, run);
        } finally {
          await session.close();
        }
      }
    }
    for (const scenario of RUN_SCENARIOS) {
      const blocked = unbuilt(scenario, routes);
      for (const r of scenario.rows) {
        if (blocked) rows.push(notBuilt(r.name, size, r.goal, blocked));
        else if (failures.has(scenario.id)) rows.push(failed(r.name, size, r.goal, failures.get(scenario.id)));
        else if (samples.get(r.name)?.length)
          rows.push(
            summarise(r.name, size, samples.get(r.name)!, {
              goal: r.goal,
              note: r.note,
              rows: r.rows?.(size),
              raw: r.vsRaw ? raw : null,
            }),
          );
      }
    }
    return rows;
  } finally {
    removeTemp(profileDir);
  }
}

function writeReport(opts: BenchOptions, results: ScenarioResult[]): BenchReport {
  const report: BenchReport = {
    generatedAt: new Date().toISOString(),
    chromium: chromiumVersion(),
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    node: process.version,
    seed: opts.seed,
    sizes: opts.sizes,
    durationS: Math.round((performance.now() - started) / 1000),
    results,
  };
  benchReportSchema.parse(report);
  const out = resolve(opts.json);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(out.replace(/\.json$/, '') + '.md', `${formatMarkdown(report)}\n`);
  return report;
}

export async function main(argv: readonly string[]): Promise<number> {
  const opts = parseArgs(argv);
  const results: ScenarioResult[] = [];
  const bundles = await buildPageBundles();
  // The team part (the server on PostgreSQL, and a replica's first sync) runs first; `--only team` runs it alone.
  if (opts.only.length === 0 || opts.only.includes(TEAM_PART)) {
    results.push(...(await benchTeam(opts, bundles, log)));
    writeReport(opts, results);
  }
  if (opts.only.length === 0 || opts.only.some((id) => id !== TEAM_PART)) await benchBrowser(opts, bundles, results);
  const report = writeReport(opts, results);
  console.log(formatTable(report));
  console.log(
    `\nJSON: ${resolve(opts.json)}\nMarkdown (README "Performance"): ${resolve(opts.json).replace(/\.json$/, '')}.md`,
  );
  return results.some((r) => r.status === 'failed') ? 1 : 0;
}

/** The app in Chromium, per dataset size. */
async function benchBrowser(opts: BenchOptions, bundles: PageBundles, results: ScenarioResult[]): Promise<void> {
  const routes = routeStates(readRouterSource(), ['/import', '/cohorts', '/compliance', '/export']);
  log(
    `screens: ${Object.entries(routes)
      .map(([p, s]) => `${p} ${s}`)
      .join(', ')}`,
  );
  if (opts.build) {
    log(`building the app into ${opts.outDir}`);
    await buildApp(opts.outDir);
  }
  const served = await serveApp(opts.outDir, opts.port);
  log(`serving ${opts.outDir} at ${served.url}`);
  const baseProfile = tempDir('leadledger-bench-base-');
  try {
    const key = baseCacheKey({ dncNumbers: opts.dncNumbers, chromium: chromiumVersion() });
    if (opts.cache && restoreBase(key, baseProfile))
      log(`base profile: reused from node_modules/.cache/leadledger-bench (base-${key}; --no-cache to rebuild it)`);
    else {
      log(`base profile: the app's schema and ${opts.dncNumbers.toLocaleString('en-US')} listed numbers`);
      results.push(
        await prepareBase(
          {
            profileDir: baseProfile,
            baseURL: served.url,
            bundles,
            spec: { seed: opts.seed, size: 1, now: opts.day },
            log,
          },
          opts.dncNumbers,
        ),
      );
      if (opts.cache) storeBase(key, baseProfile);
    }
    for (const size of opts.sizes) {
      results.push(...(await benchSize(opts, size, served.url, bundles, routes, baseProfile, key)));
      // Written after each size too, so a long run stopped half-way keeps what it measured.
      writeReport(opts, results);
    }
  } finally {
    await served.close();
    removeTemp(baseProfile);
  }
}
