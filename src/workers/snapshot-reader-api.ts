/** What the snapshot reader worker answers (snapshot-reader.worker.ts), apart from its exposing, so tests can ask it over a channel. */
import * as Comlink from 'comlink';
import { readPartsRaw } from '../db/repos/snapshot-parts-raw';
import type { FarParts } from '../db/repos/snapshot-read';
import type { SnapshotReaderApi } from './snapshot-far-reader';

/** Reads parts `keys` of database `dbName` with their checksums, and hands their arrays over. */
export const snapshotReaderApi: SnapshotReaderApi = {
  async read(dbName: string, keys: string[]): Promise<FarParts> {
    const read = await readPartsRaw(dbName, keys);
    const buffers = new Set<ArrayBuffer>();
    for (const part of read.parts)
      for (const array of Object.values(part?.arrays ?? {}))
        if (array.buffer instanceof ArrayBuffer) buffers.add(array.buffer);
    return Comlink.transfer(read, [...buffers]);
  },
};
