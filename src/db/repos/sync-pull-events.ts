/**
 * Pulled calls and consents, inside the page's transaction (sync-pull-repo.ts), in bulk: their
 * leads' and their own sync ids read in one request each, the new rows added in one per table.
 * An event is added once (by sync id); one whose lead has not arrived yet (a lead's seq moves to
 * its latest change) is handed back to wait as an orphan; one of a lead removed here is dropped.
 * A called lead's call facts are caches (a last-writer-wins counter would lose increments):
 * recomputed from every call this device holds for it, as the calls repository does for its own.
 */
import Dexie from 'dexie';
import type { LeadsDb } from '../leads-db';
import type { Lead } from '../../domain/leads/lead';
import type { Call } from '../../domain/leads/call';
import { CALL_FACT_FIELDS, callFacts } from '../../domain/leads/call-facts';
import type { ConsentEvent } from '../../domain/compliance/consent-event';
import { wireFields } from '../../domain/sync/lead-diff';
import type { HeldFilter } from '../../domain/sync/held-filter';
import type { SyncIdRow } from '../../domain/sync/sync-rows';
import type { PulledChange } from './sync-pull-repo';
import { mappingsOf } from './sync-pull-leads';
import type { QueuedWrites } from '../queued-writes';

/** A pulled call as a local row of lead `leadId`. */
export function callOf(leadId: number, d: Record<string, unknown>): Omit<Call, 'id'> {
  return {
    leadId,
    at: Number(d.at),
    outcome: d.outcome as Call['outcome'],
    durationSec: Number(d.durationSec ?? 0),
    agent: String(d.agent ?? ''),
    ...(typeof d.campaignId === 'string' ? { campaignId: d.campaignId } : {}),
  };
}

/** A pulled consent as a local row of lead `leadId`. */
export function consentOf(leadId: number, d: Record<string, unknown>): Omit<ConsentEvent, 'id'> {
  return {
    leadId,
    purpose: d.purpose as ConsentEvent['purpose'],
    kind: d.kind as ConsentEvent['kind'],
    basis: d.basis as ConsentEvent['basis'],
    capturedAt: Number(d.capturedAt),
    ...(typeof d.expiresAt === 'number' ? { expiresAt: d.expiresAt } : {}),
    method: d.method as ConsentEvent['method'],
    proofRef: String(d.proofRef ?? ''),
    capturedBy: String(d.capturedBy ?? ''),
  };
}

/** A page's events read and sorted, not yet written. A new lead of the page is named by its sync id. */
export interface EventsPlan {
  /** Events whose lead is not here yet, in the order they came. */
  orphans: PulledChange[];
  /** Local ids of held leads that were called (their facts to recompute from every call held). */
  called: Set<number>;
  /** Sync ids of the page's new leads that were called. */
  calledNew: Set<string>;
  calls: { syncId: string; lead: number | string; row: Omit<Call, 'id'> }[];
  consents: { syncId: string; lead: number | string; row: Omit<ConsentEvent, 'id'> }[];
}

/** The sync id rows an event plan needs: its leads' (but the page's own) and its own. */
export interface EventMappings {
  leads: Map<string, SyncIdRow>;
  calls: Map<string, SyncIdRow>;
  consents: Map<string, SyncIdRow>;
}

const leadIdOf = (c: PulledChange) => String(c.data.leadId);

/**
 * Reads what `planEvents` needs, the three requests made at once (a Dexie promise, as
 * `mappingsOf`). `pageLeadIds`: the sync ids of the page's leads, planned apart
 * (sync-pull-leads.ts); the other leads' rows are read. `held`: as `mappingsOf`'s.
 */
export function readEventMappings(
  db: LeadsDb,
  events: readonly PulledChange[],
  pageLeadIds: ReadonlySet<string>,
  held?: HeldFilter,
): Promise<EventMappings> {
  const idsOf = (kind: string) => events.filter((c) => c.kind === kind).map((c) => String(c.data.id));
  const reads = [
    mappingsOf(
      db,
      'leads',
      events.map(leadIdOf).filter((id) => !pageLeadIds.has(id)),
      held,
    ),
    mappingsOf(db, 'calls', idsOf('call'), held),
    mappingsOf(db, 'consents', idsOf('consent'), held),
  ];
  return Dexie.Promise.all(reads).then(([leads, calls, consents]) => ({
    leads: leads!,
    calls: calls!,
    consents: consents!,
  }));
}

/**
 * `events`: the calls and consents of the page after those still waiting, none of a lead removed
 * in this page. `pageLeads`: the page's leads as planned (sync-pull-leads.ts); `mappings`: the
 * rest, as `readEventMappings` read them.
 */
export function planEvents(
  events: readonly PulledChange[],
  pageLeads: ReadonlyMap<string, SyncIdRow | 'new'>,
  mappings: EventMappings,
): EventsPlan {
  const plan: EventsPlan = { orphans: [], called: new Set(), calledNew: new Set(), calls: [], consents: [] };
  const taken = new Set<string>();
  for (const c of events) {
    const leadSyncId = leadIdOf(c);
    const found = pageLeads.get(leadSyncId) ?? mappings.leads.get(leadSyncId);
    if (found !== 'new' && found?.removed) continue;
    const lead = found === 'new' ? leadSyncId : found?.localId;
    if (typeof lead !== 'number' && found !== 'new') {
      plan.orphans.push(c);
      continue;
    }
    const syncId = String(c.data.id);
    const isCall = c.kind === 'call';
    if (isCall) {
      if (typeof lead === 'number') plan.called.add(lead);
      else plan.calledNew.add(lead!);
    }
    const key = `${c.kind}:${syncId}`;
    if (taken.has(key) || (isCall ? mappings.calls : mappings.consents).has(syncId)) continue;
    taken.add(key);
    if (isCall) plan.calls.push({ syncId, lead: lead!, row: callOf(0, c.data) });
    else plan.consents.push({ syncId, lead: lead!, row: consentOf(0, c.data) });
  }
  return plan;
}

/** The call facts a new lead of the page starts with: from the page's calls for it, as a recount would give. */
export function callsOfNewLeads(plan: EventsPlan): Map<string, Omit<Call, 'id'>[]> {
  const bySyncId = new Map<string, Omit<Call, 'id'>[]>();
  for (const c of plan.calls)
    if (typeof c.lead === 'string') {
      const list = bySyncId.get(c.lead);
      if (list) list.push(c.row);
      else bySyncId.set(c.lead, [c.row]);
    }
  return bySyncId;
}

/**
 * Adds the planned events; `newLeadIds`: the local ids the page's new leads got. The calls and
 * consents are added together (their ids waited for), their sync id rows queued. A Dexie promise
 * (queued-writes.ts says why).
 */
export function writeEvents(
  db: LeadsDb,
  plan: EventsPlan,
  newLeadIds: ReadonlyMap<string, number>,
  queued: QueuedWrites,
): Promise<void> {
  const local = (lead: number | string) => (typeof lead === 'number' ? lead : newLeadIds.get(lead)!);
  const adding = [
    plan.calls.length
      ? db.calls.bulkAdd(
          plan.calls.map((c) => ({ ...c.row, leadId: local(c.lead) }) as Call),
          { allKeys: true },
        )
      : [],
    plan.consents.length
      ? db.consents.bulkAdd(
          plan.consents.map((c) => ({ ...c.row, leadId: local(c.lead) }) as ConsentEvent),
          { allKeys: true },
        )
      : [],
  ];
  return Dexie.Promise.all(adding).then(([callIds, consentIds]) => {
    const mappings: SyncIdRow[] = [
      ...plan.calls.map((c, i) => ({ table: 'calls' as const, localId: callIds![i] as number, syncId: c.syncId })),
      ...plan.consents.map((c, i) => ({
        table: 'consents' as const,
        localId: consentIds![i] as number,
        syncId: c.syncId,
      })),
    ];
    if (mappings.length) queued.add(db.syncIds.bulkPut(mappings));
  });
}

/** `lead` with the call facts of `calls` (in the order they were added): a field with no fact is removed. */
export function withCallFacts<T extends object>(lead: T, calls: readonly Omit<Call, 'id'>[]): T {
  const facts = callFacts(calls as Call[]);
  const next = { ...lead } as Record<string, unknown>;
  for (const key of CALL_FACT_FIELDS) {
    const value = facts[key];
    if (value === undefined) delete next[key];
    else next[key] = value;
  }
  return next as T;
}

/** The call facts of `leadIds` from the calls held here; only leads whose facts changed are written. */
export async function recomputeCallFacts(db: LeadsDb, leadIds: readonly number[]): Promise<void> {
  if (!leadIds.length) return;
  const leads = await db.leads.bulkGet([...leadIds]);
  const callsOf = new Map<number, Call[]>();
  for (const call of await db.calls.where('leadId').anyOf(leadIds).toArray()) {
    const list = callsOf.get(call.leadId);
    if (list) list.push(call);
    else callsOf.set(call.leadId, [call]);
  }
  const changed: Lead[] = [];
  for (const lead of leads) {
    if (!lead) continue;
    const next = withCallFacts(lead, callsOf.get(lead.id) ?? []) as unknown as Record<string, unknown>;
    if (!CALL_FACT_FIELDS.every((k) => next[k] === (lead as Record<string, unknown>)[k])) changed.push(next as Lead);
  }
  if (!changed.length) return;
  await db.leads.bulkPut(changed);
  const held = await db.syncIds.bulkGet(changed.map((l) => ['leads', l.id]));
  const mappings = changed.flatMap((lead, i) => (held[i] ? [{ ...held[i], wire: wireFields(lead) }] : []));
  if (mappings.length) await db.syncIds.bulkPut(mappings);
}
