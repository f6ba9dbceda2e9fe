import * as Comlink from 'comlink';
import type { BackupWorkerApi } from '../../../workers/backup.worker';

let remote: Comlink.Remote<BackupWorkerApi> | null = null;

/** The backup worker (one per page, started on the first backup or restore). */
export function backupWorker(): Comlink.Remote<BackupWorkerApi> {
  remote ??= Comlink.wrap<BackupWorkerApi>(
    new Worker(new URL('../../../workers/backup.worker.ts', import.meta.url), { type: 'module', name: 'backup' }),
  );
  return remote;
}
