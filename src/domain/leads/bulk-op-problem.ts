/**
 * Why a bulk operation the steward composed would be refused, as a code a screen can say in
 * words: the repository parses every operation with `bulkOpSchema` and rejects it whole, so the
 * dialog asks the same schema first and names the problem instead of sending the operation.
 */
import { bulkOpSchema, type BulkOp } from './bulk-edit';

export type BulkOpProblem =
  'tag-too-long' | 'tag-empty' | 'months-out-of-range' | 'proof-required' | 'note-too-long' | 'invalid';

/** The first problem of `op` (as `bulkOpSchema` finds it), or null when the repository accepts it. */
export function bulkOpProblem(op: BulkOp): BulkOpProblem | null {
  const parsed = bulkOpSchema.safeParse(op);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0]!;
  const field = issue.path.findLast((p) => typeof p === 'string');
  if (field === 'tags') return issue.code === 'too_big' ? 'tag-too-long' : 'tag-empty';
  if (field === 'validityMonths') return 'months-out-of-range';
  if (field === 'proofRef') return 'proof-required';
  if (field === 'note') return 'note-too-long';
  return 'invalid';
}
