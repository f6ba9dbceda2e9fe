import type * as Comlink from 'comlink';
import type { GridWorkerApi } from '../../workers/grid.worker';
import { launchWorker } from '../workers/launch-worker';

const launched = launchWorker<GridWorkerApi>(
  'grid',
  () => new Worker(new URL('../../workers/grid.worker.ts', import.meta.url), { type: 'module', name: 'grid' }),
  // The screens' change and progress subscriptions live in this one: no silent second engine.
  { restart: false },
);

/** The grid worker (one per page, started on first use). A worker that cannot start fails its calls, until the reload the shell offers (launch-worker.ts). */
export function gridWorker(): Comlink.Remote<GridWorkerApi> {
  return launched.remote;
}
