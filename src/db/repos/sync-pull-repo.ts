/**
 * Applying a pulled page (GET /pull) to the local tables, in ONE transaction with the new cursor:
 * a reload mid-pull either kept the page and its cursor or neither, so nothing is lost or applied
 * twice. The cursor is written first: the outbox middleware does not queue a transaction that
 * writes it, so what came from the server is never pushed back.
 * Leads (sync-pull-leads.ts) and events (sync-pull-events.ts) go in bulk: a few requests a page,
 * not several a change (a first sync of a large organisation is mostly this). A DNC entry puts the
 * number on the internal list, which the verdict reads. An event whose lead has not arrived yet
 * waits in `orphans` until it does. The organisation's audit chain is kept as pulled
 * (org-chain-repo.ts). A lead moved to a team this user is not in (`move`, not visible) leaves
 * this device as a removed one does; one moved in comes with its earlier calls and consents.
 */
import Dexie from 'dexie';
import type { LeadsDb } from '../leads-db';
import type { SyncIssue } from '../../domain/sync/sync-rows';
import { SYNC_KEYS } from '../../domain/sync/sync-rows';
import { SCOPE_KEY, sameScope, type SyncScope } from '../../domain/sync/sync-scope';
import { addInternalDncInTransaction } from './dnc-repo';
import { orgChainKey } from './org-chain-repo';
import {
  applyDeparture,
  applyLead,
  applyRemoval,
  bulkApplicable,
  dropQueuedFor,
  mappingsOf,
  planLeads,
  writeLeads,
} from './sync-pull-leads';
import {
  callsOfNewLeads,
  planEvents,
  readEventMappings,
  recomputeCallFacts,
  withCallFacts,
  writeEvents,
} from './sync-pull-events';
import { QueuedWrites } from '../queued-writes';
import type { HeldIds } from './held-filter-repo';
import { listSuppressed, suppressedAmong } from './suppression-repo';

export interface PulledChange {
  seq: number;
  kind: string;
  data: Record<string, unknown>;
}
export interface PulledPage {
  changes: PulledChange[];
  cursor: number;
  more: boolean;
}

/** What a page was asked under: the stored cursor it follows, and the scope it was read under (pull-loop.ts). */
export interface PageBasis {
  from: number;
  scope: SyncScope;
}

/**
 * The stored cursor or scope moved since the page was asked for (another tab's round, a rescope):
 * the page is not applied, and the pull goes on from what is stored now.
 */
export class PullRaced extends Error {
  constructor() {
    super('the sync cursor moved while the page was fetched');
  }
}

export const ORPHANS = 'orphans';

/** The scope the replica's cursor was pulled under (none noted yet: undefined; sync-scope-repo.ts notes it). */
export async function notedScope(db: LeadsDb): Promise<SyncScope | undefined> {
  return (await db.syncState.get(SCOPE_KEY))?.value as SyncScope | undefined;
}

/** Every table a pulled page may write (one transaction with its cursor). */
export const pullTables = (db: LeadsDb) => [
  db.syncState,
  db.leads,
  db.calls,
  db.consents,
  db.dncEntries,
  db.dncLists,
  db.dncListVersions,
  db.syncIds,
  db.syncIssues,
  db.consentRequests,
  db.acquisitions,
  db.outbox,
  // The database's key for the suppressions (honourSuppressions reads it).
  db.settings,
];

/**
 * `maybeHeld`: what this replica may hold, through a large pull (held-filter-repo.ts); the page's sync
 * ids it certainly does not hold are not looked up. The caller notes the page's ids in it once the
 * page is applied. Its mark gone from `syncState` (a restore replaced the tables), the page is
 * refused as raced: the pull goes on from the stored cursor with a filter built again.
 */
export async function applyPulledPage(
  db: LeadsDb,
  page: PulledPage,
  deviceId: string,
  basis?: PageBasis,
  maybeHeld?: HeldIds,
): Promise<void> {
  await db.transaction('rw', pullTables(db), async () => {
    if (basis) {
      const [cursor, noted] = await Promise.all([db.syncState.get(SYNC_KEYS.cursor), notedScope(db)]);
      if (((cursor?.value as number | undefined) ?? 0) !== basis.from || !noted || !sameScope(noted, basis.scope))
        throw new PullRaced();
    }
    if (maybeHeld && (await db.syncState.get(SYNC_KEYS.heldMark))?.value !== maybeHeld.mark) throw new PullRaced();
    await db.syncState.put({ key: SYNC_KEYS.cursor, value: page.cursor });
    const leads = page.changes.filter((c) => c.kind === 'lead').map((c) => c.data);
    // A number this device forgot (its keyed hash kept on the internal list) that comes back with a
    // pulled lead goes on the internal list again before anything can call it, as an import's does.
    // First, while nothing of the page is queued (it awaits plain async functions); its leads are
    // marked listed once they are written, below.
    const honoured = await honourPulled(db, leads);
    const removals = new Map(
      page.changes.filter((c) => c.kind === 'removal').map((c) => [String(c.data.leadId), String(c.data.reason ?? '')]),
    );
    const removed = new Set(removals.keys());
    // Visibility is the server's answer at the pull: every move of a lead in a page says the same,
    // and a lead not visible has no lead change in it.
    const departed = new Set(
      page.changes.filter((c) => c.kind === 'move' && c.data.visible === false).map((c) => String(c.data.leadId)),
    );
    const gone = new Set([...removed, ...departed]);
    const bulk = bulkApplicable(
      leads.map((d) => String(d.id)),
      gone,
    );
    if (!bulk)
      for (const c of page.changes) {
        if (c.kind === 'lead') await applyLead(db, c.data);
        else if (c.kind === 'removal')
          await applyRemoval(db, String(c.data.leadId), removals.get(String(c.data.leadId)));
        else if (c.kind === 'move' && c.data.visible === false) await applyDeparture(db, String(c.data.leadId));
      }
    else {
      for (const [id, reason] of removals) await applyRemoval(db, id, reason);
      for (const id of departed) await applyDeparture(db, id);
    }
    await dropQueuedFor(db, removed);
    const waiting = ((await db.syncState.get(ORPHANS))?.value as PulledChange[] | undefined) ?? [];
    // An event waiting for a lead that was removed, or moved out of view, before it arrived: dropped.
    const events = [...waiting, ...page.changes].filter(
      (c) => (c.kind === 'call' || c.kind === 'consent') && !gone.has(String(c.data.leadId)),
    );
    // In bulk, the page's leads and its events' sync ids are read at once (the leads applied one
    // by one are written first: the events' reads must see them).
    const pageLeadIds = bulk ? leads.map((d) => String(d.id)) : [];
    // One by one, the page's leads are written before the events' look-ups, and the filter does not know them yet.
    const filter = bulk ? maybeHeld?.filter : undefined;
    const heldLeads = mappingsOf(db, 'leads', pageLeadIds, filter);
    const reading = readEventMappings(db, events, new Set(pageLeadIds), filter);
    const held = await heldLeads;
    const mappings = await reading;
    const planned = bulk ? await planLeads(db, leads, held) : null;
    const eventsPlan = planEvents(events, planned?.found ?? new Map(), mappings);
    const queued = new QueuedWrites();
    let newLeadIds = new Map<string, number>();
    if (planned) {
      // A new lead is written once, with the call facts of the calls that came with it. A pulled
      // DNC entry changes the leads it lists after they are written, and a recount then carries
      // that change into the lead's synced copy too (`wire`): with one in the page, called new
      // leads are recounted after it, as held ones are.
      const fold = !page.changes.some((c) => c.kind === 'dnc');
      const callsOf = callsOfNewLeads(eventsPlan);
      if (fold)
        for (const syncId of eventsPlan.calledNew) {
          const lead = planned.added.get(syncId)!;
          lead.row = withCallFacts(lead.row, callsOf.get(syncId) ?? []);
        }
      newLeadIds = await writeLeads(db, planned, queued);
      if (!fold) for (const syncId of eventsPlan.calledNew) eventsPlan.called.add(newLeadIds.get(syncId)!);
    }
    await writeEvents(db, eventsPlan, newLeadIds, queued);
    await queued.settle();
    if (honoured.length)
      await db.leads
        .where('phoneE164')
        .anyOf(honoured)
        .modify((l) => {
          l.dncStatus = 'listed';
        });
    const { orphans, called } = eventsPlan;
    // The refusals listed already, read once a page (a pull started again from 0 brings them again).
    const listed = page.changes.some((c) => c.kind === 'quarantine')
      ? new Set((await db.syncIssues.filter((i) => i.kind === 'quarantine').toArray()).map((i) => i.mutationId))
      : new Set<string>();
    for (const c of page.changes) {
      if (c.kind === 'dnc') await applyDnc(db, c.data);
      else if (c.kind === 'quarantine') await applyQuarantine(db, c.data, deviceId, listed);
      else if (c.kind === 'audit')
        await db.syncState.put({ key: orgChainKey(Number(c.data.orgPosition)), value: c.data });
    }
    if (orphans.length || waiting.length) await db.syncState.put({ key: ORPHANS, value: orphans });
    await recomputeCallFacts(db, [...called]);
  });
}

/**
 * The suppressed numbers among the page's leads put on the internal list again, and answered. Not
 * a lead this device removed (its sync id kept as removed): the pull drops it, and an erased
 * person's number must not come back as plain text with no lead to call. The suppressions are
 * read once; nothing more is read while none is among the page's numbers.
 */
async function honourPulled(db: LeadsDb, leads: readonly Record<string, unknown>[]): Promise<string[]> {
  const phones = [...new Set(leads.map((d) => String(d.phoneE164 ?? '')).filter((p) => p !== ''))];
  const hits = await suppressedAmong(db, phones);
  if (hits.size === 0) return [];
  const held = await mappingsOf(
    db,
    'leads',
    leads.map((d) => String(d.id)),
  );
  const kept = new Set(leads.filter((d) => !held.get(String(d.id))?.removed).map((d) => String(d.phoneE164 ?? '')));
  return (await listSuppressed(db, new Map([...hits].filter(([phone]) => kept.has(phone))))).map((h) => h.phoneE164);
}

export async function applyDnc(db: LeadsDb, data: Record<string, unknown>): Promise<void> {
  const phone = String(data.phoneE164);
  await addInternalDncInTransaction(db, phone, Number(data.at));
  if (!(await db.syncIds.get(['dncEntries', phone])))
    await db.syncIds.put({ table: 'dncEntries', localId: phone, syncId: String(data.id) });
}

/**
 * A mutation of this user's that the server refused, pushed from another of their devices; once
 * (`listed`: the mutation ids listed already, which this adds to).
 */
export function applyQuarantine(
  db: LeadsDb,
  data: Record<string, unknown>,
  deviceId: string,
  listed: Set<string>,
): Promise<unknown> {
  // A Dexie promise either way: awaiting a plain one in the page's transaction may leave it.
  if (data.deviceId === deviceId || listed.has(String(data.mutationId))) return Dexie.Promise.resolve();
  listed.add(String(data.mutationId));
  const issue: SyncIssue = {
    at: Date.now(),
    kind: 'quarantine',
    mutationId: String(data.mutationId),
    reason: String(data.reason ?? ''),
    ...(typeof data.detail === 'string' ? { detail: data.detail } : {}),
  };
  return db.syncIssues.add(issue);
}
