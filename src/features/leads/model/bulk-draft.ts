/** What the bulk-edit form holds, and the operation it stands for (null while incomplete). */
import type { RenewalChannel } from '../../../domain/compliance/consent-request';
import type { BulkOp, BulkOpKind, FieldOp } from '../../../domain/leads/bulk-edit';

/** "Keep as is" in the source and campaign pickers of a multi-field edit. */
export const KEEP = '__keep';

export interface BulkDraft {
  /** Single-field operations: tags, a source or campaign id. */
  text: string;
  sourceId: string;
  campaignId: string;
  addTags: string;
  removeTags: string;
  verify: boolean;
  proofRef: string;
  months: number;
  channel: RenewalChannel;
  note: string;
}

export const EMPTY_DRAFT: BulkDraft = {
  text: '',
  sourceId: KEEP,
  campaignId: KEEP,
  addTags: '',
  removeTags: '',
  verify: false,
  proofRef: '',
  months: 12,
  channel: 'email',
  note: '',
};

const tagsOf = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** The field edits of a multi-field draft, in a fixed order (tags added before tags removed). */
export function fieldEdits(d: BulkDraft): FieldOp[] {
  const edits: FieldOp[] = [];
  if (d.sourceId !== KEEP && d.sourceId) edits.push({ kind: 'set-source', sourceId: d.sourceId });
  if (d.campaignId !== KEEP) edits.push({ kind: 'set-campaign', campaignId: d.campaignId || null });
  if (tagsOf(d.addTags).length) edits.push({ kind: 'add-tags', tags: tagsOf(d.addTags) });
  if (tagsOf(d.removeTags).length) edits.push({ kind: 'remove-tags', tags: tagsOf(d.removeTags) });
  if (d.verify) edits.push({ kind: 'mark-verified' });
  return edits;
}

export function opFromDraft(kind: BulkOpKind, d: BulkDraft): BulkOp | null {
  switch (kind) {
    case 'edit-fields': {
      const edits = fieldEdits(d);
      return edits.length ? { kind, edits } : null;
    }
    case 'add-tags':
    case 'remove-tags':
      return tagsOf(d.text).length ? { kind, tags: tagsOf(d.text) } : null;
    case 'set-source':
      return d.text ? { kind, sourceId: d.text } : null;
    case 'set-campaign':
      return { kind, campaignId: d.text || null };
    case 'renew-consent':
      return d.proofRef.trim() ? { kind, proofRef: d.proofRef.trim(), validityMonths: d.months } : null;
    case 'request-consent-renewal':
      return { kind, channel: d.channel, ...(d.note.trim() ? { note: d.note.trim() } : {}) };
    case 'mark-verified':
    case 'add-to-internal-dnc':
    case 'delete':
      return { kind };
    case 'set-text':
      // An inline edit of one cell (grid), not a dialog's operation.
      return null;
  }
}
