/**
 * What the engine reads to judge again the leads a write touched (a catch-up by the change log)
 * or whose cached part fell due: the leads by primary key and their histories by key, all
 * requests issued at once. Not a range scan (the touched leads of a bulk edit are spread over the
 * whole table: scanning their id range read ten times the rows asked) and not a cursor walk
 * (`anyOf` steps an index cursor one record at a time, each step a round trip to IndexedDB: 10k
 * leads' calls, consents and DNC entries cost tens of seconds on the 2-core machine).
 */
import type { LeadsDb } from '../leads-db';
import { dncEntriesForPhones } from './dnc-entries-for-phones';
import { buildComplianceWorld, type ComplianceWorld } from '../../domain/compliance/compliance-world';
import type { Lead } from '../../domain/leads/lead';

/** Leads by id in the order asked (ids no longer stored left out): one bulk get by primary key. */
export async function leadsByKey(db: LeadsDb, ids: readonly number[]): Promise<Lead[]> {
  const rows = await db.leads.bulkGet([...ids]);
  return rows.filter((r): r is Lead => r !== undefined);
}

/** A compliance world holding only what concerns `leads`: every lead's calls and consents and its number's DNC entries, read by key. */
/**
 * `noHistory`: leads known to have no call, consent or request stored (new since the engine's
 * version, with none of their history logged since): their histories are not asked for.
 */
export async function worldByKey(
  db: LeadsDb,
  leads: readonly Lead[],
  noHistory: ReadonlySet<number> = new Set(),
): Promise<ComplianceWorld> {
  const ids = [...new Set(leads.map((l) => l.id))].filter((id) => !noHistory.has(id));
  const phones = new Set(leads.map((l) => l.phoneE164));
  return db.transaction('r', [db.calls, db.consents, db.dncLists, db.dncListVersions, db.dncEntries], async () => {
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
