/**
 * A block of visible grid rows, display-ready: the leads read by primary key (one bulk get) and
 * shown with the verdict the engine's columns hold for them at the instant the filter used — the
 * same cached judgement the filter tested, with the calling hours of that instant — formatted in
 * the reader's locale and zone. No history is read and no lead is judged to draw a row; the page
 * neither reads IndexedDB nor judges (decisions 020, 021).
 */
import type { LeadsDb } from '../db/leads-db';
import { displayRow, type CatalogNames, type DisplayLocale, type DisplayRow } from '../domain/leads/display-row';
import type { Lead } from '../domain/leads/lead';
import { rowVerdict } from '../domain/leads/index/row-verdict';
import { outsideHoursAt, type GridIndex } from './grid-index';
import { measureSince } from './grid-timing';

/** The source and campaign names, read once per data version (they change rarely and are few). */
const catalogs = new WeakMap<LeadsDb, { version: number; names: Promise<CatalogNames> }>();
function catalogNames(db: LeadsDb, version: number): Promise<CatalogNames> {
  let catalog = catalogs.get(db);
  if (catalog?.version !== version) {
    const names = Promise.all([db.sources.toArray(), db.campaigns.toArray()]).then(([sources, campaigns]) => ({
      sources: new Map(sources.map((s) => [s.id, s.name])),
      campaigns: new Map(campaigns.map((c) => [c.id, c.name])),
    }));
    catalogs.set(db, (catalog = { version, names }));
  }
  return catalog.names;
}

/**
 * Rows `rows` (row indexes of `index`, in that order) as shown at `at`; a lead no longer stored
 * (deleted, the index not caught up yet) is left out.
 */
export async function displayBlock(db: LeadsDb, index: GridIndex, rows: ArrayLike<number>, at: number, where: DisplayLocale, version: number): Promise<DisplayRow[]> {
  const t0 = performance.now();
  const { cols } = index;
  const ids = Array.from(rows, (i) => cols.ids[i]!);
  const [leads, names] = await Promise.all([db.leads.bulkGet(ids) as Promise<(Lead | undefined)[]>, catalogNames(db, version)]);
  measureSince('block:read', t0);
  const t1 = performance.now();
  const outside = outsideHoursAt(index, at);
  const out: DisplayRow[] = [];
  for (let k = 0; k < leads.length; k++) {
    const lead = leads[k];
    const i = rows[k]!;
    if (lead) out.push(displayRow(lead, rowVerdict(cols, i, outside(i)), names, where, at, index.dormantMs));
  }
  measureSince('block:format', t1);
  measureSince('block:total', t0);
  return out;
}

/**
 * Runs at most `limit` tasks at once, the most recently asked first. A fast scroll asks for every
 * block it passes (the bench's top-to-bottom scroll: ~160); served in arrival order, the block now
 * on screen waited behind all of them. Every task still runs (each caller gets its rows), newest first.
 */
export function latestFirst(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  const waiting: (() => void)[] = [];
  let running = 0;
  const next = () => {
    while (running < limit && waiting.length) {
      running++;
      waiting.pop()!();
    }
  };
  return (task) =>
    new Promise((resolve, reject) => {
      waiting.push(() => {
        task()
          .then(resolve, reject)
          .finally(() => {
            running--;
            next();
          });
      });
      next();
    });
}
