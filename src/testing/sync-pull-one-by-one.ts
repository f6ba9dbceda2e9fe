/**
 * The test oracle for pulled pages: `applyPulledPage` as it was before pages went in bulk
 * (session 17): every call and consent applied on its own in page order, each called lead
 * recounted on its own, and leads and removals through the one-at-a-time path the bulk one falls
 * back to. The property test (sync-pull-bulk.test.ts) holds the bulk path equal to it.
 */
import type { LeadsDb } from '../db/leads-db';
import type { Lead } from '../domain/leads/lead';
import type { Call } from '../domain/leads/call';
import { CALL_FACT_FIELDS, callFacts } from '../domain/leads/call-facts';
import type { ConsentEvent } from '../domain/compliance/consent-event';
import { wireFields } from '../domain/sync/lead-diff';
import { SYNC_KEYS } from '../domain/sync/sync-rows';
import { orgChainKey } from '../db/repos/org-chain-repo';
import {
  applyDnc,
  applyQuarantine,
  ORPHANS,
  pullTables,
  type PulledChange,
  type PulledPage,
} from '../db/repos/sync-pull-repo';
import { applyDeparture, applyLead, applyRemoval, dropQueuedFor } from '../db/repos/sync-pull-leads';
import { callOf, consentOf } from '../db/repos/sync-pull-events';

export async function applyPulledPageOneByOne(db: LeadsDb, page: PulledPage, deviceId: string): Promise<void> {
  await db.transaction('rw', pullTables(db), async () => {
    await db.syncState.put({ key: SYNC_KEYS.cursor, value: page.cursor });
    const removed = new Set<string>();
    for (const c of page.changes) {
      if (c.kind === 'lead') await applyLead(db, c.data);
      else if (c.kind === 'removal') {
        removed.add(String(c.data.leadId));
        await applyRemoval(db, String(c.data.leadId), String(c.data.reason ?? ''));
      } else if (c.kind === 'move' && c.data.visible === false) {
        removed.add(String(c.data.leadId));
        await applyDeparture(db, String(c.data.leadId));
      }
    }
    await dropQueuedFor(
      db,
      new Set(page.changes.filter((c) => c.kind === 'removal').map((c) => String(c.data.leadId))),
    );
    const listed = new Set(
      (await db.syncIssues.filter((i) => i.kind === 'quarantine').toArray()).map((i) => i.mutationId),
    );
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
      else if (c.kind === 'quarantine') await applyQuarantine(db, c.data, deviceId, listed);
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
  const localId =
    table === 'calls'
      ? ((await db.calls.add(callOf(lead.localId, c.data) as Call)) as number)
      : ((await db.consents.add(consentOf(lead.localId, c.data) as ConsentEvent)) as number);
  await db.syncIds.put({ table, localId, syncId });
  return lead.localId;
}
