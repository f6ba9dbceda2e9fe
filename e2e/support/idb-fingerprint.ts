import type { Page } from '@playwright/test';

export interface StoreFingerprint {
  count: number;
  /** FNV-1a over the JSON of every record in key order: equal means the same records. */
  hash: string;
  /** The first and last records, for a readable spot check when the hashes differ. */
  first: unknown;
  last: unknown;
}

/**
 * Read every object store of the app's database straight from IndexedDB (not through the app)
 * and fingerprint it. `skip` names bookkeeping stores that a failed write may legitimately touch
 * (the operation journal records the failure), the engine's cache and the change log (the grid stores its
 * snapshot whenever it rebuilds; a failed write leaves its data version as it was, which
 * e2e/engine-snapshot.spec.ts checks on its own).
 */
export function fingerprintDb(
  page: Page,
  skip: readonly string[] = ['operations', 'engine', 'changes'],
): Promise<Record<string, StoreFingerprint>> {
  return page.evaluate(
    (skipped) =>
      new Promise<Record<string, StoreFingerprint>>((resolve, reject) => {
        const open = indexedDB.open('leadledger');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = Array.from(db.objectStoreNames).filter((n) => !skipped.includes(n));
          const tx = db.transaction(names, 'readonly');
          const out: Record<string, StoreFingerprint> = {};
          for (const name of names) {
            const req = tx.objectStore(name).getAll();
            req.onsuccess = () => {
              const rows = req.result as unknown[];
              let h = 0x811c9dc5;
              for (const row of rows) {
                const text = JSON.stringify(row);
                for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
              }
              out[name] = {
                count: rows.length,
                hash: h.toString(16),
                first: rows[0] ?? null,
                last: rows[rows.length - 1] ?? null,
              };
            };
          }
          tx.oncomplete = () => {
            db.close();
            resolve(out);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    [...skip],
  );
}

/**
 * How many records each named store holds (IDBObjectStore.count: no record is read). For checks
 * that only compare counts, where a full fingerprint would read and hash every table.
 */
export function countStores(page: Page, names: readonly string[]): Promise<Record<string, number>> {
  return page.evaluate(
    (stores) =>
      new Promise<Record<string, number>>((resolve, reject) => {
        const open = indexedDB.open('leadledger');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(stores, 'readonly');
          const out: Record<string, number> = {};
          for (const name of stores) {
            const req = tx.objectStore(name).count();
            req.onsuccess = () => (out[name] = req.result);
          }
          tx.oncomplete = () => {
            db.close();
            resolve(out);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    [...names],
  );
}
