import * as Comlink from 'comlink';
import type { ExportWorkerApi } from '../../../workers/export.worker';

let remote: Comlink.Remote<ExportWorkerApi> | null = null;

/** The export worker (started on first use). */
export function exportWorker(): Comlink.Remote<ExportWorkerApi> {
  remote ??= Comlink.wrap<ExportWorkerApi>(
    new Worker(new URL('../../../workers/export.worker.ts', import.meta.url), { type: 'module', name: 'export' }),
  );
  return remote;
}
