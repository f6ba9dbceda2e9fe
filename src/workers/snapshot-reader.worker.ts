/**
 * The grid engine's snapshot reader: reads the stored parts it is asked for and takes each one's
 * checksum, on its own thread, while the engine reads the others (engine-snapshot-repo.ts,
 * readSplit). The arrays are handed over, not copied. Started by the grid worker for one read of
 * a large snapshot; holds nothing after it.
 */
import * as Comlink from 'comlink';
import type { FarParts } from '../db/repos/snapshot-read';
import { readPartsRaw } from '../db/repos/snapshot-parts-raw';

const api = {
  async read(dbName: string, keys: string[]): Promise<FarParts> {
    const read = await readPartsRaw(dbName, keys);
    const buffers = new Set<ArrayBuffer>();
    for (const part of read.parts)
      for (const array of Object.values(part?.arrays ?? {}))
        if (array.buffer instanceof ArrayBuffer) buffers.add(array.buffer);
    return Comlink.transfer(read, [...buffers]);
  },
};

export type SnapshotReaderApi = typeof api;
Comlink.expose(api);
