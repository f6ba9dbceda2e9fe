/**
 * An interrupted operation stops being news once the same operation later succeeded: the
 * import of the same file (of the same kind), the same bulk edit on the same filter, the undo
 * of the same audit entry, a purge in the same mode, any DNC scrub, any restore. Pure.
 */
import type { OperationRow } from './operation';

/** A filter as text that does not depend on the order of its keys. */
function filterKey(filter: Record<string, unknown> | undefined): string {
  return JSON.stringify(Object.entries(filter ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Whether `later` does what `op` set out to do (same kind and the same subject). */
export function sameOperation(op: OperationRow, later: OperationRow): boolean {
  if (op.kind !== later.kind) return false;
  const a = op.summary;
  const b = later.summary;
  switch (op.kind) {
    case 'import':
      return a.fileName === b.fileName && (a.importKind ?? 'leads') === (b.importKind ?? 'leads');
    case 'bulk-edit':
      return a.opKind === b.opKind && filterKey(a.filter) === filterKey(b.filter);
    case 'undo':
      return a.auditSeq === b.auditSeq;
    case 'purge':
      return a.mode === b.mode;
    case 'dnc-scrub':
    case 'restore':
      return true;
  }
}

/** The interrupted operations that no later, successful run of the same operation has made good. */
export function notMadeGood(interrupted: readonly OperationRow[], operations: readonly OperationRow[]): OperationRow[] {
  return interrupted.filter(
    (op) => !operations.some((later) => later.state === 'done' && later.id > op.id && sameOperation(op, later)),
  );
}
