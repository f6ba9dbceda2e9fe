/**
 * Bulk edits as data: what a steward asked for, and its effect on one lead. The repository
 * applies an operation to thousands of leads in one transaction and records, per lead, the
 * exact values before and after, so an undo restores them exactly.
 */
import { z } from 'zod';
import { RENEWAL_CHANNELS } from '../compliance/consent-request';
import type { Lead } from './lead';

const setSource = z.object({ kind: z.literal('set-source'), sourceId: z.string().min(1) });
const setCampaign = z.object({ kind: z.literal('set-campaign'), campaignId: z.string().nullable() });
const addTags = z.object({ kind: z.literal('add-tags'), tags: z.array(z.string().trim().min(1).max(40)).min(1) });
const removeTags = z.object({ kind: z.literal('remove-tags'), tags: z.array(z.string().min(1)).min(1) });
const markVerified = z.object({ kind: z.literal('mark-verified') });
/** The lead's own text fields, as an inline edit of one cell sets them (trimmed; empty clears the field's text). */
export const TEXT_FIELDS = ['name', 'company'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];
const setText = z.object({
  kind: z.literal('set-text'),
  field: z.enum(TEXT_FIELDS),
  value: z.string().trim().max(200),
});

/** An edit of one of the lead's own fields: the parts a multi-field edit is made of. */
export const fieldOpSchema = z.discriminatedUnion('kind', [
  setSource,
  setCampaign,
  addTags,
  removeTags,
  markVerified,
  setText,
]);
export type FieldOp = z.infer<typeof fieldOpSchema>;

export const bulkOpSchema = z.discriminatedUnion('kind', [
  setText,
  setSource,
  setCampaign,
  addTags,
  removeTags,
  markVerified,
  // Several fields in one preview, one transaction, one audit entry and one undo; applied in the order listed.
  z.object({ kind: z.literal('edit-fields'), edits: z.array(fieldOpSchema).min(1).max(5) }),
  z.object({ kind: z.literal('add-to-internal-dnc') }),
  z.object({
    kind: z.literal('renew-consent'),
    proofRef: z.string().trim().min(1),
    validityMonths: z.number().int().min(1).max(120),
  }),
  // Asks for consent (records the request); it is not proof and leaves consent as it was.
  z.object({
    kind: z.literal('request-consent-renewal'),
    channel: z.enum(RENEWAL_CHANNELS),
    note: z.string().trim().max(500).optional(),
  }),
  z.object({ kind: z.literal('delete') }),
]);
export type BulkOp = z.infer<typeof bulkOpSchema>;
export type BulkOpKind = BulkOp['kind'];

/** The lead's fields an operation reads and may change (the rest is never read or touched). */
export type EditableLead = Pick<Lead, 'sourceId' | 'campaignId' | 'tags' | 'verifiedAt' | 'dncStatus' | TextField>;

/** Lead fields an operation may change (the rest is never touched). */
export type LeadFieldChange = Partial<EditableLead>;

/**
 * The fields `op` changes on `lead`, or null when it changes nothing. Ops on other tables return {}.
 * It reads only the editable fields, so a lead read off the engine's columns is judged by the same rule.
 */
export function leadChangeFor(lead: EditableLead, op: BulkOp, now: number): LeadFieldChange | null {
  switch (op.kind) {
    case 'edit-fields':
      return combinedChange(lead, op.edits, now);
    case 'set-text':
      return lead[op.field] === op.value ? null : { [op.field]: op.value };
    case 'set-source':
      return lead.sourceId === op.sourceId ? null : { sourceId: op.sourceId };
    case 'set-campaign': {
      const next = op.campaignId ?? undefined;
      return lead.campaignId === next ? null : { campaignId: next };
    }
    case 'add-tags': {
      // Each new tag once, even when the steward typed it twice.
      const add = [...new Set(op.tags)].filter((t) => !lead.tags.includes(t));
      return add.length ? { tags: [...lead.tags, ...add] } : null;
    }
    case 'remove-tags': {
      const kept = lead.tags.filter((t) => !op.tags.includes(t));
      return kept.length === lead.tags.length ? null : { tags: kept };
    }
    case 'mark-verified':
      return { verifiedAt: now };
    case 'add-to-internal-dnc':
      return lead.dncStatus === 'listed' ? {} : { dncStatus: 'listed' };
    case 'renew-consent':
    case 'request-consent-renewal':
    case 'delete':
      return {};
  }
}

/** The field one edit sets (a multi-field edit compares it with the lead's own afterwards). */
function fieldSetBy(edit: FieldOp): keyof EditableLead {
  switch (edit.kind) {
    case 'set-text':
      return edit.field;
    case 'set-source':
      return 'sourceId';
    case 'set-campaign':
      return 'campaignId';
    case 'add-tags':
    case 'remove-tags':
      return 'tags';
    case 'mark-verified':
      return 'verifiedAt';
  }
}

/**
 * The fields of a lead that `leadChangeFor(lead, op, now)` depends on: two leads equal on these
 * get the same change (the Preview off the engine's columns judges each such group once). A
 * one-field edit reads the field it sets, marking verified reads nothing (it always sets the
 * instant), operations on other tables read nothing, and a multi-field edit depends on every field
 * it sets (the result is compared with the lead's value, field by field).
 */
export function fieldsReadBy(op: BulkOp): ReadonlySet<keyof EditableLead> {
  switch (op.kind) {
    case 'edit-fields':
      return new Set(op.edits.map(fieldSetBy));
    case 'mark-verified':
    case 'renew-consent':
    case 'request-consent-renewal':
    case 'delete':
      return new Set();
    case 'add-to-internal-dnc':
      return new Set(['dncStatus']);
    default:
      return new Set([fieldSetBy(op)]);
  }
}

/**
 * The edits applied one after another (add tags, then remove tags, as listed), keeping only the
 * fields whose final value differs from the lead's: adding and removing the same tag changes nothing.
 */
export function combinedChange(lead: EditableLead, edits: readonly FieldOp[], now: number): LeadFieldChange | null {
  let current = lead;
  for (const edit of edits) {
    const change = leadChangeFor(current, edit, now);
    if (change)
      current = restoreFields(current, Object.fromEntries(Object.entries(change).map(([k, v]) => [k, v ?? null])));
  }
  const out: Record<string, unknown> = {};
  for (const field of ['sourceId', 'campaignId', 'tags', 'verifiedAt', ...TEXT_FIELDS] as const) {
    if (JSON.stringify(current[field]) !== JSON.stringify(lead[field])) out[field] = current[field];
  }
  return Object.keys(out).length ? (out as LeadFieldChange) : null;
}

/** The values of `fields` on `lead` (missing values kept as undefined so an undo can clear them). */
export function pickFields(lead: Lead, fields: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) out[f] = lead[f as keyof Lead] ?? null;
  return out;
}

/** Restore values captured by `pickFields` (null means the field was absent). */
export function restoreFields<L extends object>(lead: L, values: Record<string, unknown>): L {
  const next: Record<string, unknown> = { ...(lead as Record<string, unknown>) };
  for (const [k, v] of Object.entries(values)) {
    if (v === null) delete next[k];
    else next[k] = v;
  }
  return next as L;
}
