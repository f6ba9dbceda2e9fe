import type * as Comlink from 'comlink';
import type { ImportWorkerApi } from '../../../workers/import.worker';
import { launchWorker } from '../../../shared/workers/launch-worker';

export interface ImportWorkerHandle {
  api: Comlink.Remote<ImportWorkerApi>;
  close: () => void;
}

/** A fresh import worker (one per wizard or rollback); `close` ends it. One that cannot start fails its calls (launch-worker.ts). */
export function startImportWorker(): ImportWorkerHandle {
  const launched = launchWorker<ImportWorkerApi>(
    'import',
    () => new Worker(new URL('../../../workers/import.worker.ts', import.meta.url), { type: 'module', name: 'import' }),
  );
  return { api: launched.remote, close: () => launched.terminate() };
}
