/** The audit trail: appended inside the same transaction as the change it records, never edited. */
import type { AuditDraft, AuditEntry } from '../../domain/audit/audit-entry';
import { GENESIS_HASH, isRedacted, sealEntry, verifyChain, type ChainProblem } from '../../domain/audit/audit-hash';
import type { LeadsDb } from '../leads-db';
import { AUDIT_UPGRADE_KEY } from './audit-upgrade-repo';
import { getSettings } from './settings-repo';

/**
 * Append one entry. Call it inside a read-write transaction that includes `audit` and
 * `settings`, so the entry commits or aborts with the change it describes.
 */
export async function appendAudit(db: LeadsDb, draft: AuditDraft, at = Date.now()): Promise<AuditEntry> {
  const last = await db.audit.orderBy('seq').last();
  const { operatorName } = await getSettings(db);
  const entry = sealEntry({ ...draft, seq: (last?.seq ?? 0) + 1, at, actor: operatorName, prevHash: last?.hash ?? GENESIS_HASH });
  await db.audit.add(entry);
  return entry;
}

/** The newest entry's seq and hash: the chain head every export carries. */
export async function auditHead(db: LeadsDb): Promise<{ seq: number; hash: string }> {
  const last = await db.audit.orderBy('seq').last();
  return { seq: last?.seq ?? 0, hash: last?.hash ?? GENESIS_HASH };
}

/** Newest first, a page at a time, optionally only entries touching `entity` id. */
export async function listAudit(db: LeadsDb, opts: { limit: number; offset?: number; action?: string }): Promise<AuditEntry[]> {
  const all = db.audit.orderBy('seq').reverse();
  const filtered = opts.action ? all.filter((e) => e.action === opts.action) : all;
  return filtered.offset(opts.offset ?? 0).limit(opts.limit).toArray();
}

/** Audit entries that name a given lead id (for the lead's timeline). */
export async function auditForLead(db: LeadsDb, leadId: number): Promise<AuditEntry[]> {
  return db.audit.filter((e) => e.entity === 'lead' && e.ids.includes(leadId)).toArray();
}

/** Re-hash the whole trail; null when intact, else the first broken entry. */
export async function verifyAuditTrail(db: LeadsDb): Promise<ChainProblem | null> {
  return verifyChain(await db.audit.orderBy('seq').toArray());
}

export interface TrailReport {
  problem: ChainProblem | null;
  count: number;
  /** Entries whose details an erasure redacted (not tampering: the chain verifies without them). */
  redacted: number;
  /** When the trail was rewritten in format 2 (schema v003), and whether the old trail verified then. */
  upgrade?: { at: number; previousHead: { seq: number; hash: string }; newHead: { seq: number; hash: string }; previousTrail: { intact: boolean; brokenAtSeq?: number } };
}

/** "Verify trail": the first problem (or none), how many entries were checked and how many are redacted. */
export async function auditTrailReport(db: LeadsDb): Promise<TrailReport> {
  return db.transaction('r', db.audit, db.settings, async () => {
    const entries = await db.audit.orderBy('seq').toArray();
    const upgrade = (await db.settings.get(AUDIT_UPGRADE_KEY))?.value as TrailReport['upgrade'] | undefined;
    return { problem: verifyChain(entries), count: entries.length, redacted: entries.filter(isRedacted).length, ...(upgrade ? { upgrade } : {}) };
  });
}
