/**
 * The far reader over a real Comlink channel: the reader's API answers with the parts and their
 * checksums (arrays transferred); a reader worker that fails or never answers ends the read,
 * rejected, and is terminated; the engine's load then reads the snapshot whole, itself.
 */
import 'fake-indexeddb/auto';
import * as Comlink from 'comlink';
import { afterAll, describe, expect, it } from 'vitest';
import { closeAll } from '../db/repos/compliance-test-fixture';
import { loadGridSnapshot } from '../db/repos/engine-snapshot-repo';
import { storedSnapshot } from '../db/repos/snapshot-test-fixture';
import { farReaderOf, type ReaderWorker, type SnapshotReaderApi } from './snapshot-far-reader';
import { snapshotReaderApi } from './snapshot-reader-api';

afterAll(closeAll);

/** A worker stand-in: one end of a channel, `api` answering on the other (none: it never answers). */
function channelWorker(api: SnapshotReaderApi | null) {
  const { port1, port2 } = new MessageChannel();
  if (api) Comlink.expose(api, port2);
  const errors = new EventTarget();
  const seen = { terminated: false, fail: () => void errors.dispatchEvent(new Event('error')) };
  const worker: ReaderWorker = {
    postMessage: (message: unknown, transfer?: Transferable[]) => port1.postMessage(message, transfer ?? []),
    addEventListener: (type: string, listener: EventListenerOrEventListenerObject) =>
      (type === 'error' ? errors : port1).addEventListener(type, listener as EventListener),
    removeEventListener: (type: string, listener: EventListenerOrEventListenerObject) =>
      (type === 'error' ? errors : port1).removeEventListener(type, listener as EventListener),
    start: () => port1.start(),
    terminate: () => {
      seen.terminated = true;
      port1.close();
      port2.close();
    },
  };
  port1.start();
  return { worker, seen };
}

const never: SnapshotReaderApi = { read: () => new Promise(() => {}) };

describe('the far reader', () => {
  it('reads parts through the reader API, their arrays transferred, and stops the worker', async () => {
    const { db } = await storedSnapshot(60);
    const keys = (await db.engine.where('key').startsWith('grid:chunk:00001:').primaryKeys()) as string[];
    const { worker, seen } = channelWorker(snapshotReaderApi);
    const read = await farReaderOf(() => worker)(db.name, keys);
    expect(read.parts).toHaveLength(3);
    expect(read.parts.every((p) => p && p.start === 60)).toBe(true);
    expect(read.sums.every((s, k) => s !== null && keys[k]!.endsWith(s.slice(0, 20)))).toBe(true);
    expect(seen.terminated).toBe(true);
  });

  it('ends, rejected, when the worker fails or never answers, and stops it', async () => {
    const failing = channelWorker(never);
    const failed = farReaderOf(() => failing.worker)('leadledger', ['x']);
    failing.seen.fail();
    await expect(failed).rejects.toThrow(/failed/);
    expect(failing.seen.terminated).toBe(true);
    const silent = channelWorker(never);
    await expect(farReaderOf(() => silent.worker, 50)('leadledger', ['x'])).rejects.toThrow(/more than 50 ms/);
    expect(silent.seen.terminated).toBe(true);
  });

  it('leaves the engine to read a snapshot whole when its reader never answers', async () => {
    const { db } = await storedSnapshot(60);
    const silent = channelWorker(never);
    const load = await loadGridSnapshot(
      db,
      undefined,
      farReaderOf(() => silent.worker, 50),
    );
    expect('cols' in load && load.current).toBe(true);
    expect(silent.seen.terminated).toBe(true);
  });
});
