/**
 * An audit entry in words: what was done to how many records, and each record's values before
 * and after. Pure: the screen translates the keys and resolves source and campaign names.
 * Entries whose details an erasure redacted, or that are malformed, summarise by action alone.
 */
import type { BulkOp, FieldOp } from '../leads/bulk-edit';
import type { AuditEntry } from './audit-entry';

/** One change an operation made, as the summary names it. */
export type AuditChange =
  | { kind: 'source'; value: string }
  | { kind: 'name' | 'company'; value: string }
  | { kind: 'campaign'; value: string | null }
  | { kind: 'tagsAdded' | 'tagsRemoved'; value: string }
  | { kind: 'verified' | 'internalDnc' }
  | { kind: 'consentRenewed'; value: string }
  | { kind: 'renewalRequested'; value: string };

export interface AuditSummary {
  /** i18n key under `audit.sum.` */
  key: string;
  /** Records the entry concerns (for a scrub: leads checked). */
  count: number;
  changes: AuditChange[];
  /** An undo: the entry it reverted. */
  undid?: number;
  /** Further figures for the sentence (a scrub's listed count, an export's rows…). */
  figures: Record<string, number | string>;
}

const obj = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

function fieldChange(op: FieldOp): AuditChange {
  switch (op.kind) {
    case 'set-text':
      return { kind: op.field, value: op.value };
    case 'set-source':
      return { kind: 'source', value: op.sourceId };
    case 'set-campaign':
      return { kind: 'campaign', value: op.campaignId };
    case 'add-tags':
      return { kind: 'tagsAdded', value: op.tags.join(', ') };
    case 'remove-tags':
      return { kind: 'tagsRemoved', value: op.tags.join(', ') };
    case 'mark-verified':
      return { kind: 'verified' };
  }
}

/** The changes a bulk operation makes, in words' order. */
export function opChanges(op: BulkOp | undefined): AuditChange[] {
  if (!op || typeof op !== 'object') return [];
  switch (op.kind) {
    case 'edit-fields':
      return Array.isArray(op.edits) ? op.edits.map(fieldChange) : [];
    case 'set-text':
    case 'set-source':
    case 'set-campaign':
    case 'add-tags':
    case 'remove-tags':
    case 'mark-verified':
      return [fieldChange(op)];
    case 'renew-consent':
      return [{ kind: 'consentRenewed', value: op.proofRef }];
    case 'request-consent-renewal':
      return [{ kind: 'renewalRequested', value: op.channel }];
    case 'add-to-internal-dnc':
      return [{ kind: 'internalDnc' }];
    default:
      return [];
  }
}

/** The entry in words. */
export function summariseAudit(
  entry: Pick<AuditEntry, 'action' | 'entity' | 'ids' | 'before' | 'after'>,
): AuditSummary {
  const before = obj(entry.before);
  const after = obj(entry.after);
  const count = Array.isArray(entry.ids) ? entry.ids.length : 0;
  const base = { count, changes: [] as AuditChange[], figures: {} as Record<string, number | string> };
  if (before.redacted === true) return { ...base, key: 'redacted' };
  switch (entry.action) {
    case 'bulk-edit':
      return { ...base, key: 'bulk-edit', changes: opChanges(before.op as BulkOp | undefined) };
    case 'delete':
      return { ...base, key: entry.entity === 'database' ? 'delete-all' : 'delete' };
    case 'undo': {
      const op = after.op as BulkOp | undefined;
      return {
        ...base,
        key: op?.kind === 'delete' ? 'undo-delete' : 'undo',
        undid: num(after.undid ?? before.undid),
        changes: opChanges(op),
      };
    }
    case 'dnc-scrub':
      return { ...base, key: 'dnc-scrub', count: num(after.leadCount), figures: { listed: num(after.listed) } };
    case 'purge':
      return { ...base, key: 'purge', count: num(after.count) || count };
    case 'consent':
      return {
        ...base,
        key: 'consent',
        figures: { kind: String(after.kind ?? ''), purpose: String(after.purpose ?? '') },
      };
    case 'edit':
      return {
        ...base,
        key: 'edit',
        figures: { id: String(entry.ids[0] ?? ''), fields: Object.keys(after).join(', ') },
      };
    case 'create':
      return { ...base, key: 'create', figures: { id: String(entry.ids[0] ?? '') } };
    case 'export':
      return { ...base, key: 'export', count: num(after.rows), figures: { file: String(after.fileName ?? '') } };
    case 'import':
      return { ...base, key: 'import', figures: { id: String(entry.ids[0] ?? '') } };
    case 'forget': {
      const redacted = Array.isArray(after.redactedSeqs) ? after.redactedSeqs.length : 0;
      return {
        ...base,
        // Erased on another device of the team (a pulled removal), or here.
        key: after.erasedElsewhere === true ? 'forget-elsewhere' : 'forget',
        count: redacted,
        figures: { id: String(entry.ids[0] ?? '') },
      };
    }
    default:
      return { ...base, key: 'other' };
  }
}

/** One record of an entry: its id and each field's value before and after (null = absent). */
export interface AuditRecord {
  id: number | string;
  fields: { field: string; before: unknown; after: unknown }[];
}

/**
 * Every record the entry names, with the values it recorded. A bulk edit holds them per lead, a
 * deletion the whole rows (shown as deleted), an edit its one lead; an undo is read off the entry
 * it reverted (`reverted`), values swapped.
 */
export function auditRecords(
  entry: Pick<AuditEntry, 'action' | 'ids' | 'before' | 'after'>,
  reverted?: Pick<AuditEntry, 'action' | 'ids' | 'before' | 'after'>,
): AuditRecord[] {
  const before = obj(entry.before);
  const after = obj(entry.after);
  if (before.redacted === true) return [];
  if (entry.action === 'undo' && reverted)
    return auditRecords(reverted).map((r) => ({
      id: r.id,
      fields: r.fields.map((f) => ({ field: f.field, before: f.after, after: f.before })),
    }));
  if (entry.action === 'delete' && Array.isArray(before.rows)) {
    return (before.rows as Record<string, unknown>[]).map((row) => ({
      id: row.id as number,
      fields: ['name', 'phoneE164'].map((f) => ({ field: f, before: row[f] ?? null, after: null })),
    }));
  }
  if (entry.action === 'edit') {
    return [
      {
        id: entry.ids[0] ?? '',
        fields: Object.keys(after).map((f) => ({ field: f, before: before[f] ?? null, after: after[f] ?? null })),
      },
    ];
  }
  const beforeLeads = obj(before.leads);
  const afterLeads = obj(after.leads);
  const ids = Array.isArray(entry.ids) ? entry.ids : [];
  return ids.map((id) => {
    const b = obj(beforeLeads[String(id)]);
    const a = obj(afterLeads[String(id)]);
    return { id, fields: Object.keys(a).map((f) => ({ field: f, before: b[f] ?? null, after: a[f] ?? null })) };
  });
}
