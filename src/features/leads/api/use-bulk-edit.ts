import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { rethrowStorageError } from '../../../db/storage-errors';
import type { UndoableOp } from '../../../db/repos/undo-repo';
import type { BulkOp } from '../../../domain/leads/bulk-edit';
import type { BulkPreview } from '../../../domain/leads/bulk-preview';
import type { LeadFilter } from '../../../domain/leads/lead-filter';
import type { Selection } from '../model/use-selection';
import { bulkEditWorker } from './bulk-edit-worker';
import { gridWorker } from './grid-worker';

/** The ids a selection stands for ("all matching" is resolved by the worker). */
export async function resolveSelection(
  selection: Selection,
  filter: LeadFilter,
  sort: string | undefined,
): Promise<number[]> {
  if (selection.kind === 'ids') return [...selection.ids];
  return Array.from(await gridWorker().allIds(filter, sort));
}

// Preview, apply and undo run in the bulk-edit worker (workers/bulk-edit-api.ts); the page owns the clock.

/**
 * The Preview: the engine counts it off its columns when it holds the data as they are (a few
 * milliseconds at a million leads), and the bulk-edit worker then reads the selection for the
 * Apply while the steward reads the counts; else the worker reads and counts, as before.
 */
export async function previewBulkEdit(ids: number[], op: BulkOp, now = Date.now()): Promise<BulkPreview> {
  const counted = await fromColumns(ids, op, now);
  if (!counted) return bulkEditWorker().preview(ids, op, now);
  prepareSelection(ids, op);
  return counted;
}

/** The engine's count, or null when it cannot give one (behind the data, or no engine at all): the worker counts then. */
async function fromColumns(ids: number[], op: BulkOp, now: number): Promise<BulkPreview | null> {
  try {
    return await gridWorker().previewBulkEdit(Int32Array.from(ids), op, now);
  } catch {
    return null;
  }
}

/**
 * A bulk edit dialog opened over `ids`: the engine runs its Preview's code once, so the steward's
 * first Preview is not run cold (grid-warm-preview.ts). Best effort.
 */
export function warmPreview(ids: number[]): void {
  try {
    gridWorker()
      // The engine warms with at most 10,000 of them: the rest need not be copied across.
      .warmBulkPreview(Int32Array.from(ids.slice(0, 10_000)), Date.now())
      .catch(() => undefined);
  } catch {
    // No engine (a test without one): nothing to warm.
  }
}

/** Read the selection for the Apply to come (as the dialog opens, or once the engine previewed `op`); best effort: an Apply reads what it lacks. */
export function prepareSelection(ids: number[], op?: BulkOp): void {
  try {
    bulkEditWorker()
      .prepare(ids, op)
      .catch(() => undefined);
  } catch {
    // No worker (a test without one): the Apply reads the selection itself.
  }
}

export function usePreviewBulkEdit() {
  return useMutation({
    mutationFn: ({ ids, op }: { ids: number[]; op: BulkOp }) => previewBulkEdit(ids, op),
  });
}

const UNDOABLE_KEY = 'undoable';

export function useApplyBulkEdit() {
  const client = useQueryClient();
  // Only the transaction's promise says whether the edit was saved. A full disk crosses the
  // worker boundary as a plain Error named StorageFullError: rethrowStorageError makes it the class again.
  return useMutation({
    mutationFn: ({ ids, op, filter }: { ids: number[]; op: BulkOp; filter?: LeadFilter }) =>
      bulkEditWorker().apply(ids, op, Date.now(), filter).catch(rethrowStorageError),
    // Not awaited: the edit is saved, and the dialog closes without waiting for the Undo button's summary.
    onSuccess: () => void client.invalidateQueries({ queryKey: [UNDOABLE_KEY] }),
  });
}

export function useUndo() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (seq: number) => bulkEditWorker().undo(seq, Date.now()).catch(rethrowStorageError),
    // Awaited: the Undo button stays disabled until it no longer offers the operation just undone.
    onSuccess: () => client.invalidateQueries({ queryKey: [UNDOABLE_KEY] }),
  });
}

/**
 * The newest operation that can still be undone (null: none), asked of the bulk-edit worker
 * again after every change the engine applied (an edit in another tab too) and after this page's
 * own Apply or Undo. `enabled`: ask only once the grid has its answer, so the worker does not
 * start beside the engine's opening.
 */
export function useLastUndoable(version: number, enabled: boolean): UndoableOp | null | undefined {
  return useQuery({
    queryKey: [UNDOABLE_KEY, version],
    queryFn: async () => (await bulkEditWorker().undoable(1))[0] ?? null,
    enabled,
    placeholderData: keepPreviousData,
  }).data;
}
