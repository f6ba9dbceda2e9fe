import type * as Comlink from 'comlink';
import type { DemoWorkerApi } from '../../../workers/demo.worker';
import { launchWorker } from '../../../shared/workers/launch-worker';

const launched = launchWorker<DemoWorkerApi>(
  'demo',
  () => new Worker(new URL('../../../workers/demo.worker.ts', import.meta.url), { type: 'module', name: 'demo' }),
);

/** The demo worker (one per page, started only when demo data is to be written). A worker that cannot start fails its calls (launch-worker.ts). */
export function demoWorker(): Comlink.Remote<DemoWorkerApi> {
  return launched.remote;
}
