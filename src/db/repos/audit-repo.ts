/**
 * The audit trail: appended inside the same transaction as the change it records, never edited.
 * Each append also keeps the new head (seq, hash, count) in the settings table (audit-head.ts),
 * so Verify can tell when the newest entries were removed from the table.
 */
import type { AuditDraft, AuditEntry } from '../../domain/audit/audit-entry';
import { headProblems } from '../../domain/audit/audit-head';
import { GENESIS_HASH, isRedacted, sealEntry, verifyChainAll, type ChainProblem } from '../../domain/audit/audit-hash';
import type { LeadsDb } from '../leads-db';
import { keepHead, keptHead } from './audit-head-repo';
import { AUDIT_UPGRADE_KEY } from './audit-upgrade-repo';
import { getSettings } from './settings-read-repo';

/** The entry with the highest numeric seq (a tampered row may carry a string seq, which sorts after numbers). */
function lastNumbered(db: LeadsDb): Promise<AuditEntry | undefined> {
  return db.audit.where('seq').belowOrEqual(Infinity).last();
}

/**
 * Append one entry. Call it inside a read-write transaction that includes `audit` and
 * `settings`, so the entry and the kept head commit or abort with the change it describes.
 * When the kept head is ahead of the table (its newest entries were removed), the chain goes on
 * from the kept head: the removal stays visible as a sequence gap instead of being papered over.
 */
export async function appendAudit(db: LeadsDb, draft: AuditDraft, at = Date.now()): Promise<AuditEntry> {
  const head = await readAuditHead(db);
  const entry = sealAudit(head, draft, at);
  await writeAudit(db, head, entry);
  return entry;
}

/** What the next entry chains to: the head it follows, the trail's length, and who writes it. */
export interface AuditHead {
  seq: number;
  hash: string;
  count: number;
  actor: string;
}

/**
 * `appendAudit` in three steps, for a transaction that queues large writes before its entry: the
 * head is read first (a transaction's requests run in order: read after the writes, it would wait
 * for them all), and the entry is sealed (hashed, in this thread) while the database writes what
 * was queued before it; `writeAudit` then adds it. One entry per head read, in one transaction.
 */
export async function readAuditHead(db: LeadsDb): Promise<AuditHead> {
  const [last, kept, { operatorName }] = await Promise.all([lastNumbered(db), keptHead(db), getSettings(db)]);
  const lastSeq = last?.seq ?? 0;
  const head =
    kept && kept.seq >= lastSeq
      ? kept
      : { seq: lastSeq, hash: last ? String(last.hash) : GENESIS_HASH, count: await db.audit.count() };
  return { ...head, actor: operatorName };
}

/** The entry that follows `head`, sealed (its details and its link hashed). */
export function sealAudit(head: AuditHead, draft: AuditDraft, at: number): AuditEntry {
  return sealEntry({ ...draft, seq: head.seq + 1, at, actor: head.actor, prevHash: head.hash });
}

/** Add `entry` (sealed after `head`) and keep it as the new head. */
export async function writeAudit(db: LeadsDb, head: AuditHead, entry: AuditEntry): Promise<void> {
  await db.audit.add(entry);
  await keepHead(db, { seq: entry.seq, hash: entry.hash, count: head.count + 1 });
}

/** The newest entry's seq and hash in the table: the chain head every export carries. */
export async function auditHead(db: LeadsDb): Promise<{ seq: number; hash: string }> {
  const last = await lastNumbered(db);
  return { seq: last?.seq ?? 0, hash: last ? String(last.hash) : GENESIS_HASH };
}

/** How many entries the trail holds. */
export function countAudit(db: LeadsDb): Promise<number> {
  return db.audit.count();
}

/** Newest first, a page at a time, optionally only entries touching `entity` id. */
export async function listAudit(
  db: LeadsDb,
  opts: { limit: number; offset?: number; action?: string },
): Promise<AuditEntry[]> {
  const all = db.audit.orderBy('seq').reverse();
  const filtered = opts.action ? all.filter((e) => e.action === opts.action) : all;
  return filtered
    .offset(opts.offset ?? 0)
    .limit(opts.limit)
    .toArray();
}

/** An entry as the detail view reads it: the entry, the entry it undid (an undo), and the undo that reverted it (if one did). */
export async function auditEntryDetail(
  db: LeadsDb,
  seq: number,
): Promise<{ entry: AuditEntry; reverted: AuditEntry | null; undoneBy: AuditEntry | null } | null> {
  return db.transaction('r', db.audit, async () => {
    const entry = await db.audit.get(seq);
    if (!entry) return null;
    const undid = (entry.after as { undid?: unknown } | null)?.undid;
    const [reverted, undoneBy] = await Promise.all([
      entry.action === 'undo' && typeof undid === 'number' ? db.audit.get(undid) : undefined,
      db.audit
        .where('action')
        .equals('undo')
        .filter((e) => (e.after as { undid?: unknown } | null)?.undid === seq)
        .first(),
    ]);
    return { entry, reverted: reverted ?? null, undoneBy: undoneBy ?? null };
  });
}

/** Audit entries that name a given lead id (for the lead's timeline). */
export async function auditForLead(db: LeadsDb, leadId: number): Promise<AuditEntry[]> {
  return db.audit.filter((e) => e.entity === 'lead' && Array.isArray(e.ids) && e.ids.includes(leadId)).toArray();
}

/** Every problem of the rows (in seq order) and of the table against the kept head. */
async function trailProblems(db: LeadsDb): Promise<{ rows: unknown[]; problems: ChainProblem[] }> {
  const [rows, kept] = await Promise.all([db.audit.orderBy('seq').toArray() as Promise<unknown[]>, keptHead(db)]);
  return { rows, problems: [...verifyChainAll(rows), ...headProblems(rows, kept)] };
}

/** Re-hash the whole trail and compare it with the kept head; null when intact, else the first problem. */
export async function verifyAuditTrail(db: LeadsDb): Promise<ChainProblem | null> {
  return db.transaction('r', db.audit, db.settings, async () => (await trailProblems(db)).problems[0] ?? null);
}

export interface TrailReport {
  /** The first problem, or null when intact. */
  problem: ChainProblem | null;
  /** Every problem found, in seq order (malformed entries, breaks, unnamed redactions, missing newest entries). */
  problems: ChainProblem[];
  count: number;
  /** Entries whose details an erasure redacted (not tampering: the chain verifies without them). */
  redacted: number;
  /** When the trail was rewritten in format 2 (schema v003), and whether the old trail verified then. */
  upgrade?: {
    at: number;
    previousHead: { seq: number; hash: string };
    newHead: { seq: number; hash: string };
    previousTrail: { intact: boolean; brokenAtSeq?: number };
  };
}

/** "Verify trail": the first problem (or none), how many entries were checked and how many are redacted. */
export async function auditTrailReport(db: LeadsDb): Promise<TrailReport> {
  return db.transaction('r', db.audit, db.settings, async () => {
    const { rows, problems } = await trailProblems(db);
    const upgrade = (await db.settings.get(AUDIT_UPGRADE_KEY))?.value as TrailReport['upgrade'] | undefined;
    const redacted = rows.filter((r) => r && typeof r === 'object' && isRedacted(r as AuditEntry)).length;
    return { problem: problems[0] ?? null, problems, count: rows.length, redacted, ...(upgrade ? { upgrade } : {}) };
  });
}
