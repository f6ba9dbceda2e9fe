import * as Comlink from 'comlink';
import type { DemoWorkerApi } from '../../../workers/demo.worker';

let remote: Comlink.Remote<DemoWorkerApi> | null = null;

/** The demo worker (one per page, started only when demo data is to be written). */
export function demoWorker(): Comlink.Remote<DemoWorkerApi> {
  remote ??= Comlink.wrap<DemoWorkerApi>(
    new Worker(new URL('../../../workers/demo.worker.ts', import.meta.url), { type: 'module', name: 'demo' }),
  );
  return remote;
}
