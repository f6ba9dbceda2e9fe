/**
 * Two records of one person meet (two rows of a file, or a row and a stored lead). Nothing
 * is lost: an empty field takes the other's value, tags are united, and when both hold
 * different values the steward's rule decides (keep existing / take new) and the conflict
 * is counted.
 */
export const CONFLICT_RULES = ['keep-existing', 'take-new'] as const;
export type ConflictRule = (typeof CONFLICT_RULES)[number];

export interface MergeableValues {
  name: string;
  company: string;
  email: string;
  tags: string[];
}

const TEXT_FIELDS = ['name', 'company', 'email'] as const;

/** `existing` with `incoming` merged in; `changed` lists the fields whose value differs from `existing`. */
export function mergeValues(
  existing: MergeableValues,
  incoming: MergeableValues,
  rule: ConflictRule,
): { values: MergeableValues; conflicts: number; changed: (keyof MergeableValues)[] } {
  const values: MergeableValues = {
    name: existing.name,
    company: existing.company,
    email: existing.email,
    tags: [...existing.tags],
  };
  const changed: (keyof MergeableValues)[] = [];
  let conflicts = 0;
  for (const field of TEXT_FIELDS) {
    const a = existing[field];
    const b = incoming[field];
    if (b === '' || a === b) continue;
    if (a !== '') {
      // Emails differ only in case are one address, not a conflict.
      if (field === 'email' && a.toLowerCase() === b.toLowerCase()) continue;
      conflicts++;
      if (rule === 'keep-existing') continue;
    }
    values[field] = b;
    changed.push(field);
  }
  const added = incoming.tags.filter((t) => !values.tags.includes(t));
  if (added.length > 0) {
    values.tags.push(...added);
    changed.push('tags');
  }
  return { values, conflicts, changed };
}
