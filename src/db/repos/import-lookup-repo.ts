/**
 * Read-only look-ups an import needs before it writes: stored leads by number, numbers on an
 * active Do-Not-Call list, the catalog, the settings, and the column mapping remembered for a
 * source. Large look-ups go in chunks so one `anyOf` never carries a million keys.
 */
import type { Campaign } from '../../domain/catalog/campaign';
import type { Source } from '../../domain/catalog/source';
import { rememberedMappingSchema, type RememberedMapping } from '../../domain/import-export/column-mapping';
import type { Lead } from '../../domain/leads/lead';
import { callKey } from '../../domain/leads/call-key';
import type { Settings } from '../../domain/settings/settings';
import type { LeadsDb } from '../leads-db';
import { INTERNAL_LIST_ID } from './internal-dnc';
import { getSettings } from './settings-repo';
import { suppressedAmong } from './suppression-repo';

const CHUNK = 20_000;
const SCAN_CHUNK = 50_000;

/** Stored leads with any of these numbers, by number. Call inside or outside a transaction. */
export async function leadsByPhone(db: LeadsDb, phones: readonly string[]): Promise<Map<string, Lead>> {
  const out = new Map<string, Lead>();
  if (phones.length === 0) return out;
  const total = await db.leads.count();
  if (phones.length > total / 4) {
    // Most of the table is asked for: reading it in primary-key ranges (one getAll each) beats
    // a seek per number, and a cursor's event per row.
    const wanted = new Set(phones);
    const last = ((await db.leads.orderBy(':id').lastKey()) as number | undefined) ?? 0;
    for (let from = 0; from <= last; from += SCAN_CHUNK) {
      for (const lead of await db.leads
        .where(':id')
        .between(from, from + SCAN_CHUNK, true, false)
        .toArray()) {
        if (wanted.has(lead.phoneE164) && !out.has(lead.phoneE164)) out.set(lead.phoneE164, lead);
      }
    }
    return out;
  }
  for (let i = 0; i < phones.length; i += CHUNK) {
    const found = await db.leads
      .where('phoneE164')
      .anyOf(phones.slice(i, i + CHUNK))
      .toArray();
    for (const lead of found) if (!out.has(lead.phoneE164)) out.set(lead.phoneE164, lead);
  }
  return out;
}

/** Numbers listed on an active DNC list (not removed by a later version), or suppressed because their person was forgotten. */
export async function listedPhones(db: LeadsDb, phones: readonly string[]): Promise<Set<string>> {
  const active = new Set((await db.dncLists.toArray()).filter((l) => l.active).map((l) => l.id));
  const out = new Set<string>(active.has(INTERNAL_LIST_ID) ? (await suppressedAmong(db, phones)).keys() : []);
  for (let i = 0; i < phones.length; i += CHUNK) {
    const entries = await db.dncEntries
      .where('phoneE164')
      .anyOf(phones.slice(i, i + CHUNK))
      .toArray();
    for (const e of entries) if (active.has(e.listId) && e.removedVersionId === undefined) out.add(e.phoneE164);
  }
  return out;
}

export interface ImportContext {
  settings: Settings;
  sources: Source[];
  campaigns: Campaign[];
}

export async function loadImportContext(db: LeadsDb): Promise<ImportContext> {
  return db.transaction('r', [db.settings, db.sources, db.campaigns], async () => ({
    settings: await getSettings(db),
    sources: await db.sources.toArray(),
    campaigns: await db.campaigns.toArray(),
  }));
}

/** Settings key of the mapping remembered for a kind of import from a source. */
export function mappingKey(kind: string, sourceId: string | null): string {
  return `import-mapping:${kind}:${sourceId ?? ''}`;
}

/** The column mapping used last time for this kind and source (written by the commit). */
export async function getRememberedMapping(
  db: LeadsDb,
  kind: string,
  sourceId: string | null,
): Promise<RememberedMapping | null> {
  const row = await db.settings.get(mappingKey(kind, sourceId));
  const parsed = rememberedMappingSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : null;
}

/** Leads by id (call logs that name the lead). */
export async function leadsById(db: LeadsDb, ids: readonly number[]): Promise<Map<number, Lead>> {
  const out = new Map<number, Lead>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const found = await db.leads.bulkGet(ids.slice(i, i + CHUNK) as number[]);
    for (const lead of found) if (lead) out.set(lead.id, lead);
  }
  return out;
}

/** `leadId|at|outcome` of the stored calls of these leads, to spot a call log imported twice. */
export async function callKeysOfLeads(db: LeadsDb, leadIds: readonly number[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (let i = 0; i < leadIds.length; i += CHUNK) {
    const calls = await db.calls
      .where('leadId')
      .anyOf(leadIds.slice(i, i + CHUNK) as number[])
      .toArray();
    for (const c of calls) out.add(callKey(c));
  }
  return out;
}
