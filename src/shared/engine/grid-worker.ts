import * as Comlink from 'comlink';
import type { GridWorkerApi } from '../../workers/grid.worker';

let remote: Comlink.Remote<GridWorkerApi> | null = null;

/** The grid worker (one per page, started on first use). */
export function gridWorker(): Comlink.Remote<GridWorkerApi> {
  remote ??= Comlink.wrap<GridWorkerApi>(
    new Worker(new URL('../../workers/grid.worker.ts', import.meta.url), { type: 'module', name: 'grid' }),
  );
  return remote;
}
