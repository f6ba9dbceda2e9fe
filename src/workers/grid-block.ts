/**
 * A block of visible grid rows, display-ready: drawn from the engine's columns (no lead read) and
 * shown with the verdict the engine's columns hold for them at the instant the filter used — the
 * same cached judgement the filter tested, with the calling hours of that instant — formatted in
 * the reader's locale and zone. No history is read and no lead is judged to draw a row; the page
 * neither reads IndexedDB nor judges (decisions 020, 021).
 */
import type { LeadsDb } from '../db/leads-db';
import { CALL_OUTCOMES } from '../domain/leads/call-outcome';
import {
  displayRow,
  type CatalogNames,
  type DisplayLead,
  type DisplayLocale,
  type DisplayRow,
} from '../domain/leads/display-row';
import { FLAG_CONNECTED, FLAG_CONVERTED, FLAG_DELETED } from '../domain/columns/lead-flags';
import { contactAt, type LeadColumns } from '../domain/leads/index/lead-columns';
import { rowOf } from '../domain/leads/index/lead-columns-joined';
import { rowVerdict } from '../domain/leads/index/row-verdict';
import { type GridIndex } from './grid-index';
import { outsideHoursAt } from './grid-index-reads';
import { measureSince } from './grid-timing';
import { catalogNames as readCatalogNames } from '../db/repos/catalog-repo';
import { instantAt } from '../domain/columns/instant-column';

/** The source and campaign names, read once per data version (they change rarely and are few). */
const catalogs = new WeakMap<LeadsDb, { version: number; names: Promise<CatalogNames> }>();
function catalogNames(db: LeadsDb, version: number): Promise<CatalogNames> {
  let catalog = catalogs.get(db);
  if (catalog?.version !== version) {
    catalogs.set(db, (catalog = { version, names: readCatalogNames(db) }));
  }
  return catalog.names;
}

/** Row `i` of the columns as a grid row sees it: every value it draws is in the columns (decision 027). */
export function displayLeadAt(cols: LeadColumns, i: number): DisplayLead {
  const tags: string[] = [];
  const bits = cols.tagBits[i]!;
  for (let b = 0; b < 32; b++) if (bits & (1 << b)) tags.push(cols.dict.tags.values[b + 1]!);
  for (const code of cols.extraTags.get(i) ?? []) tags.push(cols.dict.tags.values[code]!);
  const campaign = cols.campaign[i]!;
  const outcome = cols.lastOutcome[i]!;
  const flags = cols.flags[i]!;
  const { name, company } = contactAt(cols, i);
  return {
    id: cols.ids[i]!,
    // The stored number as is (E.164, or an anonymised lead's hash), less its separator.
    phoneE164: rowOf(cols.phones, cols.phoneStart, i).slice(0, -1),
    name,
    company,
    sourceId: cols.dict.source.values[cols.source[i]!]!,
    campaignId: campaign ? cols.dict.campaign.values[campaign] : undefined,
    acquiredAt: instantAt(cols.acquiredAt, i),
    createdAt: instantAt(cols.createdAt, i),
    dncCheckedAt: orUndefined(instantAt(cols.dncCheckedAt, i)),
    lastContactAt: orUndefined(instantAt(cols.lastContactAt, i)),
    attempts: cols.attempts[i]!,
    lastOutcome: outcome ? CALL_OUTCOMES[outcome - 1] : undefined,
    tags,
    connected: (flags & FLAG_CONNECTED) !== 0,
    converted: (flags & FLAG_CONVERTED) !== 0,
  };
}

const orUndefined = (v: number) => (v === v ? v : undefined);

/**
 * Rows `rows` (row indexes of `index`, in that order) as shown at `at`, drawn from the columns
 * alone: no lead is read from IndexedDB (that read was half a block's time). A lead deleted and
 * caught up is left out; one deleted since the last catch-up shows until the change signal
 * (150 ms after the write) redraws the grid without it.
 */
export async function displayBlock(
  db: LeadsDb,
  index: GridIndex,
  rows: ArrayLike<number>,
  at: number,
  where: DisplayLocale,
  version: number,
): Promise<DisplayRow[]> {
  const t0 = performance.now();
  const { cols } = index;
  const names = await catalogNames(db, version);
  measureSince('block:read', t0);
  const t1 = performance.now();
  const outside = outsideHoursAt(index, at);
  const out: DisplayRow[] = [];
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k]!;
    if (!(cols.flags[i]! & FLAG_DELETED))
      out.push(displayRow(displayLeadAt(cols, i), rowVerdict(cols, i, outside(i)), names, where, at, index.dormantMs));
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
