import * as Comlink from 'comlink';
import type { BulkEditWorkerApi } from '../../../workers/bulk-edit.worker';

let remote: Comlink.Remote<BulkEditWorkerApi> | null = null;

/** The bulk-edit worker (one per page, started when the Leads screen's grid has its first answer: the Undo button asks it). */
export function bulkEditWorker(): Comlink.Remote<BulkEditWorkerApi> {
  remote ??= Comlink.wrap<BulkEditWorkerApi>(
    new Worker(new URL('../../../workers/bulk-edit.worker.ts', import.meta.url), { type: 'module', name: 'bulk-edit' }),
  );
  return remote;
}
