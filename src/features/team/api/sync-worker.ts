import * as Comlink from 'comlink';
import type { SyncWorkerApi } from '../../../workers/sync.worker';
import type { RoundOutcome, TokenSource } from './sync-round';

interface Started {
  worker: Worker;
  remote: Comlink.Remote<SyncWorkerApi>;
  /**
   * Rejects if the worker fails (its script did not load, or it threw outside a call), once it is
   * terminated and dropped: Comlink alone would wait forever.
   */
  dead: Promise<never>;
}

let started: Started | null = null;

function start(): Started {
  const worker = new Worker(new URL('../../../workers/sync.worker.ts', import.meta.url), {
    type: 'module',
    name: 'sync',
  });
  const s: Started = {
    worker,
    remote: Comlink.wrap<SyncWorkerApi>(worker),
    dead: new Promise<never>((_, reject) =>
      worker.addEventListener('error', (e) => {
        if (started === s) started = null;
        worker.terminate();
        reject(new Error(`the sync worker failed: ${e.message || 'its script did not load, or it stopped'}`));
      }),
    ),
  };
  // Failing between rounds is not an unhandled rejection; the next round's race still sees it.
  s.dead.catch(() => undefined);
  return s;
}

/**
 * One round in the sync worker (one per page, started by the first round). A worker that failed is
 * terminated (a round it may still be running stops with it: each page it applied is whole, and
 * the next round starts from its stored cursor) and dropped; the next round starts another.
 */
export function roundInWorker(token: TokenSource): Promise<RoundOutcome | null> {
  const s = (started ??= start());
  return Promise.race([s.remote.round(Comlink.proxy(token)), s.dead]);
}
