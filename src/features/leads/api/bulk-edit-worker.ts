import type * as Comlink from 'comlink';
import type { BulkEditWorkerApi } from '../../../workers/bulk-edit.worker';
import { launchWorker } from '../../../shared/workers/launch-worker';

const launched = launchWorker<BulkEditWorkerApi>(
  'bulk-edit',
  () =>
    new Worker(new URL('../../../workers/bulk-edit.worker.ts', import.meta.url), { type: 'module', name: 'bulk-edit' }),
);

/** The bulk-edit worker (one per page, started when the Leads screen's grid has its first answer: the Undo button asks it). A worker that cannot start fails its calls (launch-worker.ts). */
export function bulkEditWorker(): Comlink.Remote<BulkEditWorkerApi> {
  return launched.remote;
}
