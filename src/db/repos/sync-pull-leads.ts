/**
 * Pulled leads and removals, inside the page's transaction (sync-pull-repo.ts). Leads merge per
 * field by HLC with what this device holds (a local edit not yet pushed keeps its later stamp). A
 * page's leads are applied in bulk: their sync ids read in one request, the held rows in one, the
 * new rows added in one; `applyLead`, one at a time, keeps page order exactly for the pages bulk cannot
 * (a lead named twice, or removed in the same page), which the server's state-based pull does not
 * send. A removal (a lead deleted, purged or erased on another device) deletes the lead here with
 * everything of it, and marks its sync id removed so no later change brings it back. A departure
 * (the lead moved to a team this device's user is not in) deletes it too, but forgets its sync ids,
 * so a move back brings it again with its calls and consents.
 */
import Dexie from 'dexie';
import type { LeadsDb } from '../leads-db';
import type { Lead } from '../../domain/leads/lead';
import { leadFromWire, wireFields } from '../../domain/sync/lead-diff';
import { mergeLead, type Stamped } from '../../domain/sync/lead-merge';
import { mutationLeadId } from '../../domain/sync/mutation';
import type { HeldFilter } from '../../domain/sync/held-filter';
import type { SyncedTable, SyncIdRow } from '../../domain/sync/sync-rows';
import type { QueuedWrites } from '../queued-writes';
import { rowsByKeys } from './rows-by-keys';

/**
 * The sync id rows of `syncIds` in `table`, by sync id (a request each: rows-by-keys.ts). A Dexie promise, made
 * at once: several can be asked for together inside a transaction and awaited in turn (awaiting
 * concurrent async functions there can lose Dexie's transaction). Given what the replica may hold
 * (`held`, a large pull's: held-filter-repo.ts), a sync id it certainly does not is not asked.
 */
export function mappingsOf(
  db: LeadsDb,
  table: SyncedTable,
  syncIds: Iterable<string>,
  held?: HeldFilter,
): Promise<Map<string, SyncIdRow>> {
  const keys = [...new Set(syncIds)].filter((id) => !held || held.mayHold(table, id)).map((id) => [table, id]);
  if (!keys.length) return Dexie.Promise.resolve(new Map());
  return rowsByKeys(db.syncIds, '[table+syncId]', keys).then((rows) => {
    // Index order, so a sync id held twice answers its first row, as `.first()` would.
    const bySyncId = new Map<string, SyncIdRow>();
    for (const r of rows) if (!bySyncId.has(r.syncId)) bySyncId.set(r.syncId, r);
    return bySyncId;
  });
}

export interface Incoming {
  syncId: string;
  phone: string;
  fields: Record<string, unknown>;
  clocks: Record<string, string>;
  stamped: Record<string, Stamped>;
  team: Stamped;
}

function incoming(data: Record<string, unknown>): Incoming {
  const fields = (data.fields ?? {}) as Record<string, unknown>;
  const clocks = (data.clocks ?? {}) as Record<string, string>;
  const stamped: Record<string, Stamped> = {};
  for (const [name, hlc] of Object.entries(clocks)) if (name !== 'teamId') stamped[name] = { value: fields[name], hlc };
  return {
    syncId: String(data.id),
    phone: String(data.phoneE164),
    fields,
    clocks,
    stamped,
    team: { value: data.teamId ?? null, hlc: clocks.teamId ?? '' },
  };
}

/** A held lead merged with the pulled one: the row and its sync id row to write. */
function merged(local: Lead, held: SyncIdRow, lead: Incoming): { row: Lead; mapping: SyncIdRow } {
  const m = mergeLead({ fields: wireFields(local), clocks: held.clocks ?? {} }, lead.stamped);
  const row = leadFromWire(local.id, local.phoneE164, m.fields, local);
  return { row, mapping: { ...held, clocks: m.clocks, team: lead.team, wire: wireFields(row) } };
}

/** A lead new here (or whose local row was deleted here: it comes back as a new row). */
function fresh(lead: Incoming): Omit<Lead, 'id'> {
  const { id: _none, ...row } = leadFromWire(0, lead.phone, lead.fields, undefined);
  return row;
}

const newMapping = (lead: Incoming, id: number, row: Omit<Lead, 'id'>): SyncIdRow => ({
  table: 'leads',
  localId: id,
  syncId: lead.syncId,
  clocks: { ...lead.clocks },
  team: lead.team,
  wire: wireFields({ ...row, id } as Lead),
});

/** Whether a page's leads and removals can go in bulk: every lead id once, none also removed. */
export function bulkApplicable(leadIds: readonly string[], removedIds: ReadonlySet<string>): boolean {
  return new Set(leadIds).size === leadIds.length && !leadIds.some((id) => removedIds.has(id));
}

/** A page's leads read and merged, not yet written: the held ones' rows, and the new ones by sync id. */
export interface LeadsPlan {
  puts: Lead[];
  mappings: SyncIdRow[];
  stale: [string, number | string][];
  added: Map<string, { lead: Incoming; row: Omit<Lead, 'id'> }>;
  /** Every lead of the page as an event finds it: its sync id row (a new lead's has no local id yet). */
  found: Map<string, SyncIdRow | 'new'>;
}

/** `held`: the page's leads' sync id rows (`mappingsOf` their ids). */
export async function planLeads(
  db: LeadsDb,
  datas: readonly Record<string, unknown>[],
  held: ReadonlyMap<string, SyncIdRow>,
): Promise<LeadsPlan> {
  const leads = datas.map(incoming);
  const localIds = [...held.values()].flatMap((h) => (!h.removed && typeof h.localId === 'number' ? [h.localId] : []));
  const locals = new Map((await db.leads.bulkGet(localIds)).flatMap((l) => (l ? [[l.id, l] as const] : [])));
  const plan: LeadsPlan = { puts: [], mappings: [], stale: [], added: new Map(), found: new Map() };
  for (const lead of leads) {
    const h = held.get(lead.syncId);
    if (h?.removed) {
      plan.found.set(lead.syncId, h);
      continue;
    }
    const local = typeof h?.localId === 'number' ? locals.get(h.localId) : undefined;
    if (h && local) {
      const m = merged(local, h, lead);
      plan.puts.push(m.row);
      plan.mappings.push(m.mapping);
      plan.found.set(lead.syncId, m.mapping);
      continue;
    }
    if (h) plan.stale.push(['leads', h.localId]);
    plan.added.set(lead.syncId, { lead, row: fresh(lead) });
    plan.found.set(lead.syncId, 'new');
  }
  return plan;
}

/**
 * Writes the plan (new leads as they stand in it: the caller may have set their call facts) and
 * answers the local ids the new leads got, by sync id. Only the new leads' add is waited for
 * (their ids); the other writes are queued. A Dexie promise (queued-writes.ts says why).
 */
export function writeLeads(db: LeadsDb, plan: LeadsPlan, queued: QueuedWrites): Promise<Map<string, number>> {
  if (plan.puts.length) queued.add(db.leads.bulkPut(plan.puts));
  if (plan.stale.length) queued.add(db.syncIds.bulkDelete(plan.stale));
  const added = [...plan.added.values()];
  const adding = added.length
    ? db.leads.bulkAdd(
        added.map((a) => a.row as Lead),
        { allKeys: true },
      )
    : Dexie.Promise.resolve([]);
  return adding.then((keys) => {
    const ids = new Map<string, number>();
    const mappings = [...plan.mappings];
    added.forEach((a, i) => {
      ids.set(a.lead.syncId, keys[i] as number);
      mappings.push(newMapping(a.lead, keys[i] as number, a.row));
    });
    if (mappings.length) queued.add(db.syncIds.bulkPut(mappings));
    return ids;
  });
}

/** One pulled lead, as the page orders it (the fallback for pages bulk cannot take). */
export async function applyLead(db: LeadsDb, data: Record<string, unknown>): Promise<void> {
  const lead = incoming(data);
  const held = (await mappingsOf(db, 'leads', [lead.syncId])).get(lead.syncId);
  if (held?.removed) return;
  const local = typeof held?.localId === 'number' ? await db.leads.get(held.localId) : undefined;
  if (held && local) {
    const m = merged(local, held, lead);
    await db.leads.put(m.row);
    await db.syncIds.put(m.mapping);
    return;
  }
  if (held) await db.syncIds.delete(['leads', held.localId]);
  const row = fresh(lead);
  const id = (await db.leads.add(row as Lead)) as number;
  await db.syncIds.put(newMapping(lead, id, row));
}

/** The sync id row of a lead this device holds (not removed), or undefined. */
async function heldLead(db: LeadsDb, syncId: string): Promise<(SyncIdRow & { localId: number }) | undefined> {
  const held = (await mappingsOf(db, 'leads', [syncId])).get(syncId);
  return held && !held.removed && typeof held.localId === 'number' ? { ...held, localId: held.localId } : undefined;
}

/**
 * The lead `id` deleted from this device with its calls, consents, renewal requests and
 * acquisition records (a removal and a departure alike); answers the ids of its calls and consents.
 */
async function deleteHere(db: LeadsDb, id: number): Promise<{ calls: number[]; consents: number[] }> {
  const calls = (await db.calls.where('leadId').equals(id).primaryKeys()) as number[];
  const consents = (await db.consents.where('leadId').equals(id).primaryKeys()) as number[];
  await db.calls.bulkDelete(calls);
  await db.consents.bulkDelete(consents);
  await db.consentRequests.where('leadId').equals(id).delete();
  await db.acquisitions.where('leadId').equals(id).delete();
  await db.leads.delete(id);
  return { calls, consents };
}

/** The `syncState` key of a lead erased on another device, held here until its traces are erased too. */
export const ERASED_PREFIX = 'erased:';
export const erasedKey = (localId: number) => `${ERASED_PREFIX}${localId}`;
/** What the page keeps of a lead erased on another device, for the step after it. */
export interface ErasedHere {
  lead: Lead;
  /** Values the person had before, from the lead's import undo data. */
  former: unknown[];
  syncId: string;
}

/**
 * A lead removed from the team's data: the lead and everything of it go; the sync id stays, marked.
 * What this device had queued for it is dropped by the page (dropQueuedFor), held or not.
 */
export async function applyRemoval(db: LeadsDb, syncId: string, reason?: string): Promise<void> {
  const held = await heldLead(db, syncId);
  if (!held) return;
  const id = held.localId;
  // An erasure: the lead as held is kept for the step after the page (pulled-erasure-repo.ts),
  // which erases what else this device holds of the person.
  if (reason === 'erase') {
    const lead = await db.leads.get(id);
    // Import undo data holds values the person had before (merged away): they are looked for too.
    const acquisitions = await db.acquisitions.where('leadId').equals(id).toArray();
    const former = acquisitions.flatMap((a) => (a.undo ? [a.undo.before, a.undo.after] : []));
    if (lead) await db.syncState.put({ key: erasedKey(id), value: { lead, former, syncId } satisfies ErasedHere });
  }
  await deleteHere(db, id);
  await db.syncIds.put({ table: 'leads', localId: id, syncId: held.syncId, removed: true });
}

/**
 * Drops what this device had queued for leads removed from the team's data: it would only be
 * refused, and carry the person's values there. Also for a lead no longer held here (it left with
 * an earlier move, while writes to it were queued). One walk of the outbox a page.
 */
export async function dropQueuedFor(db: LeadsDb, removed: ReadonlySet<string>): Promise<void> {
  if (removed.size === 0) return;
  const queued = await db.outbox.filter((r) => removed.has(mutationLeadId(r.mutation) ?? '')).primaryKeys();
  await db.outbox.bulkDelete(queued);
}

/**
 * A lead moved to a team this device's user is not in (a `move` pulled as not visible): the lead
 * and everything of it go from this device, as a removal's do, and its sync id rows and those of
 * its calls and consents are forgotten, not marked removed: a move back brings it again as a new
 * lead, with the calls and consents the server sends with that move. Nothing is queued for the
 * server (the page's transaction writes the cursor); this device's own unsent changes to the lead
 * stay queued and are refused there, shown to their author.
 */
export async function applyDeparture(db: LeadsDb, syncId: string): Promise<void> {
  const held = await heldLead(db, syncId);
  if (!held) return;
  const id = held.localId;
  const { calls, consents } = await deleteHere(db, id);
  await db.syncIds.bulkDelete([
    ['leads', id],
    ...calls.map((c): [string, number] => ['calls', c]),
    ...consents.map((c): [string, number] => ['consents', c]),
  ]);
}
