/**
 * Snapshot parts read with IndexedDB itself, for the engine's snapshot reader worker (no Dexie, no
 * schema: the engine has opened and upgraded the database before it asks), each part's checksum
 * taken as it arrives. The database is opened as it is, and closed when the parts are read.
 */
import type { ChunkPart } from '../../domain/leads/index/chunk-part-contents';
import { checksumOrNull, partOf } from './snapshot-checksum';
import type { FarParts } from './snapshot-read';

const ENGINE_STORE = 'engine';

function openAsItIs(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name);
    req.onsuccess = () => {
      // Another tab's upgrade is not held up: the read then fails, and the engine reads it all itself.
      req.result.onversionchange = () => req.result.close();
      resolve(req.result);
    };
    req.onerror = () => reject(req.error ?? new Error(`database ${name} could not be opened`));
    // No upgrade from here: a database that does not exist yet is not this reader's to create.
    req.onupgradeneeded = () => req.transaction?.abort();
  });
}

/** Parts `keys` of the engine's store, each with its checksum taken as it arrives. */
function readParts(db: IDBDatabase, keys: string[]): Promise<FarParts> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(ENGINE_STORE, 'readonly');
    const store = tx.objectStore(ENGINE_STORE);
    const parts: (ChunkPart | undefined)[] = new Array(keys.length);
    const sums: Promise<string | null>[] = new Array(keys.length);
    keys.forEach((key, k) => {
      const req = store.get(key);
      req.onsuccess = () => {
        parts[k] = partOf(req.result);
        sums[k] = checksumOrNull(parts[k]);
      };
    });
    tx.oncomplete = () => void Promise.all(sums).then((s) => resolve({ parts, sums: s }), reject);
    tx.onerror = () => reject(tx.error ?? new Error('snapshot parts could not be read'));
    tx.onabort = () => reject(tx.error ?? new Error('snapshot parts read aborted'));
  });
}

/** Parts `keys` of the engine's store of database `dbName`, with their checksums. */
export async function readPartsRaw(dbName: string, keys: string[]): Promise<FarParts> {
  const db = await openAsItIs(dbName);
  try {
    return await readParts(db, keys);
  } finally {
    db.close();
  }
}
