/**
 * Bulk edits as data: what a steward asked for, and its effect on one lead. The repository
 * applies an operation to thousands of leads in one transaction and records, per lead, the
 * exact values before and after, so an undo restores them exactly.
 */
import { z } from 'zod';
import type { Lead } from './lead';

export const bulkOpSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('set-source'), sourceId: z.string().min(1) }),
  z.object({ kind: z.literal('set-campaign'), campaignId: z.string().nullable() }),
  z.object({ kind: z.literal('add-tags'), tags: z.array(z.string().trim().min(1).max(40)).min(1) }),
  z.object({ kind: z.literal('remove-tags'), tags: z.array(z.string().min(1)).min(1) }),
  z.object({ kind: z.literal('mark-verified') }),
  z.object({ kind: z.literal('add-to-internal-dnc') }),
  z.object({ kind: z.literal('renew-consent'), proofRef: z.string().trim().min(1), validityMonths: z.number().int().min(1).max(120) }),
  z.object({ kind: z.literal('delete') }),
]);
export type BulkOp = z.infer<typeof bulkOpSchema>;
export type BulkOpKind = BulkOp['kind'];

/** Lead fields an operation may change (the rest is never touched). */
export type LeadFieldChange = Partial<Pick<Lead, 'sourceId' | 'campaignId' | 'tags' | 'verifiedAt' | 'dncStatus'>>;

/** The fields `op` changes on `lead`, or null when it changes nothing. Ops on other tables return {}. */
export function leadChangeFor(lead: Lead, op: BulkOp, now: number): LeadFieldChange | null {
  switch (op.kind) {
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
    case 'delete':
      return {};
  }
}

/** The values of `fields` on `lead` (missing values kept as undefined so an undo can clear them). */
export function pickFields(lead: Lead, fields: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) out[f] = lead[f as keyof Lead] ?? null;
  return out;
}

/** Restore values captured by `pickFields` (null means the field was absent). */
export function restoreFields(lead: Lead, values: Record<string, unknown>): Lead {
  const next: Record<string, unknown> = { ...lead };
  for (const [k, v] of Object.entries(values)) {
    if (v === null) delete next[k];
    else next[k] = v;
  }
  return next as unknown as Lead;
}
