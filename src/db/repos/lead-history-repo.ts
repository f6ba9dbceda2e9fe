/** The compliance history of a few leads (the visible rows, a drawer), read by index. */
import { buildComplianceWorld, type ComplianceWorld } from '../../domain/compliance/compliance-world';
import type { Lead } from '../../domain/leads/lead';
import type { LeadsDb } from '../leads-db';

/**
 * The tables a lead's verdict is judged from: the lead, its calls, consents and renewal requests,
 * and the DNC lists. A transaction that judges leads opens at least these.
 */
export function verdictTables(db: LeadsDb) {
  return [db.leads, db.calls, db.consents, db.consentRequests, db.dncLists, db.dncListVersions, db.dncEntries];
}

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

/** From this many ids, one ranged read per chunk of keys beats a get per id (each get is a round trip to the browser's IndexedDB). */
const SCAN_FROM = 2_000;
const SCAN_CHUNK = 20_000;

/**
 * Leads by id, in the order asked (missing ids dropped). A few ids (the visible rows) are one
 * get each; many (an export) are read as ranges of primary keys, 20k at a time, between the
 * smallest and the largest id asked, keeping the ones asked — at 100k leads ~10× faster.
 */
export async function getLeadsByIds(db: LeadsDb, ids: readonly number[], scanChunk = SCAN_CHUNK): Promise<Lead[]> {
  if (ids.length < SCAN_FROM) {
    const rows = await db.leads.bulkGet([...ids]);
    return rows.filter((r): r is Lead => r !== undefined);
  }
  const wanted = new Set(ids);
  let lo = Infinity;
  let hi = -Infinity;
  for (const id of ids) {
    if (id < lo) lo = id;
    if (id > hi) hi = id;
  }
  const found = new Map<number, Lead>();
  await db.transaction('r', db.leads, async () => {
    for (let from = lo; ;) {
      const chunk = await db.leads.where(':id').between(from, hi, true, true).limit(scanChunk).toArray();
      for (const lead of chunk) if (wanted.has(lead.id)) found.set(lead.id, lead);
      if (chunk.length < scanChunk) break;
      from = chunk[chunk.length - 1]!.id + 1;
    }
  });
  return pickInOrder(found, ids);
}

/** `byId`'s leads in the order of `ids` (missing ids dropped). */
export function pickInOrder(byId: ReadonlyMap<number, Lead>, ids: Iterable<number>): Lead[] {
  const out: Lead[] = [];
  for (const id of ids) {
    const lead = byId.get(id);
    if (lead) out.push(lead);
  }
  return out;
}
