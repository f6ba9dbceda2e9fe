/**
 * Tools for the crash-safety tests: a persistent Chromium profile that can be killed two ways
 * and opened again, and a reader of the raw IndexedDB (bypassing the app, so what it reports
 * is what the browser kept on disk).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { chromium, type BrowserContext, type Page, type TestInfo } from '@playwright/test';
import { useE2eDemoScale } from './demo-scale';

/** A persistent profile at `dir`, launched as playwright.config.ts launches its browser. */
export async function launchProfile(dir: string, info: TestInfo): Promise<BrowserContext> {
  const use = info.project.use;
  const context = await chromium.launchPersistentContext(dir, {
    ...(use.launchOptions?.executablePath ? { executablePath: use.launchOptions.executablePath } : {}),
    args: use.launchOptions?.args ?? [],
    headless: true,
    baseURL: use.baseURL,
    viewport: { width: 1440, height: 900 },
    locale: 'en-US',
    // The offline service worker only precaches assets; it has no part in what is written.
    serviceWorkers: 'block',
  });
  context.setDefaultTimeout(60_000);
  await useE2eDemoScale(context);
  return context;
}

/**
 * The browser process of the profile at `dir`: the one process whose command line names the
 * profile and is not a child (children carry `--type=`). Found through /proc, because a
 * persistent context exposes no browser process of its own.
 */
export function browserPid(dir: string): number {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let cmd: string[];
    try {
      cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
    } catch {
      continue;
    }
    if (cmd.includes(`--user-data-dir=${dir}`) && !cmd.some((a) => a.startsWith('--type='))) found.push(Number(entry));
  }
  if (found.length !== 1) throw new Error(`expected one browser process for ${dir}, found ${found.length}`);
  return found[0]!;
}

/** Crash the page's renderer (CDP Page.crash): the tab, its workers and their open transactions die. */
export async function crashRenderer(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const crashed = page.waitForEvent('crash', { timeout: 30_000 });
  void cdp.send('Page.crash').catch(() => {});
  await crashed;
  await page.close().catch(() => {});
}

/** SIGKILL the whole browser (no shutdown, no flush) and wait until Playwright sees it gone. */
export async function killBrowser(context: BrowserContext, dir: string): Promise<void> {
  const closed = new Promise<void>((resolve) => context.once('close', () => resolve()));
  process.kill(browserPid(dir), 'SIGKILL');
  await closed;
}

export interface OperationFact {
  id: number;
  kind: string;
  state: string;
  summary: { fileName?: string; count?: number; opKind?: string; mode?: string };
}

export interface DbFacts {
  leads: number;
  /** Anonymised leads (their phone is a keyed hash, `hmac:…`), counted on the phone index. */
  anonymized: number;
  /** For each tag asked about: how many leads carry it (all leads scanned when `everySource`, else only `source`'s). */
  tagged: Record<string, number>;
  batches: { id: number; fileName: string; status: string; created?: number; leads: number }[];
  operations: OperationFact[];
  audit: unknown[];
}

/** What to read: `tags` counted on `source`'s leads (every lead's when `everySource`); `audit: false` skips the trail. */
export interface FactsQuery {
  tags: string[];
  source: string;
  everySource?: boolean;
  audit?: boolean;
}

/**
 * Read the facts the crash checks need straight from IndexedDB, in one read transaction: counts
 * on the indexes where there is one, the tags from one getAll of the leads (source is no index
 * since schema v004; a cursor step per lead would dominate the run). A throw inside rejects.
 * The facts come back as one JSON string: Playwright's own serializer walks every value of a
 * returned object in the page, and the audit trail holds each bulk edit's leads before and after
 * (megabytes after a few points), which made each read take 3–21 s. JSON loses nothing the checks
 * read (the audit hashes are computed over a JSON of the same values).
 */
export async function dbFacts(page: Page, tags: string[], source: string, everySource = false): Promise<DbFacts> {
  return readFacts(page, { tags, source, everySource });
}

/** The same read without the tags and the audit trail: the counts before a kill point's click. */
export async function dbCounts(page: Page): Promise<Pick<DbFacts, 'leads' | 'anonymized' | 'operations'>> {
  return readFacts(page, { tags: [], source: '', audit: false });
}

async function readFacts(page: Page, query: FactsQuery): Promise<DbFacts> {
  const json = await page.evaluate(
    ({ tags: tagList, source: src, everySource: all = false, audit: withAudit = true }) =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('leadledger');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          try {
            read(open.result);
          } catch (e) {
            reject(e as Error);
          }
        };
        const read = (db: IDBDatabase) => {
          const tx = db.transaction(['leads', 'importBatches', 'operations', 'audit'], 'readonly');
          const leads = tx.objectStore('leads');
          const facts: DbFacts = { leads: 0, anonymized: 0, tagged: {}, batches: [], operations: [], audit: [] };
          for (const t of tagList) facts.tagged[t] = 0;
          const total = leads.count();
          const anonymized = leads.index('phoneE164').count(IDBKeyRange.bound('hmac:', 'hmac:\uffff'));
          if (tagList.length) {
            const rows = leads.getAll();
            rows.onsuccess = () => {
              for (const lead of rows.result as { sourceId: string; tags?: string[] }[]) {
                if (!all && lead.sourceId !== src) continue;
                for (const t of lead.tags ?? []) if (t in facts.tagged) facts.tagged[t]!++;
              }
            };
          }
          const perBatch = new Map<number, IDBRequest<number>>();
          const batches = tx.objectStore('importBatches').getAll();
          batches.onsuccess = () => {
            for (const b of batches.result as { id: number }[])
              perBatch.set(b.id, leads.index('importBatchId').count(b.id));
          };
          const ops = tx.objectStore('operations').getAll();
          const audit = withAudit ? tx.objectStore('audit').getAll() : null;
          tx.oncomplete = () => {
            facts.leads = total.result;
            facts.anonymized = anonymized.result;
            facts.batches = (batches.result as DbFacts['batches']).map((b) => ({
              id: b.id,
              fileName: b.fileName,
              status: b.status,
              created: b.created,
              leads: perBatch.get(b.id)?.result ?? 0,
            }));
            facts.operations = ops.result as OperationFact[];
            facts.audit = (audit?.result ?? []) as unknown[];
            db.close();
            resolve(JSON.stringify(facts));
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    query,
  );
  return JSON.parse(json) as DbFacts;
}

/** A small seeded generator (mulberry32), so a failing kill point can be replayed with its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
