/**
 * The grid engine's far reader (engine-snapshot-repo.ts, readSplit): a snapshot reader worker
 * started for one read, asked through Comlink, and terminated after it. Comlink listens for
 * messages only: a worker whose script fails to load, or that the browser stops, would leave the
 * read pending for ever, and the engine's opening with it. The read therefore also ends on the
 * worker's `error` and after `waitMs`, rejected: the engine then reads the snapshot itself.
 */
import * as Comlink from 'comlink';
import type { FarPartReader, FarParts } from '../db/repos/snapshot-read';

/** What the reader worker answers (snapshot-reader.worker.ts). */
export interface SnapshotReaderApi {
  read(dbName: string, keys: string[]): Promise<FarParts>;
}

/** What the far reader needs of a worker: Comlink's endpoint, its error event, and a way to stop it. */
export type ReaderWorker = Comlink.Endpoint & Pick<Worker, 'terminate'>;

/** At most this long for the other half of a snapshot (about 1 s at 1M on this project's machine). */
export const FAR_READ_WAIT_MS = 30_000;

export function farReaderOf(start: () => ReaderWorker, waitMs = FAR_READ_WAIT_MS): FarPartReader {
  return async (dbName, keys) => {
    const worker = start();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let onError: (() => void) | undefined;
    const failed = new Promise<never>((_, reject) => {
      onError = () => reject(new Error('the snapshot reader worker failed'));
      worker.addEventListener('error', onError);
      timer = setTimeout(() => reject(new Error(`the snapshot reader took more than ${waitMs} ms`)), waitMs);
    });
    try {
      return await Promise.race([Comlink.wrap<SnapshotReaderApi>(worker).read(dbName, keys), failed]);
    } finally {
      clearTimeout(timer);
      if (onError) worker.removeEventListener('error', onError);
      worker.terminate();
    }
  };
}
