import type * as Comlink from 'comlink';
import type { GridWorkerApi } from '../../workers/grid.worker';
import { launchWorker } from '../workers/launch-worker';

const launched = launchWorker<GridWorkerApi>(
  'grid',
  () => new Worker(new URL('../../workers/grid.worker.ts', import.meta.url), { type: 'module', name: 'grid' }),
);

/** The grid worker (one per page, started on first use). A worker that cannot start fails its calls (launch-worker.ts). */
export function gridWorker(): Comlink.Remote<GridWorkerApi> {
  return launched.remote;
}
