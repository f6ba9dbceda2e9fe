import { useMutation, useQuery } from '@tanstack/react-query';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../../db/leads-db';
import { OPERATION_LOCK_PREFIX, acknowledgeOperation, startedOperations } from '../../../db/repos/operation-journal-repo';
import { interruptedAmong, type OperationRow } from '../../../domain/operations/operation';

/** Journal locks held right now by any tab or worker of this app (an operation still running). */
async function heldOperationLocks(): Promise<string[]> {
  const locks = (navigator as { locks?: LockManager }).locks;
  if (!locks) return [];
  const { held = [] } = await locks.query();
  return held.map((l) => l.name ?? '').filter((n) => n.startsWith(OPERATION_LOCK_PREFIX));
}

/**
 * Operations a dead tab left `started` (oldest first): rows marked started whose Web Lock no
 * live tab or worker holds. `undefined` while loading.
 */
export function useInterruptedOperations(): OperationRow[] | undefined {
  const started = useLiveQuery(() => startedOperations(getDb()), []);
  const ids = started?.map((op) => op.id) ?? [];
  const held = useQuery({ queryKey: ['operation-locks', ids], queryFn: heldOperationLocks, enabled: ids.length > 0, networkMode: 'always', staleTime: Infinity });
  if (!started) return undefined;
  if (started.length === 0) return [];
  if (!held.data) return undefined;
  return interruptedAmong(started, new Set(held.data));
}

/** Dismiss an interrupted operation (it is marked `acknowledged` and no longer reported). */
export function useAcknowledgeOperation() {
  return useMutation({ mutationFn: (id: number) => acknowledgeOperation(getDb(), id), networkMode: 'always' });
}
