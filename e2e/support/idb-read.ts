import type { Page } from '@playwright/test';

/** Every record of one IndexedDB store, read straight from the browser (not through the app). */
export function readStore<T>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('leadledger');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction(name, 'readonly').objectStore(name).getAll();
          req.onsuccess = () => {
            resolve(req.result as T[]);
            open.result.close();
          };
          req.onerror = () => reject(req.error);
        };
      }),
    store,
  );
}

/** One record by key, read straight from IndexedDB. */
export function readRecord<T>(page: Page, store: string, key: number): Promise<T | undefined> {
  return page.evaluate(
    ([name, id]) =>
      new Promise<T | undefined>((resolve, reject) => {
        const open = indexedDB.open('leadledger');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction(name, 'readonly').objectStore(name).get(id);
          req.onsuccess = () => {
            resolve(req.result as T | undefined);
            open.result.close();
          };
          req.onerror = () => reject(req.error);
        };
      }),
    [store, key] as const,
  );
}
