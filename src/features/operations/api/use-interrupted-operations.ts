import { useMutation, useQuery } from '@tanstack/react-query';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../../db/leads-db';
import {
  acknowledgeOperation,
  heldOperationLocks,
  operationsFrom,
  startedOperations,
  undoSubjects,
  type UndoSubject,
} from '../../../db/repos/operation-journal-repo';
import { interruptedAmong, type OperationRow } from '../../../domain/operations/operation';
import { notMadeGood } from '../../../domain/operations/superseded';

/** Rows still `started`, minus those a later successful run of the same operation made good. */
async function startedNotMadeGood(): Promise<OperationRow[]> {
  const db = getDb();
  const started = await startedOperations(db);
  if (started.length === 0) return started;
  return notMadeGood(started, await operationsFrom(db, started[0]!.id));
}

/**
 * Operations a dead tab left `started` (oldest first): rows marked started whose Web Lock no
 * live tab or worker holds, and that were not run again with success since. `undefined` while loading.
 */
export function useInterruptedOperations(): OperationRow[] | undefined {
  const started = useLiveQuery(startedNotMadeGood, []);
  const ids = started?.map((op) => op.id) ?? [];
  const held = useQuery({
    queryKey: ['operation-locks', ids],
    queryFn: heldOperationLocks,
    enabled: ids.length > 0,
    networkMode: 'always',
    staleTime: Infinity,
  });
  if (!started) return undefined;
  if (started.length === 0) return [];
  if (!held.data) return undefined;
  return interruptedAmong(started, new Set(held.data));
}

/** What the interrupted undos set out to undo (the audit entry's action and time), by sequence number. */
export function useUndoSubjects(ops: readonly OperationRow[] | undefined): Map<number, UndoSubject> | undefined {
  const seqs = (ops ?? []).flatMap((op) =>
    op.kind === 'undo' && op.summary.auditSeq !== undefined ? [op.summary.auditSeq] : [],
  );
  return useLiveQuery(
    () => (seqs.length ? undoSubjects(getDb(), seqs) : new Map<number, UndoSubject>()),
    [seqs.join(',')],
  );
}

/** Dismiss an interrupted operation (it is marked `acknowledged` and no longer reported). */
export function useAcknowledgeOperation() {
  return useMutation({ mutationFn: (id: number) => acknowledgeOperation(getDb(), id), networkMode: 'always' });
}
