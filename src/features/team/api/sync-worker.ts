import * as Comlink from 'comlink';
import type { SyncWorkerApi } from '../../../workers/sync.worker';
import { launchWorker } from '../../../shared/workers/launch-worker';
import type { RoundOutcome, TokenSource } from './sync-round';

const launched = launchWorker<SyncWorkerApi>(
  'sync',
  () => new Worker(new URL('../../../workers/sync.worker.ts', import.meta.url), { type: 'module', name: 'sync' }),
);

/**
 * One round in the sync worker (one per page, started by the first round). A worker that cannot
 * start fails the round (launch-worker.ts): it is terminated and dropped, and the next round starts
 * another. A round it may have been running stops with it: each page it applied is whole, and the
 * next round starts from its stored cursor.
 */
export function roundInWorker(token: TokenSource): Promise<RoundOutcome | null> {
  return launched.remote.round(Comlink.proxy(token));
}
