import * as Comlink from 'comlink';
import type { ComplianceWorkerApi } from '../../../workers/compliance.worker';

let remote: Comlink.Remote<ComplianceWorkerApi> | null = null;

/** The compliance worker (one per page, started on first use). */
export function complianceWorker(): Comlink.Remote<ComplianceWorkerApi> {
  remote ??= Comlink.wrap<ComplianceWorkerApi>(
    new Worker(new URL('../../../workers/compliance.worker.ts', import.meta.url), {
      type: 'module',
      name: 'compliance',
    }),
  );
  return remote;
}
