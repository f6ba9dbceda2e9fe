/** The compliance history of a few leads (the visible rows, a drawer), read by index. */
import { buildComplianceWorld, type ComplianceWorld } from '../../domain/compliance/compliance-world';
import type { Lead } from '../../domain/leads/lead';
import type { LeadsDb } from '../leads-db';

/** A compliance world holding only what concerns `leads`. */
export async function loadWorldFor(db: LeadsDb, leads: readonly Lead[]): Promise<ComplianceWorld> {
  const ids = leads.map((l) => l.id);
  const phones = leads.map((l) => l.phoneE164);
  return db.transaction('r', [db.calls, db.consents, db.dncLists, db.dncListVersions, db.dncEntries], async () => {
    const [calls, consents, dncLists, dncVersions, dncEntries] = await Promise.all([
      db.calls.where('leadId').anyOf(ids).toArray(),
      db.consents.where('leadId').anyOf(ids).toArray(),
      db.dncLists.toArray(),
      db.dncListVersions.toArray(),
      db.dncEntries.where('phoneE164').anyOf(phones).toArray(),
    ]);
    return buildComplianceWorld({ consents, calls, dncLists, dncVersions, dncEntries });
  });
}

/** Leads by id, in the order asked (missing ids dropped). */
export async function getLeadsByIds(db: LeadsDb, ids: readonly number[]): Promise<Lead[]> {
  const rows = await db.leads.bulkGet([...ids]);
  return rows.filter((r): r is Lead => r !== undefined);
}
