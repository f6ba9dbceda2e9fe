import { useMutation } from '@tanstack/react-query';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../../db/leads-db';
import { applyBulkEdit, previewBulkEdit } from '../../../db/repos/bulk-edit-repo';
import { listUndoable, undoOperation } from '../../../db/repos/undo-repo';
import { rethrowStorageError } from '../../../db/storage-errors';
import type { BulkOp } from '../../../domain/leads/bulk-edit';
import type { LeadFilter } from '../../../domain/leads/lead-filter';
import type { Selection } from '../components/use-selection';
import { gridWorker } from './grid-worker';

/** The ids a selection stands for ("all matching" is resolved by the worker). */
export async function resolveSelection(selection: Selection, filter: LeadFilter, sort: string | undefined): Promise<number[]> {
  if (selection.kind === 'ids') return [...selection.ids];
  return Array.from(await gridWorker().allIds(filter, sort));
}

export function usePreviewBulkEdit() {
  return useMutation({ mutationFn: ({ ids, op }: { ids: number[]; op: BulkOp }) => previewBulkEdit(getDb(), ids, op) });
}

export function useApplyBulkEdit() {
  // Only the transaction's promise says whether the edit was saved; a full disk rejects it as StorageFullError.
  return useMutation({ mutationFn: ({ ids, op, filter }: { ids: number[]; op: BulkOp; filter?: LeadFilter }) => applyBulkEdit(getDb(), ids, op, undefined, filter).catch(rethrowStorageError) });
}

export function useUndo() {
  return useMutation({ mutationFn: (seq: number) => undoOperation(getDb(), seq).catch(rethrowStorageError) });
}

/** The last operations that can still be undone. */
export function useUndoable() {
  return useLiveQuery(() => listUndoable(getDb(), 5), []);
}
