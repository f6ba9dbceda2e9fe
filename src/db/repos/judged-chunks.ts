/**
 * Reading a large set of leads with their histories a chunk at a time, for call lists, exports
 * and their previews: the leads in ascending-id chunks (each one narrow range of keys), their
 * calls and consents by the lead-id index over the same range, and the DNC entries of all their
 * numbers matched once up front (dnc-entries-for-phones.ts). Only one chunk of lead objects is
 * alive at a time, so a million leads judge in bounded memory.
 */
import { buildComplianceWorld, type ComplianceWorld } from '../../domain/compliance/compliance-world';
import type { Lead } from '../../domain/leads/lead';
import type { Settings } from '../../domain/settings/settings';
import type { Table } from 'dexie';
import type { LeadsDb } from '../leads-db';
import { dncEntriesForPhones } from './dnc-entries-for-phones';
import { getSettings } from './settings-repo';

export const JUDGE_CHUNK = 10_000;

export interface ChunkedWorld {
  settings: Settings;
  /** The DNC lists and versions, and the hits of every number of the leads asked. */
  world: ComplianceWorld;
}

/**
 * The numbers of the leads in `sortedIds`, from the phone index alone: its keys and its primary
 * keys read in bulk (two getAll-style reads in index order, aligned), not a cursor step per lead.
 */
async function phonesOf(db: LeadsDb, sortedIds: Int32Array): Promise<Set<string>> {
  const wanted = new Set(sortedIds);
  const [phones, ids] = await Promise.all([
    db.leads.orderBy('phoneE164').keys(),
    db.leads.orderBy('phoneE164').primaryKeys(),
  ]);
  const out = new Set<string>();
  for (let k = 0; k < ids.length; k++) if (wanted.has(ids[k] as number)) out.add(phones[k] as string);
  return out;
}

/** Settings, lists and the DNC hits of the leads asked: what every chunk shares. */
export async function loadSharedWorld(db: LeadsDb, sortedIds: Int32Array): Promise<ChunkedWorld> {
  return db.transaction('r', [db.leads, db.dncLists, db.dncListVersions, db.dncEntries, db.settings], async () => {
    const [settings, dncLists, dncVersions, phones] = await Promise.all([
      getSettings(db),
      db.dncLists.toArray(),
      db.dncListVersions.toArray(),
      phonesOf(db, sortedIds),
    ]);
    const dncEntries = await dncEntriesForPhones(db, phones);
    return { settings, world: buildComplianceWorld({ consents: [], calls: [], dncLists, dncVersions, dncEntries }) };
  });
}

/** Settings and the DNC lists with their versions, no hits: what an answer from the engine's cached verdicts still needs. */
export async function loadListsWorld(db: LeadsDb): Promise<ChunkedWorld> {
  const [settings, dncLists, dncVersions] = await Promise.all([
    getSettings(db),
    db.dncLists.toArray(),
    db.dncListVersions.toArray(),
  ]);
  return { settings, world: buildComplianceWorld({ consents: [], calls: [], dncLists, dncVersions, dncEntries: [] }) };
}

/** A dense chunk (most ids of its range asked) is one range read; a sparse one (10k leads spread over a million) is read by key. */
const isDense = (chunk: Int32Array) => chunk[chunk.length - 1]! - chunk[0]! + 1 <= chunk.length * 4;

/** The leads of one ascending chunk of ids (missing ones left out); call inside a transaction holding the leads for a consistent read. */
export function readLeadsOf(db: LeadsDb, chunk: Int32Array): Promise<Lead[]> {
  if (chunk.length === 0) return Promise.resolve([]);
  if (!isDense(chunk))
    return db.leads.bulkGet(Array.from(chunk)).then((rows) => rows.filter((l): l is Lead => l !== undefined));
  const wanted = new Set(chunk);
  return db.leads
    .where(':id')
    .between(chunk[0]!, chunk[chunk.length - 1]!, true, true)
    .filter((l) => wanted.has(l.id))
    .toArray();
}

/** The leads of one ascending chunk of ids, and a world for them sharing the lists and hits of `shared`. */
export async function readChunk(
  db: LeadsDb,
  chunk: Int32Array,
  shared: ComplianceWorld,
): Promise<{ leads: Lead[]; world: ComplianceWorld }> {
  if (chunk.length === 0) return { leads: [], world: shared };
  const lo = chunk[0]!;
  const hi = chunk[chunk.length - 1]!;
  const wanted = new Set(chunk);
  const ids = Array.from(chunk);
  const dense = isDense(chunk);
  // A dense chunk is one ranged read, kept to its ids; a sparse one a look-up per id.
  const ofChunk = <R extends { leadId: number }, I>(table: Table<R, number, I>) =>
    (dense
      ? table
          .where('leadId')
          .between(lo, hi, true, true)
          .filter((r) => wanted.has(r.leadId))
      : table.where('leadId').anyOf(ids)
    ).toArray();
  return db.transaction('r', [db.leads, db.calls, db.consents], async () => {
    const [leads, calls, consents] = await Promise.all([
      readLeadsOf(db, chunk),
      ofChunk(db.calls),
      ofChunk(db.consents),
    ]);
    const own = buildComplianceWorld({ consents, calls, dncLists: [], dncVersions: [], dncEntries: [] });
    return { leads, world: { ...shared, consentsByLead: own.consentsByLead, callsByLead: own.callsByLead } };
  });
}
