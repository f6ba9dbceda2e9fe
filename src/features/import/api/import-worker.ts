import * as Comlink from 'comlink';
import type { ImportWorkerApi } from '../../../workers/import.worker';

export interface ImportWorkerHandle {
  api: Comlink.Remote<ImportWorkerApi>;
  close: () => void;
}

/** A fresh import worker (one per wizard or rollback); `close` ends it. */
export function startImportWorker(): ImportWorkerHandle {
  const worker = new Worker(new URL('../../../workers/import.worker.ts', import.meta.url), {
    type: 'module',
    name: 'import',
  });
  const api = Comlink.wrap<ImportWorkerApi>(worker);
  return {
    api,
    close: () => {
      api[Comlink.releaseProxy]();
      worker.terminate();
    },
  };
}
