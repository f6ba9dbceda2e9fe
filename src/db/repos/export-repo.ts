/** Recording exports in the audit trail (the file's provenance) and listing them. */
import type { AuditEntry } from '../../domain/audit/audit-entry';
import type { LeadsDb } from '../leads-db';
import { appendAudit, auditHead } from './audit-repo';

export interface ExportRecord {
  kind: 'leads' | 'call-list' | 'awaiting-renewal';
  format: 'csv' | 'xlsx';
  fileName: string;
  filter: Record<string, unknown>;
  columns: string[];
  rows: number;
  sha256: string;
  dncVersionIds: number[];
  at: number;
  exclusions: Record<string, number> | null;
  override?: string;
}

/**
 * Write the export's audit entry, carrying the chain head as it stood before it. With `unless`,
 * that check runs first in the entry's own transaction (which holds the change log too) and, if
 * it answers true, nothing is written and the answer is null: no write can land between the check
 * and the entry.
 */
export async function recordExport(db: LeadsDb, record: ExportRecord, now?: number): Promise<AuditEntry>;
export async function recordExport(
  db: LeadsDb,
  record: ExportRecord,
  options: { now?: number; unless: () => Promise<boolean> },
): Promise<AuditEntry | null>;
export async function recordExport(
  db: LeadsDb,
  record: ExportRecord,
  options?: number | { now?: number; unless: () => Promise<boolean> },
): Promise<AuditEntry | null> {
  const { now = Date.now(), unless } = typeof options === 'object' ? options : { now: options };
  return db.transaction('rw', db.audit, db.settings, db.changes, async () => {
    if (unless && (await unless())) return null;
    const head = await auditHead(db);
    return appendAudit(
      db,
      {
        action: 'export',
        entity: 'export',
        ids: [],
        before: { chainHead: head },
        after: record,
        ...(record.override ? { note: `Override: ${record.override}` } : {}),
      },
      now,
    );
  });
}

/** Every export, newest first. */
export function listExports(db: LeadsDb): Promise<AuditEntry[]> {
  return db.audit.where('action').equals('export').reverse().sortBy('seq');
}
