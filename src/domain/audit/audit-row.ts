/**
 * An audit table row as the Audit screen shows it. The screen lists whatever the table holds:
 * a tampered row (a hash of 12345, ids of null, an actor object) is shown as text and flagged
 * as malformed instead of crashing the screen, so tampering is located, not hidden.
 */
import { auditEntrySchema, type RedactedDetails } from './audit-entry';
import { isRedacted } from './audit-hash';

export interface AuditRow {
  /** The seq as stored (text: a tampered row may hold anything there). */
  seq: string;
  /** Milliseconds since the epoch, or null when the stored date is not one. */
  at: number | null;
  actor: string;
  action: string;
  note: string;
  entity: string;
  /** How many records the entry names, or null when its ids are not a list. */
  records: number | null;
  hash: string;
  /** When an erasure redacted the details, if it did. */
  redactedAt: number | null;
  /** The row is not an audit entry (Verify reports it as tampering). */
  malformed: boolean;
}

/** Any stored value as short display text. */
function text(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return String(v);
  try {
    return JSON.stringify(v) ?? '';
  } catch {
    return '?';
  }
}

const validDate = (v: unknown): number | null =>
  typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= 8.64e15 ? v : null;

/** The row to display for whatever one audit table row holds. */
export function toAuditRow(raw: unknown): AuditRow {
  const parsed = auditEntrySchema.safeParse(raw);
  if (parsed.success) {
    const e = parsed.data;
    return {
      seq: String(e.seq),
      at: validDate(e.at),
      actor: e.actor,
      action: e.action,
      note: e.note ?? '',
      entity: e.entity,
      records: e.ids.length,
      hash: e.hash,
      redactedAt: isRedacted(e) ? validDate((e.before as RedactedDetails).at) : null,
      malformed: false,
    };
  }
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  return {
    seq: text(r.seq),
    at: validDate(r.at),
    actor: text(r.actor),
    action: text(r.action),
    note: text(r.note),
    entity: text(r.entity),
    records: Array.isArray(r.ids) ? r.ids.length : null,
    hash: text(r.hash),
    redactedAt: null,
    malformed: true,
  };
}
