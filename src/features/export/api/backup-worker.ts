import type * as Comlink from 'comlink';
import type { BackupWorkerApi } from '../../../workers/backup.worker';
import { launchWorker } from '../../../shared/workers/launch-worker';

const launched = launchWorker<BackupWorkerApi>(
  'backup',
  () => new Worker(new URL('../../../workers/backup.worker.ts', import.meta.url), { type: 'module', name: 'backup' }),
);

/** The backup worker (one per page, started on the first backup or restore). A worker that cannot start fails its calls (launch-worker.ts). */
export function backupWorker(): Comlink.Remote<BackupWorkerApi> {
  return launched.remote;
}
