import type * as Comlink from 'comlink';
import type { ComplianceWorkerApi } from '../../../workers/compliance.worker';
import { launchWorker } from '../../../shared/workers/launch-worker';

const launched = launchWorker<ComplianceWorkerApi>(
  'compliance',
  () =>
    new Worker(new URL('../../../workers/compliance.worker.ts', import.meta.url), {
      type: 'module',
      name: 'compliance',
    }),
);

/** The compliance worker (one per page, started on first use). A worker that cannot start fails its calls (launch-worker.ts). */
export function complianceWorker(): Comlink.Remote<ComplianceWorkerApi> {
  return launched.remote;
}
