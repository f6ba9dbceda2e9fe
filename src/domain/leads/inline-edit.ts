/**
 * Inline edit of one grid cell: what the steward typed, turned into the same bulk operation a
 * dialog would make for that one lead, so the edit is applied, audited and undone exactly as a
 * bulk edit is. Null when the text says what the lead already holds (nothing to save).
 */
import type { BulkOp, FieldOp } from './bulk-edit';

/** The grid columns a steward may edit in place. */
export const INLINE_COLUMNS = ['name', 'company', 'source', 'campaign', 'tags'] as const;
export type InlineColumn = (typeof INLINE_COLUMNS)[number];

export const isInlineColumn = (id: string): id is InlineColumn => (INLINE_COLUMNS as readonly string[]).includes(id);

/** The values an edit starts from (as stored: source and campaign ids). */
export interface InlineValues {
  name: string;
  company: string;
  sourceId: string;
  /** '' for none. */
  campaignId: string;
  tags: readonly string[];
}

export type InlineProblem = 'too-long' | 'source-required' | 'tag-too-long';
export type InlineResult = { ok: true; op: BulkOp | null } | { ok: false; problem: InlineProblem };

const MAX_TEXT = 200;
const MAX_TAG = 40;

/** "a, b ,, a" → ['a', 'b']: each tag once, in the order typed. */
export function parseTagList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
}

/** The text an editor starts with for `column`. */
export function inlineText(column: InlineColumn, v: InlineValues): string {
  switch (column) {
    case 'name':
      return v.name;
    case 'company':
      return v.company;
    case 'source':
      return v.sourceId;
    case 'campaign':
      return v.campaignId;
    case 'tags':
      return v.tags.join(', ');
  }
}

/** The operation that makes `column` read `input` on a lead holding `current`. */
export function inlineEditOp(column: InlineColumn, current: InlineValues, input: string): InlineResult {
  switch (column) {
    case 'name':
    case 'company': {
      const value = input.trim();
      if (value.length > MAX_TEXT) return { ok: false, problem: 'too-long' };
      return { ok: true, op: value === current[column] ? null : { kind: 'set-text', field: column, value } };
    }
    case 'source':
      if (!input) return { ok: false, problem: 'source-required' };
      return { ok: true, op: input === current.sourceId ? null : { kind: 'set-source', sourceId: input } };
    case 'campaign':
      return {
        ok: true,
        op: input === current.campaignId ? null : { kind: 'set-campaign', campaignId: input || null },
      };
    case 'tags': {
      const next = parseTagList(input);
      if (next.some((t) => t.length > MAX_TAG)) return { ok: false, problem: 'tag-too-long' };
      const removed = current.tags.filter((t) => !next.includes(t));
      const added = next.filter((t) => !current.tags.includes(t));
      const edits: FieldOp[] = [];
      if (removed.length) edits.push({ kind: 'remove-tags', tags: [...new Set(removed)] });
      if (added.length) edits.push({ kind: 'add-tags', tags: added });
      return {
        ok: true,
        op: edits.length === 0 ? null : edits.length === 1 ? edits[0]! : { kind: 'edit-fields', edits },
      };
    }
  }
}
