import type * as Comlink from 'comlink';
import type { ExportWorkerApi } from '../../../workers/export.worker';
import { launchWorker } from '../../../shared/workers/launch-worker';

const launched = launchWorker<ExportWorkerApi>(
  'export',
  () => new Worker(new URL('../../../workers/export.worker.ts', import.meta.url), { type: 'module', name: 'export' }),
);

/** The export worker (started on first use). A worker that cannot start fails its calls (launch-worker.ts). */
export function exportWorker(): Comlink.Remote<ExportWorkerApi> {
  return launched.remote;
}
