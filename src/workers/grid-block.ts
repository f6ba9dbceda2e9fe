/**
 * A block of visible grid rows, display-ready: the leads read by id, judged at the instant the
 * filter used, formatted in the reader's locale and zone. Runs in the grid's worker, so the page
 * neither reads IndexedDB nor judges a lead to draw a row.
 */
import type { LeadsDb } from '../db/leads-db';
import { getLeadsByIds, loadWorldFor } from '../db/repos/lead-history-repo';
import { getSettings } from '../db/repos/settings-repo';
import { createJudge } from '../domain/compliance/judge';
import { dormantPeriodMs } from '../domain/leads/lifecycle-stage';
import { displayRow, type CatalogNames, type DisplayLocale, type DisplayRow } from '../domain/leads/display-row';

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

/** The rows of `ids` (in that order; ids no longer stored are left out), as shown at `at`. */
export async function displayBlock(db: LeadsDb, ids: readonly number[], at: number, where: DisplayLocale, version: number): Promise<DisplayRow[]> {
  const [leads, settings, names] = await Promise.all([getLeadsByIds(db, ids), getSettings(db), catalogNames(db, version)]);
  const judge = createJudge(await loadWorldFor(db, leads), settings);
  const dormantMs = dormantPeriodMs(settings.dormantDays);
  return leads.map((lead) => displayRow(lead, judge(lead, at), names, where, at, dormantMs));
}
