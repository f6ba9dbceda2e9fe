/** The grid's worker: the grid engine over the app's database, answering the page through Comlink. */
import '../domain/zod-jitless';
import * as Comlink from 'comlink';
import { LeadsDb } from '../db/leads-db';
import { createGridEngine } from './grid-engine';
import type { Sorter } from './grid-warm-orders';
import type { SortWorkerApi } from './sort.worker';
import { farReaderOf } from './snapshot-far-reader';
import { launchWorker } from '../shared/workers/launch-worker';
import { prepareDisplay } from '../domain/leads/display-row';
import { browserTimeZone, displayLocale } from '../i18n/display-locale';
import { initialLanguage } from '../i18n/initial-language';

/**
 * The engine's idle-time sorts run in a helper worker, started when there is one to do and closed
 * when none is left (a helper that cannot start fails its sort, and the warmer closes it).
 */
const sortHelper = launchWorker<SortWorkerApi>(
  'sort',
  () => new Worker(new URL('./sort.worker.ts', import.meta.url), { type: 'module', name: 'sort' }),
);
const sorter: Sorter = {
  order: (input, n) => sortHelper.remote.order(input, n),
  done: () => sortHelper.terminate(),
};

/** A large snapshot is read by two threads: every other chunk by a reader worker, started for that one read. */
const farReader = farReaderOf(
  () =>
    new Worker(new URL('./snapshot-reader.worker.ts', import.meta.url), { type: 'module', name: 'snapshot-reader' }),
);

const engine = createGridEngine(new LeadsDb(), () => sorter, undefined, farReader);

const api = {
  ...engine,
  /**
   * Answer another worker on `port` (the export or the compliance worker, handed the other end
   * by the page): the engine's leads for a file, or their numbers for a DNC scrub, straight from
   * worker to worker, never through the page.
   */
  connect(port: MessagePort): void {
    Comlink.expose({ exportLeads: engine.exportLeads, leadPhones: engine.leadPhones }, port);
  },
};

export type GridWorkerApi = typeof api;
export type EngineLeadsApi = Pick<GridWorkerApi, 'exportLeads' | 'leadPhones'>;
Comlink.expose(api);

// The engine opens its index (the stored snapshot, or a build) as soon as this script has run, not
// when the page's first question is handed over: the browser hands over the messages a page
// posted before a worker's script ran only in a task of the page's own thread, which is busy
// rendering its first screen then (traced at 100k: the open began 150–330 ms after the script had run; decision 068).
void engine.stats().catch(() => undefined);
// Then, in a task of its own once the open has asked IndexedDB (its first steps wait a tick), and
// while IndexedDB reads the snapshot: the formats the first block of rows is written in, for the
// language the screen starts in (a worker has no localStorage: a language picked in Settings that
// the browser's languages do not name is missed, and this cost only itself).
setTimeout(() => {
  try {
    prepareDisplay({ locale: displayLocale(initialLanguage()), timeZone: browserTimeZone() });
  } catch {
    // A warm-up only: the first block prepares what it needs itself.
  }
}, 0);
