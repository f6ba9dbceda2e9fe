/**
 * An imported record meets a stored lead with the same number. The earliest acquisition
 * stands on the lead, every other one is kept as an acquisition row, fields merge by the
 * steward's rule, and DNC facts are never touched (an import cannot unblock a number).
 * The first row written carries the lead's fields before and after, so a rollback restores
 * exactly what this batch changed.
 */
import type { Lead } from '../leads/lead';
import { mergeValues, type ConflictRule } from './field-merge';
import type { Acquisition } from './import-batch';
import type { AcquisitionDraft, PreparedLead } from './prepared-lead';

export type NewAcquisition = Omit<Acquisition, 'id'>;

export interface Resolver {
  sourceId: (ref: string) => string;
  campaignId: (ref: string | null) => string | undefined;
}

export interface MergeContext extends Resolver {
  batchId: number;
  entryMethod: 'file' | 'api';
  now: number;
  rule: ConflictRule;
}

export interface LeadMerge {
  /** The lead as it must be stored, or null when nothing on it changed. */
  next: Lead | null;
  conflicts: number;
  acquisitions: NewAcquisition[];
}

/** Fields a merge may change, and so a rollback may restore. */
export const MERGE_FIELDS = [
  'name',
  'company',
  'email',
  'tags',
  'acquiredAt',
  'acquiredAtPrecision',
  'acquiredAtDeclared',
  'sourceId',
  'campaignId',
] as const;

/** An acquisition row for a draft read by batch `ctx.batchId`. */
export function acquisitionRow(leadId: number, draft: AcquisitionDraft, ctx: MergeContext): NewAcquisition {
  const campaignId = ctx.campaignId(draft.campaignRef);
  return {
    leadId,
    sourceId: ctx.sourceId(draft.sourceRef),
    acquiredAt: draft.acquiredAt,
    acquiredAtPrecision: draft.precision,
    ...(draft.declared ? { acquiredAtDeclared: true } : {}),
    ...(campaignId ? { campaignId } : {}),
    importBatchId: ctx.batchId,
    entryMethod: ctx.entryMethod,
    recordedAt: ctx.now,
    line: draft.line,
  };
}

/** The lead's own first acquisition, moved to the acquisitions table when an earlier one arrives. */
function displacedRow(lead: Lead, ctx: MergeContext): NewAcquisition {
  return {
    leadId: lead.id,
    sourceId: lead.sourceId,
    acquiredAt: lead.acquiredAt,
    acquiredAtPrecision: lead.acquiredAtPrecision,
    ...(lead.acquiredAtDeclared ? { acquiredAtDeclared: true } : {}),
    ...(lead.campaignId ? { campaignId: lead.campaignId } : {}),
    importBatchId: ctx.batchId,
    ...(lead.importBatchId !== undefined ? { originBatchId: lead.importBatchId } : {}),
    entryMethod: lead.entryMethod,
    recordedAt: ctx.now,
    displaced: true,
  };
}

/** Merge `incoming` into the stored `lead`. */
export function mergeIntoLead(lead: Lead, incoming: PreparedLead, ctx: MergeContext): LeadMerge {
  const values = mergeValues(lead, incoming, ctx.rule);
  const next: Lead = { ...lead, ...values.values };
  const acquisitions: NewAcquisition[] = [];
  const drafts = [incoming as AcquisitionDraft, ...incoming.extraAcquisitions];
  const earliest = drafts.reduce((a, b) => (b.acquiredAt < a.acquiredAt ? b : a));
  if (earliest.acquiredAt < lead.acquiredAt) {
    acquisitions.push(displacedRow(lead, ctx));
    const campaignId = ctx.campaignId(earliest.campaignRef);
    next.acquiredAt = earliest.acquiredAt;
    next.acquiredAtPrecision = earliest.precision;
    next.sourceId = ctx.sourceId(earliest.sourceRef);
    if (earliest.declared) next.acquiredAtDeclared = true;
    else delete next.acquiredAtDeclared;
    if (campaignId) next.campaignId = campaignId;
    else delete next.campaignId;
  }
  for (const d of drafts)
    if (d !== earliest || earliest.acquiredAt >= lead.acquiredAt) acquisitions.push(acquisitionRow(lead.id, d, ctx));

  const changed = MERGE_FIELDS.filter((f) => JSON.stringify(lead[f]) !== JSON.stringify(next[f]));
  if (changed.length > 0) {
    // null stands for "absent": IndexedDB keeps it, and a rollback deletes the field again.
    const before = Object.fromEntries(changed.map((f) => [f, lead[f] ?? null]));
    const after = Object.fromEntries(changed.map((f) => [f, next[f] ?? null]));
    acquisitions[0] = { ...acquisitions[0]!, undo: { before, after } };
    next.updatedAt = ctx.now;
  }
  return { next: changed.length > 0 ? next : null, conflicts: values.conflicts, acquisitions };
}

/**
 * Undo a merge on the lead as it is now: each field goes back to its value before the batch,
 * unless something later changed it again (then the later change stands).
 */
export function undoMerge(lead: Lead, undo: NonNullable<Acquisition['undo']>, now: number): Lead | null {
  const next: Record<string, unknown> = { ...lead };
  let changed = false;
  for (const [field, after] of Object.entries(undo.after)) {
    if (!(MERGE_FIELDS as readonly string[]).includes(field)) continue;
    if (JSON.stringify(next[field] ?? null) !== JSON.stringify(after)) continue;
    const before = undo.before[field];
    if (before === null || before === undefined) delete next[field];
    else next[field] = before;
    changed = true;
  }
  if (!changed) return null;
  next.updatedAt = now;
  return next as Lead;
}
