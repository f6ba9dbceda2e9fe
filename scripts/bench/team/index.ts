/**
 * The bench's `team` part (issue 18): the team server on a throwaway PostgreSQL database, over
 * loopback. 20 agents push calls and consents as fast as acknowledgements come back (events/s and
 * push latency); a steward pulls the first 10,000 changes; and, per dataset size, a fresh replica's
 * first sync pulls an organisation of that many leads (one call each) through the API, page by
 * page. The browser's side of a first sync (writing those leads into IndexedDB) is the raw put
 * the browser part measures.
 */
import pg from 'pg';
import { createThrowawayDatabase } from '../../../server/dev/throwaway-database';
import { heavyRuns, type BenchOptions } from '../cli';
import { failed, percentile, summarise, type Sample, type ScenarioResult } from '../report';
import { teamApi, type TeamApi } from './api';
import { pullAll } from './pull-all';
import { pushLoad, type LoadClient } from './push-load';
import { replicaFirstSync } from './replica-sync';
import { startTeamServer } from './team-server';
import type { PageBundles } from '../page-bundles';
import { BENCH_PASSWORD, benchLeadId, createBenchOrg, seedLeads, type BenchOrg } from './team-org';

export const TEAM_PART = 'team';
const CLIENTS = 20;
const BATCHES = 20;
const BATCH = 50;
const LOAD_LEADS = 1000;
const PULL_CHANGES = 10_000;
const PAGE = 5000;

type Log = (msg: string) => void;

const GOALS = {
  push: '≥ 2,000 events/s accepted (20 clients)',
  p95: 'p95 push latency ≤ 200 ms',
  pull: 'pull of 10k changes ≤ 1 s',
  firstSync: 'first sync of 1M leads into a fresh browser ≤ 3 min (this is the server and wire part)',
  replica: 'first sync of 1M leads into a fresh browser ≤ 3 min',
};

async function loadClients(api: TeamApi, org: BenchOrg): Promise<LoadClient[]> {
  return Promise.all(
    org.agents.map(async (agent, i) => {
      const team = org.teams.indexOf(agent.claims.teamIds[0]!);
      const leadIds: string[] = [];
      for (let g = 1; g <= LOAD_LEADS; g++)
        if (g % org.teams.length === team) leadIds.push(benchLeadId('bench-load-', g));
      return { token: await api.signIn(agent.email, BENCH_PASSWORD), deviceId: `bench-agent-${i}`, leadIds };
    }),
  );
}

async function pushAndPull(opts: BenchOptions, api: TeamApi, owner: pg.Pool, log: Log): Promise<ScenarioResult[]> {
  const events = CLIENTS * BATCHES * BATCH;
  const org = await createBenchOrg(owner, 'Bench: push load', CLIENTS);
  await seedLeads(owner, org, 'bench-load-', LOAD_LEADS, false);
  const push: Sample[] = [];
  const p95: Sample[] = [];
  const p50: Sample[] = [];
  const pull: Sample[] = [];
  try {
    for (let run = 0; run <= opts.runs; run++) {
      // Tokens live 15 minutes: each run signs in afresh.
      const clients = await loadClients(api, org);
      const load = await pushLoad(api, clients, BATCHES, BATCH);
      const [q50, q95] = [percentile(load.latencies, 50)!, percentile(load.latencies, 95)!];
      const steward = await api.signIn(org.steward.email, BENCH_PASSWORD);
      const pulled = await pullAll(api, steward, PAGE, PULL_CHANGES);
      if (pulled.changes !== PULL_CHANGES) throw new Error(`pulled ${pulled.changes} changes, not ${PULL_CHANGES}`);
      log(
        `  team run ${run}${run === 0 ? ' (warm-up)' : ''}: ${events.toLocaleString('en-US')} events in ${(load.ms / 1000).toFixed(2)} s = ` +
          `${Math.round(events / (load.ms / 1000)).toLocaleString('en-US')} events/s, push p50 ${q50.toFixed(0)} ms, p95 ${q95.toFixed(0)} ms; ` +
          `pull of ${PULL_CHANGES.toLocaleString('en-US')} changes ${pulled.ms.toFixed(0)} ms (${pulled.pages} pages)`,
      );
      if (run === 0) {
        // The warm-up's 20,000 events came into tables analysed empty: PostgreSQL's autovacuum
        // would analyse them within its first minute; the measured runs start from there.
        await owner.query('ANALYZE calls, consents');
        continue;
      }
      push.push({ ms: load.ms });
      p50.push({ ms: q50 });
      p95.push({ ms: q95 });
      pull.push({ ms: pulled.ms });
    }
  } catch (error) {
    return ['team-push', 'team-push-p95', 'team-pull-10k'].map((name) => failed(name, events, undefined, error));
  }
  const shape = `${CLIENTS} agents × ${BATCHES} batches × ${BATCH} calls and consents`;
  return [
    summarise('team-push', events, push, { goal: GOALS.push, rows: events, note: shape }),
    summarise('team-push-p50', events, p50, { note: `push latency, median of each run's p50 (${shape})` }),
    summarise('team-push-p95', events, p95, { goal: GOALS.p95, note: `median of each run's p95 (${shape})` }),
    summarise('team-pull-10k', PULL_CHANGES, pull, { goal: GOALS.pull, rows: PULL_CHANGES, note: `pages of ${PAGE}` }),
  ];
}

async function firstSync(
  opts: BenchOptions,
  bundles: PageBundles,
  api: TeamApi,
  owner: pg.Pool,
  size: number,
  log: Log,
): Promise<ScenarioResult[]> {
  try {
    const org = await createBenchOrg(owner, `Bench: first sync of ${size}`, 0);
    const seeded = performance.now();
    await seedLeads(owner, org, 'bench-lead-', size, true);
    log(
      `  team: ${size.toLocaleString('en-US')} leads and as many calls written to PostgreSQL in ${((performance.now() - seeded) / 1000).toFixed(1)} s (setup)`,
    );
    const samples: Sample[] = [];
    const runs = heavyRuns(opts, size);
    for (let run = 1; run <= runs; run++) {
      const token = await api.signIn(org.steward.email, BENCH_PASSWORD);
      const pulled = await pullAll(api, token, PAGE);
      if (pulled.byKind.lead !== size || pulled.byKind.call !== size)
        throw new Error(`the first sync pulled ${JSON.stringify(pulled.byKind)}, not ${size} leads and ${size} calls`);
      log(
        `  team first sync ${run}/${runs}: ${pulled.changes.toLocaleString('en-US')} changes in ${(pulled.ms / 1000).toFixed(1)} s (${pulled.pages} pages)`,
      );
      samples.push({ ms: pulled.ms });
    }
    const rows = [
      summarise('team-first-sync-pull', size, samples, {
        goal: GOALS.firstSync,
        rows: size,
        note: `${size} leads and ${size} calls, pulled from cursor 0 in pages of ${PAGE}; rows/s counts leads`,
      }),
    ];
    try {
      const token = await api.signIn(org.steward.email, BENCH_PASSWORD);
      const r = await replicaFirstSync(bundles, api.url, token);
      log(
        `  team replica first sync: ${r.leads.toLocaleString('en-US')} leads, ${r.calls.toLocaleString('en-US')} calls in ${(r.ms / 1000).toFixed(1)} s ` +
          `(${r.pages} pages; waiting for pages ${(r.fetchMs / 1000).toFixed(1)} s, applying ${(r.applyMs / 1000).toFixed(1)} s; longest task ${r.longestTaskMs.toFixed(0)} ms${r.heldFilter ? '; new ids known by a filter' : ''})`,
      );
      if (r.leads !== size || r.calls !== size)
        throw new Error(`the replica holds ${r.leads} leads and ${r.calls} calls, not ${size} of each`);
      rows.push(
        summarise(
          'team-replica-first-sync',
          size,
          [{ ms: r.ms, workerMs: r.applyMs, longestTaskMs: r.longestTaskMs }],
          {
            goal: GOALS.replica,
            rows: size,
            note: `a fresh Chromium profile, the app's pull loop and applyPulledPage (pages of 5000, as the app asks since session 36; 1000 before; since session 37 ids certainly new are not looked up, decision 065); "worker" is the time applying pages, the rest fetching`,
          },
        ),
      );
    } catch (error) {
      rows.push(failed('team-replica-first-sync', size, GOALS.replica, error));
    }
    rows.push(...(await withEngineFollowing(bundles, api, org, size, log)));
    return rows;
  } catch (error) {
    return [failed('team-first-sync-pull', size, GOALS.firstSync, error)];
  }
}

/**
 * The first sync again into a fresh browser, with the app's grid engine following it in a worker
 * of its own (as with the Leads screen open): the sync's time beside it, the engine caught up and
 * its snapshot stored after the sync's end, and a new engine's start over the replica (the app
 * opened again: its engine's part of a cold start).
 */
async function withEngineFollowing(
  bundles: PageBundles,
  api: TeamApi,
  org: BenchOrg,
  size: number,
  log: Log,
): Promise<ScenarioResult[]> {
  try {
    const token = await api.signIn(org.steward.email, BENCH_PASSWORD);
    const r = await replicaFirstSync(bundles, api.url, token, true);
    const e = r.engine!;
    const rebuilds = Object.entries(e.rebuildsFor)
      .map(([why, n]) => `${n} × ${why}`)
      .join(', ');
    log(
      `  team replica first sync with the engine following: ${(r.ms / 1000).toFixed(1)} s (applying ${(r.applyMs / 1000).toFixed(1)} s); ` +
        `the engine: ${e.fullBuilds} full builds (${(e.buildMs / 1000).toFixed(1)} s${rebuilds ? `; sent by ${rebuilds}` : ''}), ${e.catchUps} catch-ups of its last index (${(e.catchUpMs / 1000).toFixed(1)} s), snapshot stored in ${(e.storeMs / 1000).toFixed(1)} s, ${e.savesMoved} saves skipped as the data moved on; ` +
        `caught up ${(e.caughtUpMs / 1000).toFixed(2)} s and its snapshot stored ${(e.storedMs / 1000).toFixed(2)} s after the sync's end; ` +
        `a new engine over the replica answered in ${(e.reopenMs / 1000).toFixed(2)} s (${e.reopenedFrom})`,
    );
    log(
      `  the engine's longest steps in all: ${Object.entries(e.steps)
        .map(([name, ms]) => `${name} ${(ms / 1000).toFixed(1)} s`)
        .join(', ')}`,
    );
    if (r.leads !== size) throw new Error(`the replica holds ${r.leads} leads, not ${size}`);
    const engineNote = `${e.fullBuilds} full builds, ${e.catchUps} catch-ups of its last index`;
    return [
      summarise('team-replica-first-sync-engine', size, [{ ms: r.ms, workerMs: r.applyMs }], {
        goal: GOALS.replica,
        rows: size,
        note: `as team-replica-first-sync, with the app's grid engine following in a worker of its own (${engineNote})`,
      }),
      summarise('team-replica-engine-settled', size, [{ ms: e.storedMs }], {
        note: `from the sync's end to the engine's snapshot stored for the data as they are (answering with every lead after ${Math.round(e.caughtUpMs)} ms)`,
      }),
      summarise('team-replica-engine-reopen', size, [{ ms: e.reopenMs }], {
        goal: 'then cold start as fast as single-browser mode',
        note: `a new engine over the synced replica, to its first answer (opened: ${e.reopenedFrom}); the engine's part of a cold start`,
      }),
    ];
  } catch (error) {
    return [failed('team-replica-first-sync-engine', size, GOALS.replica, error)];
  }
}

export async function benchTeam(opts: BenchOptions, bundles: PageBundles, log: Log): Promise<ScenarioResult[]> {
  log('team: a throwaway PostgreSQL database and the team server on loopback');
  const db = await createThrowawayDatabase('leadledger_bench');
  const owner = new pg.Pool({ connectionString: db.ownerUrl, max: 2 });
  try {
    const server = await startTeamServer(db);
    try {
      const api = teamApi(server.url);
      const rows = await pushAndPull(opts, api, owner, log);
      for (const size of opts.sizes) rows.push(...(await firstSync(opts, bundles, api, owner, size, log)));
      return rows;
    } finally {
      await server.close();
    }
  } finally {
    await owner.end();
    await db.drop();
  }
}
