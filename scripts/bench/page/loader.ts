/**
 * Runs inside the benchmark's blank same-origin page (no app code, no other connection):
 * generates the dataset chunk by chunk and writes it with raw IndexedDB puts into the app's
 * database, whose schema the app created on its first start. The put of the leads is timed
 * alone (generation excluded): it is the floor every import is compared with.
 * Bundled to an IIFE by page-bundles.ts; exposes `globalThis.__benchLoader`.
 */
import { benchCatalog, generateChunk, type DatasetSpec } from '../dataset';
import { leadsCsvParts } from '../dataset-csv';

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
    const stores = Array.from(db.objectStoreNames);
    if (!stores.includes('settings')) return { stores, demoSeeded: false };
    const tx = db.transaction('settings', 'readonly');
    const req = tx.objectStore('settings').get('flag:demoSeeded');
    await done(req);
    return { stores, demoSeeded: (req.result as { value?: unknown } | undefined)?.value === true };
  } finally {
    db.close();
  }
}

/** Empty every table but the settings (and `keep`), and keep the demo from seeding itself again. */
async function emptyAll(keep: readonly string[] = []): Promise<void> {
  const db = await open();
  try {
    const stores = Array.from(db.objectStoreNames).filter((s) => s !== 'settings' && !keep.includes(s));
    const tx = db.transaction([...stores, 'settings'], 'readwrite');
    for (const s of stores) tx.objectStore(s).clear();
    tx.objectStore('settings').put({ key: 'flag:demoSeeded', value: true });
    await done(tx);
  } finally {
    db.close();
  }
}

export interface PutLeadsResult {
  leads: number;
  /** Time spent putting the leads (the floor); generation excluded. */
  putMs: number;
  generateMs: number;
}

/** Clear the leads, then put `spec.size` generated leads, one transaction per chunk; only the puts are timed. */
async function putLeads(spec: DatasetSpec, label: string): Promise<PutLeadsResult> {
  const db = await open();
  try {
    const clear = db.transaction('leads', 'readwrite');
    clear.objectStore('leads').clear();
    await done(clear);
    const out: PutLeadsResult = { leads: spec.size, putMs: 0, generateMs: 0 };
    for (let from = 1; from <= spec.size; from += CHUNK) {
      const g0 = performance.now();
      const { leads } = generateChunk(spec, from, CHUNK);
      out.generateMs += performance.now() - g0;
      out.putMs += await putAll(db, 'leads', leads);
    }
    performance.measure(`bench:${label}`, { start: 0, duration: out.putMs });
    return out;
  } finally {
    db.close();
  }
}

export interface PutRestResult {
  calls: number;
  consents: number;
  dncEntries: number;
  putMs: number;
}

/** Put what belongs to the leads: calls, consents, DNC entries and the catalog (same generation, leads dropped). */
async function putRest(spec: DatasetSpec): Promise<PutRestResult> {
  const db = await open();
  try {
    const catalog = benchCatalog(spec);
    const out: PutRestResult = { calls: 0, consents: 0, dncEntries: 0, putMs: 0 };
    out.putMs += await putAll(db, 'sources', catalog.sources);
    out.putMs += await putAll(db, 'campaigns', catalog.campaigns);
    out.putMs += await putAll(db, 'dncLists', catalog.dncLists);
    out.putMs += await putAll(db, 'dncListVersions', catalog.dncListVersions);
    for (let from = 1; from <= spec.size; from += CHUNK) {
      const chunk = generateChunk(spec, from, CHUNK);
      out.putMs += await putAll(db, 'calls', chunk.calls);
      out.putMs += await putAll(db, 'consents', chunk.consents);
      out.putMs += await putAll(db, 'dncEntries', chunk.dncEntries);
      out.calls += chunk.calls.length;
      out.consents += chunk.consents.length;
      out.dncEntries += chunk.dncEntries.length;
    }
    return out;
  } finally {
    db.close();
  }
}

/**
 * The DNC lists (as in the dataset) and `count` numbers on the national US list, in force from
 * version 2, for the scrub: spread evenly over the ten-digit range, a few of them the leads'
 * own. Written in ascending key order, as a sorted registry file would be: random order makes
 * LevelDB compact the same data over and over (many times slower). The dataset's own entries
 * are added later by putRest.
 */
async function putDncNumbers(spec: DatasetSpec, count: number): Promise<{ numbers: number; putMs: number }> {
  const db = await open();
  try {
    const catalog = benchCatalog(spec);
    let putMs =
      (await putAll(db, 'dncLists', catalog.dncLists)) + (await putAll(db, 'dncListVersions', catalog.dncListVersions));
    for (let from = 0; from < count; from += 100_000) {
      const rows = [];
      for (let i = from; i < Math.min(count, from + 100_000); i++)
        rows.push({
          listId: 'national-us',
          phoneE164: `+1${2_000_000_000 + Math.floor(i * (8_000_000_000 / count)) + (i % 7)}`,
          addedVersionId: 2,
        });
      putMs += await putAll(db, 'dncEntries', rows);
    }
    return { numbers: count, putMs };
  } finally {
    db.close();
  }
}

/** Hand the dataset's CSV (leads 1…size) to the page's file input, as a user choosing a file would. */
function chooseImportFile(spec: DatasetSpec, name: string): { bytes: number } {
  const input = document.querySelector<HTMLInputElement>('input[type="file"]');
  if (!input) throw new Error('no file input on the page');
  const file = new File(leadsCsvParts(spec), name, { type: 'text/csv' });
  const transfer = new DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  return { bytes: file.size };
}

/** Delete every database of this origin (a scenario starts from nothing). */
async function deleteDatabases(): Promise<string[]> {
  const names = (await indexedDB.databases()).map((d) => d.name).filter((n): n is string => !!n);
  for (const name of names) await done(indexedDB.deleteDatabase(name));
  return names;
}

const loader = { describe, emptyAll, putLeads, putRest, putDncNumbers, chooseImportFile, deleteDatabases };
export type BenchLoader = typeof loader;
(globalThis as unknown as { __benchLoader: BenchLoader }).__benchLoader = loader;
