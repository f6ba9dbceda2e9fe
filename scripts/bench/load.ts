/**
 * Loads the dataset into a browser profile, timing on the way the two scenarios that need an
 * empty database: the CSV import through the app (P1), and the floor it is compared with, raw
 * IndexedDB puts of the same leads into the app's own database.
 *
 * A base profile is made once per bench: the app opens (it creates the schema and seeds its
 * demo), its page closes so the loader's blank page is the only connection, the demo is
 * cleared, and the DNC lists with the 2M listed numbers the scrub checks against are stored
 * (minutes of puts, so every size starts from a copy of this profile). Per size, each import
 * run starts from a database holding only those lists; each raw-put run clears the leads
 * first; last come the calls, consents and DNC entries of the leads.
 */
import { loader, openLoader, openSession } from './browser';
import type { DatasetSpec } from './dataset';
import type { PageBundles } from './page-bundles';
import { failed, notBuilt, summarise, type Sample, type ScenarioResult } from './report';
import { IMPORT_ROW, importOnce } from './scenarios/import';

export interface LoadOptions {
  profileDir: string;
  baseURL: string;
  bundles: PageBundles;
  spec: DatasetSpec;
  /** Measured runs of the import and the raw put (after a warm-up). */
  runs: number;
  /** Why the import cannot run (its screen is missing), or null. */
  importBlocked: string | null;
  timeoutMs: number;
  log: (msg: string) => void;
}

/** What every import run keeps: the DNC lists a real database would have. */
const KEEP = ['dncLists', 'dncListVersions', 'dncEntries'];

/** The base profile: the app's schema, no demo data, the DNC lists with `dncNumbers` listed numbers. */
export async function prepareBase(
  o: Pick<LoadOptions, 'profileDir' | 'baseURL' | 'bundles' | 'spec' | 'log'>,
  dncNumbers: number,
): Promise<ScenarioResult> {
  const session = await openSession(o.profileDir, o.baseURL, o.bundles);
  try {
    const bench = await session.context.newPage();
    await openLoader(bench, o.bundles);
    await loader(bench, 'deleteDatabases');
    await session.page.goto('/');
    const deadline = Date.now() + 180_000;
    while (!(await loader(bench, 'describe')).demoSeeded) {
      if (Date.now() > deadline) throw new Error('the app did not create its database within 3 minutes');
      await bench.waitForTimeout(250);
    }
    await session.page.close();
    await loader(bench, 'emptyAll');
    const dnc = await loader(bench, 'putDncNumbers', o.spec, dncNumbers);
    o.log(`base profile: ${fmt(dnc.numbers)} listed numbers stored in ${secs(dnc.putMs)}`);
    return summarise('raw-put-dnc-numbers', Math.max(1, dncNumbers), [{ ms: dnc.putMs }], {
      rows: dncNumbers,
      note: 'setup, once: the national list the DNC scrub checks against',
    });
  } finally {
    await session.close();
  }
}

/** A warm-up only needs the code paths hot, not the full size. */
const WARM_UP_SIZE = 100_000;
const fmt = (n: number) => n.toLocaleString('en-US');
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export async function loadDataset(o: LoadOptions): Promise<ScenarioResult[]> {
  const session = await openSession(o.profileDir, o.baseURL, o.bundles);
  const size = o.spec.size;
  const warmSpec = { ...o.spec, size: Math.min(size, WARM_UP_SIZE) };
  try {
    const bench = await session.context.newPage();
    await openLoader(bench, o.bundles);
    await session.page.close();

    let importRow: ScenarioResult;
    const importSamples: Sample[] = [];
    if (o.importBlocked) importRow = notBuilt(IMPORT_ROW.name, size, IMPORT_ROW.goal, o.importBlocked);
    else {
      try {
        for (let run = 0; run <= o.runs; run++) {
          const app = await session.context.newPage();
          const sample = await importOnce(app, o.bundles, run === 0 ? warmSpec : o.spec, o.timeoutMs * 4);
          await app.close();
          await loader(bench, 'emptyAll', KEEP);
          o.log(
            `csv import ${run === 0 ? `warm-up (${fmt(warmSpec.size)})` : `${run}/${o.runs}`}: ${secs(sample.ms!)}, longest task ${sample.longestTaskMs?.toFixed(0)} ms`,
          );
          if (run > 0) importSamples.push(sample);
        }
        importRow = summarise(IMPORT_ROW.name, size, importSamples, {
          goal: IMPORT_ROW.goal,
          note: IMPORT_ROW.note,
          rows: size,
        });
      } catch (e) {
        o.log(`csv import FAILED: ${(e as Error).message.split('\n')[0]}`);
        importRow = failed(IMPORT_ROW.name, size, IMPORT_ROW.goal, e);
        await loader(bench, 'emptyAll', KEEP);
      }
    }

    o.log(`raw put: warm-up (${fmt(warmSpec.size)} leads)`);
    await loader(bench, 'putLeads', warmSpec, 'raw-put-warm-up');
    const samples: Sample[] = [];
    for (let run = 1; run <= o.runs; run++) {
      const r = await loader(bench, 'putLeads', o.spec, `raw-put-${run}`);
      o.log(
        `raw put ${run}/${o.runs}: ${secs(r.putMs)} (${fmt(Math.round(size / (r.putMs / 1000)))} leads/s; generating took ${secs(r.generateMs)} more)`,
      );
      samples.push({ ms: r.putMs });
    }
    const raw = summarise('raw-put', size, samples, {
      rows: size,
      goal: 'the floor (DESIGN baseline: 100k in 6–10 s)',
      note: 'leads only, 20k per transaction, generation excluded',
    });
    if (importRow.status === 'ok' && importRow.median_ms && raw.median_ms)
      importRow.ratio_to_raw = Math.round((importRow.median_ms / raw.median_ms) * 100) / 100;

    const rest = await loader(bench, 'putRest', o.spec);
    o.log(
      `stored ${fmt(rest.calls)} calls, ${fmt(rest.consents)} consents, ${fmt(rest.dncEntries)} DNC entries in ${secs(rest.putMs)}`,
    );
    const restRow = summarise('raw-put-related', size, [{ ms: rest.putMs }], {
      rows: rest.calls + rest.consents + rest.dncEntries,
      note: `setup, once: ${rest.calls} calls, ${rest.consents} consents, ${rest.dncEntries} DNC entries`,
    });
    return [raw, importRow, restRow];
  } finally {
    await session.close();
  }
}
