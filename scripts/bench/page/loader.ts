/**
 * Runs inside the benchmark's blank same-origin page (no app code, no other connection):
 * generates the dataset chunk by chunk and writes it with raw IndexedDB puts into the app's
 * database, whose schema the app created on its first start. The put of the leads is timed
 * alone (generation excluded): it is the floor every import is compared with.
 * Bundled to an IIFE by page-bundles.ts; exposes `globalThis.__benchLoader`.
 */
import { benchCatalog, generateChunk, type DatasetSpec } from '../dataset';

const DB_NAME = 'leadledger';
const CHUNK = 20_000;

function done(req: IDBRequest | IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    if (req instanceof IDBTransaction) {
      req.oncomplete = () => resolve();
      req.onabort = req.onerror = () => reject(req.error ?? new Error('transaction aborted'));
    } else {
      req.onsuccess = () => resolve();
      req.onerror = () => reject(req.error ?? new Error('request failed'));
    }
  });
}

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('open failed'));
    req.onblocked = () => reject(new Error('open blocked: another connection is still open'));
  });
}

async function putAll(db: IDBDatabase, store: string, rows: readonly unknown[]): Promise<number> {
  const t0 = performance.now();
  const tx = db.transaction(store, 'readwrite');
  const os = tx.objectStore(store);
  for (const row of rows) os.put(row);
  await done(tx);
  return performance.now() - t0;
}

/** The stores the app created, and whether it finished seeding its demo data. */
async function describe(): Promise<{ stores: string[]; demoSeeded: boolean }> {
  const db = await open();
  try {
    const stores = [...db.objectStoreNames];
    if (!stores.includes('settings')) return { stores, demoSeeded: false };
    const tx = db.transaction('settings', 'readonly');
    const req = tx.objectStore('settings').get('flag:demoSeeded');
    await done(req);
    return { stores, demoSeeded: (req.result as { value?: unknown } | undefined)?.value === true };
  } finally {
    db.close();
  }
}

/** Empty every table but the settings, and keep the demo from seeding itself again. */
async function emptyAll(): Promise<void> {
  const db = await open();
  try {
    const stores = [...db.objectStoreNames].filter((s) => s !== 'settings');
    const tx = db.transaction([...stores, 'settings'], 'readwrite');
    for (const s of stores) tx.objectStore(s).clear();
    tx.objectStore('settings').put({ key: 'flag:demoSeeded', value: true });
    await done(tx);
  } finally {
    db.close();
  }
}

export interface PutResult {
  leads: number;
  /** Time spent putting the leads (the floor): generation and the other tables excluded. */
  putMs: number;
  generateMs: number;
  /** With `withRest`: calls, consents and DNC entries written, and the time that took. */
  calls: number;
  consents: number;
  dncEntries: number;
  restMs: number;
}

/**
 * Clear the leads, then put `spec.size` generated leads, a chunk per transaction. With
 * `withRest`, each chunk's calls, consents and DNC entries (and the catalog) follow in their own
 * transactions, timed apart, so the same generation serves both.
 */
async function putLeads(spec: DatasetSpec, opts: { label: string; withRest: boolean }): Promise<PutResult> {
  const db = await open();
  try {
    const clear = db.transaction('leads', 'readwrite');
    clear.objectStore('leads').clear();
    await done(clear);
    const out: PutResult = { leads: spec.size, putMs: 0, generateMs: 0, calls: 0, consents: 0, dncEntries: 0, restMs: 0 };
    for (let from = 1; from <= spec.size; from += CHUNK) {
      const g0 = performance.now();
      const chunk = generateChunk(spec, from, CHUNK);
      out.generateMs += performance.now() - g0;
      out.putMs += await putAll(db, 'leads', chunk.leads);
      if (!opts.withRest) continue;
      out.restMs += await putAll(db, 'calls', chunk.calls);
      out.restMs += await putAll(db, 'consents', chunk.consents);
      out.restMs += await putAll(db, 'dncEntries', chunk.dncEntries);
      out.calls += chunk.calls.length;
      out.consents += chunk.consents.length;
      out.dncEntries += chunk.dncEntries.length;
    }
    if (opts.withRest) {
      const catalog = benchCatalog(spec);
      out.restMs += await putAll(db, 'sources', catalog.sources);
      out.restMs += await putAll(db, 'campaigns', catalog.campaigns);
      out.restMs += await putAll(db, 'dncLists', catalog.dncLists);
      out.restMs += await putAll(db, 'dncListVersions', catalog.dncListVersions);
    }
    performance.measure(`bench:${opts.label}`, { start: 0, duration: out.putMs });
    return out;
  } finally {
    db.close();
  }
}

/** Delete every database of this origin (a scenario starts from nothing). */
async function deleteDatabases(): Promise<string[]> {
  const names = (await indexedDB.databases()).map((d) => d.name).filter((n): n is string => !!n);
  for (const name of names) await done(indexedDB.deleteDatabase(name));
  return names;
}

const loader = { describe, emptyAll, putLeads, deleteDatabases };
export type BenchLoader = typeof loader;
(globalThis as unknown as { __benchLoader: BenchLoader }).__benchLoader = loader;
