/**
 * The outbox's half of a write: from the rows a request wrote, the mutations to push, built in the
 * write's own transaction through DBCore (outbox-middleware.ts wires it under every repository).
 * Lead sync ids, and each lead field's HLC stamp, live in `syncIds`.
 */
import type { DBCore, DBCoreTransaction } from 'dexie';
import type { Lead } from '../domain/leads/lead';
import type { Call } from '../domain/leads/call';
import type { ConsentEvent } from '../domain/compliance/consent-event';
import type { DncEntry } from '../domain/compliance/dnc-list';
import type { AuditEntry } from '../domain/audit/audit-entry';
import { changedFields, wireFields } from '../domain/sync/lead-diff';
import { tickHlc } from '../domain/sync/hlc';
import {
  auditAppend,
  callAdd,
  consentAdd,
  dncAdd,
  leadPut,
  leadRemove,
  LeadRemovalRefused,
  MAX_SEGMENT,
  mayRemove,
  type LeadRemovalReason,
  type SyncMutation,
} from '../domain/sync/mutation';
import { isHashedPhone } from '../domain/compliance/anonymise';
import { SYNC_KEYS, type SyncIdRow, type SyncedTable, type TeamConfig } from '../domain/sync/sync-rows';

/** What one transaction needs to stamp its writes: the device, its team, and the stamp once ticked. */
export interface OutboxTx {
  trans: DBCoreTransaction;
  team: TeamConfig;
  device: string;
  hlc?: string;
  dncRequested: boolean;
}

const INTERNAL_LIST = 'internal';
const uuid = () => crypto.randomUUID();

export function outboxBuilder(down: DBCore) {
  const ids = () => down.table('syncIds');

  async function stamp(tx: OutboxTx): Promise<string> {
    if (tx.hlc) return tx.hlc;
    const state = down.table('syncState');
    const last = (await state.get({ trans: tx.trans, key: SYNC_KEYS.hlc })) as { value?: string } | undefined;
    tx.hlc = tickHlc(last?.value, Date.now(), tx.device);
    await state.mutate({ type: 'put', trans: tx.trans, values: [{ key: SYNC_KEYS.hlc, value: tx.hlc }] });
    return tx.hlc;
  }

  async function held(tx: OutboxTx, table: SyncedTable, localIds: readonly (number | string)[]) {
    const rows = (await ids().getMany({ trans: tx.trans, keys: localIds.map((id) => [table, id]) })) as (
      SyncIdRow | undefined
    )[];
    return new Map(localIds.map((id, i) => [id, rows[i]]));
  }

  /**
   * Lead rows written: one lead.put each with the fields that changed since the values last queued
   * or pulled (kept in the lead's syncIds row, so nothing is read before the write itself). A lead
   * anonymised by a retention purge keeps its anonymous row here, but leaves the team's data: it
   * is removed there (the server keeps no number or name past the purge).
   */
  async function leads(tx: OutboxTx, after: Lead[]): Promise<SyncMutation[]> {
    const anonymised = after.filter((l) => isHashedPhone(l.phoneE164));
    const out = anonymised.length
      ? await removals(
          tx,
          anonymised.map((l) => l.id),
          'purge',
        )
      : [];
    const known = await held(
      tx,
      'leads',
      after.map((l) => l.id),
    );
    const rows: SyncIdRow[] = [];
    // The built-in demo data never leaves this browser.
    for (const lead of after.filter((l) => l.entryMethod !== 'demo' && !isHashedPhone(l.phoneE164))) {
      const row = known.get(lead.id);
      if (row?.removed) continue;
      // A lead new to the team (or first touched since team mode began) sends every field.
      const fields = changedFields(row?.wire, lead);
      if (Object.keys(fields).length === 0) continue;
      const hlc = await stamp(tx);
      const team = row?.team ?? { value: tx.team.teamIds[0] ?? null, hlc };
      const clocks = { ...row?.clocks };
      for (const name of Object.keys(fields)) clocks[name] = hlc;
      const next: SyncIdRow = {
        table: 'leads',
        localId: lead.id,
        syncId: row?.syncId ?? uuid(),
        clocks,
        team,
        wire: wireFields(lead),
      };
      rows.push(next);
      out.push(leadPut(uuid(), next.syncId, lead.phoneE164, fields, hlc, team));
    }
    if (rows.length) await ids().mutate({ type: 'put', trans: tx.trans, values: rows });
    return out;
  }

  /**
   * Leads deleted here (or anonymised): one lead.remove each for those the team holds; their
   * syncIds rows keep only the ids, marked removed, so a later pull of the lead does not bring it back.
   */
  async function removals(
    tx: OutboxTx,
    localIds: readonly number[],
    reason: LeadRemovalReason,
  ): Promise<SyncMutation[]> {
    const known = await held(tx, 'leads', localIds);
    const gone = [...known.values()].filter((r): r is SyncIdRow => r !== undefined && !r.removed);
    if (gone.length === 0) return [];
    // The server would refuse it, and this device would have dropped a lead the team keeps: the
    // whole write is refused here instead, so nothing changes.
    if (!gone.every((r) => mayRemove(tx.team.role, r))) throw new LeadRemovalRefused(tx.team.role);
    const rows: SyncIdRow[] = gone.map((r) => ({
      table: 'leads',
      localId: r.localId,
      syncId: r.syncId,
      removed: true,
    }));
    await ids().mutate({ type: 'put', trans: tx.trans, values: rows });
    const at = Date.now();
    return gone.map((r) => leadRemove(uuid(), r.syncId, reason, at));
  }

  /**
   * Sync ids of the leads events refer to; a lead the team has not seen yet is sent whole first.
   * `known`: the leads' syncIds rows, already read by the caller.
   */
  async function leadIds(
    tx: OutboxTx,
    localIds: number[],
    known: Map<number | string, SyncIdRow | undefined>,
  ): Promise<{ map: Map<number, string>; puts: SyncMutation[] }> {
    const unique = [...new Set(localIds)];
    const missing = unique.filter((id) => !known.get(id));
    const found = (await down.table('leads').getMany({ trans: tx.trans, keys: missing })) as (Lead | undefined)[];
    const puts = await leads(
      tx,
      found.filter((l): l is Lead => l !== undefined),
    );
    const after = missing.length ? await held(tx, 'leads', unique) : known;
    const map = new Map<number, string>();
    for (const id of unique) map.set(id, after.get(id)?.syncId ?? uuid());
    return { map, puts };
  }

  /** New calls or consents (a row that already has a sync id was sent before). */
  async function events(tx: OutboxTx, table: 'calls' | 'consents', rows: (Call | ConsentEvent)[]) {
    const known = await held(
      tx,
      table,
      rows.map((r) => r.id),
    );
    const owners = (await down.table('leads').getMany({
      trans: tx.trans,
      keys: rows.map((r) => r.leadId),
    })) as (Lead | undefined)[];
    const leadRows = await held(
      tx,
      'leads',
      rows.map((r) => r.leadId),
    );
    // Events of demo leads stay here with their leads, and a lead removed from the team's data takes no more.
    const fresh = rows.filter(
      (r, i) => !known.get(r.id) && owners[i]?.entryMethod !== 'demo' && !leadRows.get(r.leadId)?.removed,
    );
    if (fresh.length === 0) return [];
    if (table === 'calls' && fresh.some((c) => (c as Call).outcome === 'dnc-requested')) tx.dncRequested = true;
    const { map, puts } = await leadIds(
      tx,
      fresh.map((r) => r.leadId),
      leadRows,
    );
    const rowsOut: SyncIdRow[] = [];
    const out: SyncMutation[] = [...puts];
    for (const r of fresh) {
      const syncId = uuid();
      rowsOut.push({ table, localId: r.id, syncId });
      const lead = map.get(r.leadId)!;
      out.push(
        table === 'calls'
          ? callAdd(uuid(), r as Call, syncId, lead)
          : consentAdd(uuid(), r as ConsentEvent, syncId, lead),
      );
    }
    await ids().mutate({ type: 'put', trans: tx.trans, values: rowsOut });
    return out;
  }

  /** Single additions to the internal list: one dnc.add per number (a list file is not synced). */
  async function dnc(tx: OutboxTx, entries: DncEntry[]) {
    // A suppression (an erased person's number as a keyed hash) is this device's own: not a number to send.
    const single = entries.filter(
      (e) =>
        e.listId === INTERNAL_LIST &&
        e.addedAt !== undefined &&
        e.removedVersionId === undefined &&
        !isHashedPhone(e.phoneE164),
    );
    if (single.length === 0) return [];
    const known = await held(
      tx,
      'dncEntries',
      single.map((e) => e.phoneE164),
    );
    const fresh = single.filter((e) => !known.get(e.phoneE164));
    const kind = tx.dncRequested ? 'request' : 'entry';
    const rows: SyncIdRow[] = fresh.map((e) => ({ table: 'dncEntries', localId: e.phoneE164, syncId: uuid() }));
    if (rows.length) await ids().mutate({ type: 'put', trans: tx.trans, values: rows });
    return fresh.map((e, i) => dncAdd(uuid(), rows[i]!.syncId, kind, e.phoneE164, e.addedAt!));
  }

  return { leads, removals, events, dnc };
}

/** Audit entries as consecutive segments of the device's chain. */
export function auditSegments(entries: readonly AuditEntry[]): SyncMutation[] {
  const sorted = [...entries].sort((a, b) => a.seq - b.seq);
  const out: SyncMutation[] = [];
  for (let i = 0; i < sorted.length; i += MAX_SEGMENT) out.push(auditAppend(uuid(), sorted.slice(i, i + MAX_SEGMENT)));
  return out;
}
