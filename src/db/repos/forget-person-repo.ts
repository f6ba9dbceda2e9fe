/**
 * "Forget this person" (GDPR Art. 17 erasure). One strict read-write transaction over every
 * table removes the lead and everything that holds its person's data: calls, consent events,
 * acquisition rows, its plain entry on the internal do-not-call list, the details of audit
 * entries that held the person's values or undo data (redacted: the entries and the chain
 * stay, see src/domain/audit/audit-hash.ts, and so do their copies still queued for the team
 * server), the person's values in saved views, import batch records and the operation journal,
 * and the team's conflicts about the lead. What stays is a suppression: the number as a keyed
 * hash on the internal list (suppression-repo.ts), so the person is never called again if the
 * number comes back, listed since the person's first "do not call me" when there was one (a DNC
 * request is kept 5 years: dnc-request-keep.ts). One `forget` audit entry records it with the lead
 * id, that hash and the seqs of the audit entries it redacted (`redactedSeqs`, which Verify requires).
 *
 * Entries of external DNC lists (national, TPS…) are copies of a publisher's file and stay.
 * Free-text audit notes are the steward's words and are hashed into the chain: they stay too.
 */
import type { AuditEntry } from '../../domain/audit/audit-entry';
import type { Lead } from '../../domain/leads/lead';
import type { SyncMutation } from '../../domain/sync/mutation';
import { redactDetails, isRedacted } from '../../domain/audit/audit-hash';
import { keyedPhoneHash, isHashedPhone } from '../../domain/compliance/anonymise';
import { firstDncRequestAt } from '../../domain/compliance/dnc-request-keep';
import { mustRedact } from '../../domain/privacy/audit-redaction';
import { personPattern, scrubPerson, type FormerValues, type PersonPattern } from '../../domain/privacy/person-match';
import type { LeadsDb } from '../leads-db';
import { strictTransaction } from '../durability';
import { appendAudit } from './audit-repo';
import { upgradeAuditTrail } from './audit-upgrade-repo';
import { INTERNAL_LIST_ID } from './internal-dnc';
import { anonymisationKey } from './retention-repo';
import { suppressNumber } from './suppression-repo';
import { dropEngineCache } from './engine-snapshot-repo';
import { markLeadRemoval } from '../removal-reason';

export class ForgetError extends Error {
  constructor(readonly code: 'not-found') {
    super(code);
  }
}

/** What forgetting a lead removes (the confirm dialog names it). */
export interface ForgetPlan {
  leadId: number;
  calls: number;
  consents: number;
  acquisitions: number;
  /** 1 when the number is on the internal list in plain (it is replaced by its keyed hash). */
  internalDnc: number;
  /** Audit entries whose details are redacted, and how many of them are undoable bulk operations. */
  auditEntries: number;
  undoOperations: number;
  /** Other records whose text fields mention the person: saved views, import batches, journal rows. */
  otherRecords: number;
}

/** Tables outside the lead's own rows whose text is scrubbed of the person (those this schema has). */
const SCRUBBED_TABLES = ['savedViews', 'importBatches', 'operations'] as const;

/** What the lead's own audit entries (creation, edits) say its personal fields were. */
async function formerValues(db: LeadsDb, leadId: number): Promise<FormerValues[]> {
  const out: FormerValues[] = [];
  await db.audit.each((e) => {
    if (e.entity !== 'lead' || e.ids.length !== 1 || e.ids[0] !== leadId) return;
    for (const d of [e.before, e.after])
      if (d && typeof d === 'object' && !Array.isArray(d)) out.push(d as FormerValues);
  });
  return out;
}

async function auditToRedact(db: LeadsDb, p: PersonPattern): Promise<AuditEntry[]> {
  const out: AuditEntry[] = [];
  await db.audit.each((e) => {
    if (mustRedact(e, p)) out.push(e);
  });
  return out;
}

async function scrubbedRows(db: LeadsDb, p: PersonPattern): Promise<{ table: string; rows: unknown[] }[]> {
  const names = new Set(db.tables.map((t) => t.name));
  const out: { table: string; rows: unknown[] }[] = [];
  for (const name of SCRUBBED_TABLES) {
    if (!names.has(name)) continue;
    const rows: unknown[] = [];
    await db.table(name).each((row: unknown) => {
      const s = scrubPerson(row, p, '[erased]');
      if (s.changed) rows.push(s.value);
    });
    out.push({ table: name, rows });
  }
  return out;
}

/** What else holds the person of `lead` (known by its values and `former` ones): audit entries to redact, other records scrubbed. */
async function tracesOf(db: LeadsDb, lead: Lead, former: FormerValues[]) {
  const p = personPattern(lead, former);
  const [audit, others] = await Promise.all([auditToRedact(db, p), scrubbedRows(db, p)]);
  return { audit, others };
}

/**
 * Redacts `audit`, writes the scrubbed `others` and drops the team's conflicts about lead `leadId`
 * (inside the caller's transaction). The copies of those entries still queued for the team server
 * (audit segments not yet pushed) are redacted too: nothing of the person leaves this device after
 * the erasure (their hashes are the same).
 */
async function eraseTraces(
  db: LeadsDb,
  leadId: number,
  audit: AuditEntry[],
  others: { table: string; rows: unknown[] }[],
  now: number,
) {
  const redacted = audit.filter((e) => !isRedacted(e)).map((e) => redactDetails(e, now));
  await db.audit.bulkPut(redacted);
  // The team's conflicts about the lead hold both values of a field (a name, a number).
  await db.syncIssues.filter((i) => i.leadId === leadId).delete();
  for (const { table, rows } of others) if (rows.length) await db.table(table).bulkPut(rows);
  if (redacted.length === 0) return;
  const bySeq = new Map(redacted.map((e) => [e.seq, e]));
  const entriesOf = (m: SyncMutation) => (m.entries as AuditEntry[] | undefined) ?? [];
  const queued = await db.outbox.filter((r) => r.mutation.type === 'audit.append').toArray();
  const touched = queued.filter((r) => entriesOf(r.mutation).some((e) => bySeq.has(e.seq)));
  await db.outbox.bulkPut(
    touched.map((r) => ({
      ...r,
      mutation: { ...r.mutation, entries: entriesOf(r.mutation).map((e) => bySeq.get(e.seq) ?? e) },
    })),
  );
}

/** The number kept as a suppression listed since `since` (its keyed hash, which it answers). */
async function keepSuppressed(db: LeadsDb, phoneE164: string, since: number, now: number): Promise<string> {
  const key = await anonymisationKey(db);
  await suppressNumber(db, phoneE164, key, since, now);
  return isHashedPhone(phoneE164) ? phoneE164 : keyedPhoneHash(phoneE164, key);
}

/** Everything the erasure of lead `leadId` will touch; run inside a transaction over every table. */
async function planIn(db: LeadsDb, leadId: number) {
  const lead = await db.leads.get(leadId);
  if (!lead) throw new ForgetError('not-found');
  const [calls, consents, acquisitions, plainDnc, former] = await Promise.all([
    db.calls.where('leadId').equals(leadId).toArray(),
    db.consents.where('leadId').equals(leadId).primaryKeys(),
    db.acquisitions.where('leadId').equals(leadId).toArray(),
    isHashedPhone(lead.phoneE164) ? undefined : db.dncEntries.get([INTERNAL_LIST_ID, lead.phoneE164]),
    formerValues(db, leadId),
  ]);
  const { audit, others } = await tracesOf(db, lead, [
    ...former,
    ...acquisitions.flatMap((a) => (a.undo ? [a.undo.before, a.undo.after] : [])),
  ]);
  const plan: ForgetPlan = {
    leadId,
    calls: calls.length,
    consents: consents.length,
    acquisitions: acquisitions.length,
    internalDnc: plainDnc ? 1 : 0,
    auditEntries: audit.length,
    undoOperations: audit.filter((e) => (e.before as { op?: unknown } | null)?.op !== undefined).length,
    otherRecords: others.reduce((n, t) => n + t.rows.length, 0),
  };
  return {
    lead,
    plan,
    calls: calls.map((c) => c.id),
    requestedAt: firstDncRequestAt(calls),
    consents,
    acquisitions: acquisitions.map((a) => a.id),
    plainDnc,
    audit,
    others,
  };
}

/** What forgetting the lead would remove, read in one transaction. */
export function forgetPreview(db: LeadsDb, leadId: number): Promise<ForgetPlan> {
  return db.transaction('r', db.tables, async () => (await planIn(db, leadId)).plan);
}

export interface ForgetResult extends ForgetPlan {
  /** The suppression kept: the number's keyed hash. */
  suppression: string;
  auditSeq: number;
}

/** Forget the person of lead `leadId`, everywhere, in one strict transaction. */
export async function forgetPerson(db: LeadsDb, leadId: number, now = Date.now()): Promise<ForgetResult> {
  return strictTransaction(db, 'rw', db.tables, async () => {
    // A trail restored from an old backup may still be in format 1, whose details cannot be redacted.
    if ((await db.audit.filter((e) => e.detailsHash === undefined).count()) > 0) await upgradeAuditTrail(db, now);
    const { lead, plan, calls, requestedAt, consents, acquisitions, plainDnc, audit, others } = await planIn(
      db,
      leadId,
    );
    // Team mode: the team's id of the lead, named in the forget entry (the server redacts its
    // copies of this device's entries only for a lead erased there: server migration 006).
    const synced = await db.syncIds.get(['leads', leadId]);
    // The suppression is dated at the person's first "do not call me" (on the list or on a call):
    // that date is the request's evidence, kept past the erasure (dnc-request-keep.ts).
    const listedSince =
      plainDnc?.addedAt !== undefined && plainDnc.removedVersionId === undefined ? plainDnc.addedAt : Infinity;
    const since = Math.min(listedSince, requestedAt ?? Infinity, now);
    const suppression = await keepSuppressed(db, lead.phoneE164, since, now);
    if (plainDnc) await db.dncEntries.delete([INTERNAL_LIST_ID, lead.phoneE164]);
    await db.calls.bulkDelete(calls);
    await db.consents.bulkDelete(consents);
    await db.acquisitions.bulkDelete(acquisitions);
    markLeadRemoval('erase');
    await db.leads.delete(leadId);
    await eraseTraces(db, leadId, audit, others, now);
    const entry = await appendAudit(
      db,
      {
        action: 'forget',
        entity: 'lead',
        ids: [leadId],
        before: null,
        after: {
          suppression,
          removed: {
            lead: 1,
            calls: plan.calls,
            consents: plan.consents,
            acquisitions: plan.acquisitions,
            internalDnc: plan.internalDnc,
          },
          redactedSeqs: audit.map((e) => e.seq),
          otherRecords: plan.otherRecords,
          ...(synced ? { leadSyncId: synced.syncId } : {}),
        },
      },
      now,
    );
    // Last, after every write of this transaction logged itself: the engine's stored columns hold
    // the name and number too. Engines in use follow the log, which scrubs the row (decision 063).
    await dropEngineCache(db);
    return { ...plan, suppression, auditSeq: entry.seq };
  });
}

/**
 * A person erased on another device of the team (a pulled removal whose reason is `erase`): the
 * pull removed the lead and its history here (sync-pull-leads.ts); this erases the rest this
 * device holds of the person, as a local "Forget this person" does: the details of its own audit
 * entries that held the person's values (redacted; its `forget` entry names them, and once pushed
 * the server redacts its copies too: server migration 006), the person's values in saved views,
 * import batches and the journal, and the number kept as a suppression (its keyed hash). `lead` is
 * the lead as this device held it, kept by the pull for this step.
 */
export async function forgetErasedElsewhere(
  db: LeadsDb,
  lead: Lead,
  now = Date.now(),
  known: { former?: FormerValues[]; syncId?: string } = {},
): Promise<{ auditSeq: number; auditEntries: number; otherRecords: number }> {
  return strictTransaction(db, 'rw', db.tables, async () => {
    // Entries in format 1 (a trail restored from an old backup) cannot be redacted without hashing
    // them again, which the team server would take as a fork of this device's chain: they stay.
    const traces = await tracesOf(db, lead, [...(await formerValues(db, lead.id)), ...(known.former ?? [])]);
    const audit = traces.audit.filter((e) => e.detailsHash !== undefined);
    const { others } = traces;
    const suppression = await keepSuppressed(db, lead.phoneE164, now, now);
    await eraseTraces(db, lead.id, audit, others, now);
    const otherRecords = others.reduce((n, t) => n + t.rows.length, 0);
    const entry = await appendAudit(
      db,
      {
        action: 'forget',
        entity: 'lead',
        ids: [lead.id],
        before: null,
        after: {
          suppression,
          erasedElsewhere: true,
          redactedSeqs: audit.map((e) => e.seq),
          otherRecords,
          // The team's id of the lead: the server redacts its copies only for a lead erased there.
          ...(known.syncId ? { leadSyncId: known.syncId } : {}),
        },
      },
      now,
    );
    // As a local erasure does: the engine's stored columns held the name and number; engines in
    // use follow the log, which scrubs the row (decision 063).
    await dropEngineCache(db);
    return { auditSeq: entry.seq, auditEntries: audit.length, otherRecords };
  });
}
