/**
 * What the engine reads to judge again the leads a write touched (a catch-up by the change log)
 * or whose cached part fell due: the leads by primary key and their histories by key, all
 * requests issued at once. Not a range scan (the touched leads of a bulk edit are spread over the
 * whole table: scanning their id range read ten times the rows asked) and not a cursor walk
 * (`anyOf` steps an index cursor one record at a time, each step a round trip to IndexedDB: 10k
 * leads' calls, consents and DNC entries cost tens of seconds on the 2-core machine).
 */
import type { LeadsDb } from '../leads-db';
import { readDataVersion } from './engine-snapshot-repo';
import { changesSince } from './change-log-repo';
import { hash32 } from '../../domain/columns/hash-strings';
import { dncEntriesForPhones } from './dnc-entries-for-phones';
import { buildComplianceWorld, type ComplianceWorld } from '../../domain/compliance/compliance-world';
import type { Lead } from '../../domain/leads/lead';

/**
 * The tables a lead's verdict is judged from: the lead, its calls, consents and renewal requests,
 * and the DNC lists. A transaction that judges leads opens at least these.
 */
export function verdictTables(db: LeadsDb) {
  return [db.leads, db.calls, db.consents, db.consentRequests, db.dncLists, db.dncListVersions, db.dncEntries];
}

/**
 * Leads by id in the order asked (ids no longer stored left out). Ids that lie dense (an import's
 * new leads: one id after another) are read as a key range, one request for the run; the rest by
 * one bulk get by primary key (a get per id: 10k appended leads took ~575 ms at 1M as gets).
 */
export async function leadsByKey(db: LeadsDb, ids: readonly number[]): Promise<Lead[]> {
  const { runs, scattered } = denseRuns(ids);
  const [ranged, got] = await Promise.all([
    Promise.all(runs.map(([from, to]) => db.leads.where(':id').between(from, to, true, true).toArray())),
    db.leads.bulkGet(scattered),
  ]);
  const byId = new Map<number, Lead>();
  for (const lead of ranged.flat()) byId.set(lead.id, lead);
  for (const lead of got) if (lead) byId.set(lead.id, lead);
  const out: Lead[] = [];
  for (const id of ids) {
    const lead = byId.get(id);
    if (lead) out.push(lead);
  }
  return out;
}

/** A run read as a range holds at least this many ids asked. */
export const MIN_RUN = 64;

/**
 * `ids` split into ranges worth reading whole (at least MIN_RUN ids asked, and at least half of
 * the range's ids asked, so a range never reads more than twice the rows wanted) and the ids
 * left to get one by one. Ranges as [from, to], both ends asked.
 */
export function denseRuns(ids: readonly number[]): { runs: [number, number][]; scattered: number[] } {
  const sorted = [...new Set(ids)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  const scattered: number[] = [];
  let start = 0;
  for (let i = 1; i <= sorted.length; i++) {
    // A run ends where the next id would leave it less than half asked.
    const from = sorted[start]!;
    if (i < sorted.length && sorted[i]! - from + 1 <= 2 * (i - start + 1)) continue;
    const count = i - start;
    if (count >= MIN_RUN && sorted[i - 1]! - from + 1 <= 2 * count) runs.push([from, sorted[i - 1]!]);
    else for (let k = start; k < i; k++) scattered.push(sorted[k]!);
    start = i;
  }
  return { runs, scattered };
}

/** The engine's listed numbers (listed-hashes.ts) as of a data version: whether a number may be on a list. */
export interface ListedAt {
  dataVersion: string;
  mayBeListed: (phone: string) => boolean;
}

/**
 * `listed` as of the data version now (call inside a read transaction holding `changes` and
 * `dncEntries`, so the entries read after are of that version): with the hashes of the DNC
 * entries the log names since its own version; null (look every number up) when the log does
 * not lead from it, or names a DNC write without hashes.
 */
async function listedNow(db: LeadsDb, listed: ListedAt): Promise<((phone: string) => boolean) | null> {
  if ((await readDataVersion(db)) === listed.dataVersion) return listed.mayBeListed;
  const since = await changesSince(db, listed.dataVersion);
  if (since === 'unreachable' || since.dncHashes === null) return null;
  const added = new Set(since.dncHashes.flatMap((h) => [...h]));
  return added.size === 0 ? listed.mayBeListed : (phone) => listed.mayBeListed(phone) || added.has(hash32(phone));
}

/**
 * A compliance world holding only what concerns `leads` (the rows the engine judges again, one
 * lead's drawer): every lead's calls and consents and its number's DNC entries, read by key.
 * `noHistory`: leads known to have no call, consent or request stored (new since the engine's
 * version, with none of their history logged since): their histories are not asked for.
 * `listed`: the engine's listed numbers; a number surely on no list is not looked up — as of this
 * read's own data version (listedNow): a number listed since the set's version, taken by a lead
 * since (a lead's write names no DNC entry, and the entry's write named no lead that had it
 * then), would be judged unlisted and kept so.
 */
export async function worldByKey(
  db: LeadsDb,
  leads: readonly Lead[],
  noHistory: ReadonlySet<number> = new Set(),
  listed: ListedAt | null = null,
): Promise<ComplianceWorld> {
  const ids = [...new Set(leads.map((l) => l.id))].filter((id) => !noHistory.has(id));
  const tables = [db.calls, db.consents, db.dncLists, db.dncListVersions, db.dncEntries, db.changes];
  return db.transaction('r', tables, async () => {
    const may = listed && (await listedNow(db, listed));
    const phones = new Set(leads.map((l) => l.phoneE164).filter((p) => !may || may(p)));
    const [calls, consents, dncLists, dncVersions, dncEntries] = await Promise.all([
      Promise.all(ids.map((id) => db.calls.where('leadId').equals(id).toArray())),
      Promise.all(ids.map((id) => db.consents.where('leadId').equals(id).toArray())),
      db.dncLists.toArray(),
      db.dncListVersions.toArray(),
      dncEntriesForPhones(db, phones),
    ]);
    return buildComplianceWorld({ calls: calls.flat(), consents: consents.flat(), dncLists, dncVersions, dncEntries });
  });
}
