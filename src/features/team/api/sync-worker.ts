import * as Comlink from 'comlink';
import type { SyncWorkerApi } from '../../../workers/sync.worker';
import type { RoundOutcome, TokenSource } from './sync-round';

interface Started {
  remote: Comlink.Remote<SyncWorkerApi>;
  /** Rejects if the worker fails (its script did not load, or it threw outside a call): Comlink would wait forever. */
  failed: Promise<never>;
}

let started: Started | null = null;

function start(): Started {
  const worker = new Worker(new URL('../../../workers/sync.worker.ts', import.meta.url), {
    type: 'module',
    name: 'sync',
  });
  const failed = new Promise<never>((_, reject) =>
    worker.addEventListener('error', (e) => reject(new Error(`the sync worker failed: ${e.message}`))),
  );
  failed.catch(() => undefined);
  return { remote: Comlink.wrap<SyncWorkerApi>(worker), failed };
}

/**
 * One round in the sync worker (one per page, started by the first round). A worker that failed
 * is dropped, and the next round starts another.
 */
export async function roundInWorker(token: TokenSource): Promise<RoundOutcome | null> {
  const s = (started ??= start());
  try {
    return await Promise.race([s.remote.round(Comlink.proxy(token)), s.failed]);
  } catch (error) {
    if (started === s) started = null;
    throw error;
  }
}
