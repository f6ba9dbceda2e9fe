/**
 * The test oracle for pulled pages: `applyPulledPage` as it was before pages went in bulk
 * (session 17), every change applied on its own in page order: a few requests per change, and
 * the meaning the bulk path must keep. The property test (sync-pull-bulk.test.ts) holds the two equal.
 */
import type { LeadsDb } from '../db/leads-db';
import type { Lead } from '../domain/leads/lead';
import type { Call } from '../domain/leads/call';
import { CALL_FACT_FIELDS, callFacts } from '../domain/leads/call-facts';
import type { ConsentEvent } from '../domain/compliance/consent-event';
import { leadFromWire, wireFields } from '../domain/sync/lead-diff';
import { mergeLead, type Stamped } from '../domain/sync/lead-merge';
import { mutationLeadId } from '../domain/sync/mutation';
import { SYNC_KEYS, type SyncIdRow, type SyncIssue } from '../domain/sync/sync-rows';
import { addInternalDncInTransaction } from '../db/repos/dnc-repo';
import { orgChainKey } from '../db/repos/org-chain-repo';
import type { PulledChange, PulledPage } from '../db/repos/sync-pull-repo';

const ORPHANS = 'orphans';

export async function applyPulledPageOneByOne(db: LeadsDb, page: PulledPage, deviceId: string): Promise<void> {
  const tables = [
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
  ];
  await db.transaction('rw', tables, async () => {
    await db.syncState.put({ key: SYNC_KEYS.cursor, value: page.cursor });
    const removed = new Set<string>();
    for (const c of page.changes) {
      if (c.kind === 'lead') await applyLead(db, c.data);
      else if (c.kind === 'removal') {
        removed.add(String(c.data.leadId));
        await applyRemoval(db, String(c.data.leadId));
      }
    }
    const waiting = ((await db.syncState.get(ORPHANS))?.value as PulledChange[] | undefined) ?? [];
    const orphans: PulledChange[] = [];
    const called = new Set<number>();
    for (const c of [...waiting, ...page.changes]) {
      if (c.kind === 'call' || c.kind === 'consent') {
        // An event waiting for a lead that was removed before it ever arrived: dropped.
        if (removed.has(String(c.data.leadId))) continue;
        const leadId = await applyEvent(db, c);
        if (leadId === undefined) orphans.push(c);
        else if (c.kind === 'call' && leadId !== REMOVED) called.add(leadId);
      } else if (c.kind === 'dnc') await applyDnc(db, c.data);
      else if (c.kind === 'quarantine') await applyQuarantine(db, c.data, deviceId);
      else if (c.kind === 'audit')
        await db.syncState.put({ key: orgChainKey(Number(c.data.orgPosition)), value: c.data });
    }
    if (orphans.length || waiting.length) await db.syncState.put({ key: ORPHANS, value: orphans });
    for (const id of called) await recomputeCallFacts(db, id);
  });
}

/**
 * A lead's call facts are caches (a last-writer-wins counter would lose increments): recomputed
 * here from every call this device holds for the lead, as the calls repository does for its own.
 */
async function recomputeCallFacts(db: LeadsDb, leadId: number): Promise<void> {
  const lead = await db.leads.get(leadId);
  if (!lead) return;
  const facts = callFacts(await db.calls.where('leadId').equals(leadId).toArray());
  const next: Record<string, unknown> = { ...lead };
  for (const key of CALL_FACT_FIELDS) {
    const value = facts[key];
    if (value === undefined) delete next[key];
    else next[key] = value;
  }
  if (CALL_FACT_FIELDS.every((k) => next[k] === (lead as Record<string, unknown>)[k])) return;
  await db.leads.put(next as Lead);
  const held = await db.syncIds.get(['leads', leadId]);
  if (held) await db.syncIds.put({ ...held, wire: wireFields(next as Lead) });
}

const bySyncId = (db: LeadsDb, table: string, syncId: string) =>
  db.syncIds.where('[table+syncId]').equals([table, syncId]).first();

/** A lead removed from the team's data: the lead and everything of it go; the sync id stays, marked. */
async function applyRemoval(db: LeadsDb, syncId: string): Promise<void> {
  const held = await bySyncId(db, 'leads', syncId);
  if (!held || held.removed || typeof held.localId !== 'number') return;
  const id = held.localId;
  await db.calls.where('leadId').equals(id).delete();
  await db.consents.where('leadId').equals(id).delete();
  await db.consentRequests.where('leadId').equals(id).delete();
  await db.acquisitions.where('leadId').equals(id).delete();
  await db.leads.delete(id);
  await db.syncIds.put({ table: 'leads', localId: id, syncId: held.syncId, removed: true });
  // What this device had queued for the lead would only be refused (and carry the person's values there).
  const queued = await db.outbox.filter((r) => mutationLeadId(r.mutation) === syncId).primaryKeys();
  await db.outbox.bulkDelete(queued);
}

async function applyLead(db: LeadsDb, data: Record<string, unknown>): Promise<void> {
  const syncId = String(data.id);
  const phone = String(data.phoneE164);
  const fields = (data.fields ?? {}) as Record<string, unknown>;
  const clocks = (data.clocks ?? {}) as Record<string, string>;
  const incoming: Record<string, Stamped> = {};
  for (const [name, hlc] of Object.entries(clocks))
    if (name !== 'teamId') incoming[name] = { value: fields[name], hlc };
  const team: Stamped = { value: data.teamId ?? null, hlc: clocks.teamId ?? '' };
  const held = await bySyncId(db, 'leads', syncId);
  if (held?.removed) return;
  const local = typeof held?.localId === 'number' ? await db.leads.get(held.localId) : undefined;
  if (held && local) {
    const merged = mergeLead({ fields: wireFields(local), clocks: held.clocks ?? {} }, incoming);
    const next = leadFromWire(local.id, local.phoneE164, merged.fields, local);
    await db.leads.put(next);
    await db.syncIds.put({ ...held, clocks: merged.clocks, team, wire: wireFields(next) });
    return;
  }
  // A mapping whose local row is gone (deleted here): the pulled lead comes back as a new row.
  if (held) await db.syncIds.delete(['leads', held.localId]);
  const { id: _none, ...row } = leadFromWire(0, phone, fields, undefined);
  const id = (await db.leads.add(row as Lead)) as number;
  const wire = wireFields({ ...row, id } as Lead);
  const next: SyncIdRow = { table: 'leads', localId: id, syncId, clocks: { ...clocks }, team, wire };
  await db.syncIds.put(next);
}

/** An event of a lead removed here: dropped, not kept waiting. */
const REMOVED = -1;

/** The local id of the event's lead, undefined when the lead is not here yet, or REMOVED. */
async function applyEvent(db: LeadsDb, c: PulledChange): Promise<number | undefined> {
  const table = c.kind === 'call' ? 'calls' : 'consents';
  const lead = await bySyncId(db, 'leads', String(c.data.leadId));
  if (lead?.removed) return REMOVED;
  if (typeof lead?.localId !== 'number') return undefined;
  if (await bySyncId(db, table, String(c.data.id))) return lead.localId;
  const syncId = String(c.data.id);
  const d = c.data;
  let localId: number;
  if (table === 'calls') {
    const call: Omit<Call, 'id'> = {
      leadId: lead.localId,
      at: Number(d.at),
      outcome: d.outcome as Call['outcome'],
      durationSec: Number(d.durationSec ?? 0),
      agent: String(d.agent ?? ''),
      ...(typeof d.campaignId === 'string' ? { campaignId: d.campaignId } : {}),
    };
    localId = (await db.calls.add(call as Call)) as number;
  } else {
    const consent: Omit<ConsentEvent, 'id'> = {
      leadId: lead.localId,
      purpose: d.purpose as ConsentEvent['purpose'],
      kind: d.kind as ConsentEvent['kind'],
      basis: d.basis as ConsentEvent['basis'],
      capturedAt: Number(d.capturedAt),
      ...(typeof d.expiresAt === 'number' ? { expiresAt: d.expiresAt } : {}),
      method: d.method as ConsentEvent['method'],
      proofRef: String(d.proofRef ?? ''),
      capturedBy: String(d.capturedBy ?? ''),
    };
    localId = (await db.consents.add(consent as ConsentEvent)) as number;
  }
  await db.syncIds.put({ table, localId, syncId });
  return lead.localId;
}

async function applyDnc(db: LeadsDb, data: Record<string, unknown>): Promise<void> {
  const phone = String(data.phoneE164);
  await addInternalDncInTransaction(db, phone, Number(data.at));
  if (!(await db.syncIds.get(['dncEntries', phone])))
    await db.syncIds.put({ table: 'dncEntries', localId: phone, syncId: String(data.id) });
}

/** A mutation of this user's that the server refused, pushed from another of their devices. */
async function applyQuarantine(db: LeadsDb, data: Record<string, unknown>, deviceId: string): Promise<void> {
  if (data.deviceId === deviceId) return;
  const issue: SyncIssue = {
    at: Date.now(),
    kind: 'quarantine',
    mutationId: String(data.mutationId),
    reason: String(data.reason ?? ''),
    ...(typeof data.detail === 'string' ? { detail: data.detail } : {}),
  };
  await db.syncIssues.add(issue);
}
