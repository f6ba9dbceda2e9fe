/**
 * What a bulk edit's Preview says: of the leads selected, how many the operation changes, leaves
 * as they are, or cannot find, and for a multi-field edit how many each field changes on. One
 * count for both places that answer it: the bulk-edit worker over the leads it read, and the
 * engine over its columns (bulk-preview-from-columns.ts), so the two cannot count differently.
 */
import type { BulkOp, LeadFieldChange } from './bulk-edit';

export interface BulkPreview {
  selected: number;
  changed: number;
  unchanged: number;
  missing: number;
  /** A multi-field edit: how many leads each field changes on. */
  fields?: Partial<Record<Exclude<keyof LeadFieldChange, 'dncStatus'>, number>>;
}

/**
 * The preview of `op` (parsed) over `selected` distinct ids, of which `found` leads exist, each
 * with its change (null: unchanged).
 */
export function countPreview(
  op: BulkOp,
  selected: number,
  found: number,
  changes: Iterable<LeadFieldChange | null>,
): BulkPreview {
  let changed = 0;
  const fields: NonNullable<BulkPreview['fields']> = {};
  for (const c of changes) {
    if (c === null) continue;
    changed++;
    if (op.kind === 'edit-fields')
      for (const f of Object.keys(c) as (keyof LeadFieldChange)[])
        if (f !== 'dncStatus') fields[f] = (fields[f] ?? 0) + 1;
  }
  const missing = selected - found;
  const counts = { selected, changed, unchanged: selected - changed - missing, missing };
  return op.kind === 'edit-fields' ? { ...counts, fields } : counts;
}
