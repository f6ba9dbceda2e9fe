/**
 * What the bulk-edit worker answers: the preview, the apply and the undo of bulk edits (and of
 * the grid's inline edits, which are bulk edits of one lead). Reading and writing 10,000 leads,
 * and sealing an audit entry that holds each one's before and after, take seconds; here they
 * leave the page free (DESIGN.md §6 P6). The repositories keep every guarantee (one
 * transaction, the journal, the audit entry); this layer only makes a full disk cross the
 * worker boundary as a StorageFullError by name, which the page turns back into the class.
 * Plain functions over a database, so tests run the same code in-process.
 *
 * The last preview's read is kept (up to REUSE_LIMIT leads): the Apply that follows it skips
 * reading every lead again when the data version has not moved since (applyBulkEdit checks it
 * inside its own transaction), which is most of the cost above the writes themselves. The page
 * asks `prepare` to read the selection as the dialog opens (while the steward chooses), and again
 * when the engine answered the Preview off its columns (kept when it is the same selection); an
 * Apply that comes before the read is done waits for it rather than reading again.
 */
import {
  applyBulkEdit,
  previewOf,
  readSelection,
  type BulkPreview,
  type BulkResult,
  type SelectionRead,
} from '../db/repos/bulk-edit-repo';
import { listUndoable, undoOperation, type UndoableOp } from '../db/repos/undo-repo';
import type { LeadsDb } from '../db/leads-db';
import { rethrowStorageError } from '../db/storage-errors';
import type { BulkOp } from '../domain/leads/bulk-edit';
import { measureSince } from './grid-timing';

export interface BulkEditApi {
  /** How many of `ids` the operation would change at `now` (read only). */
  preview(ids: readonly number[], op: BulkOp, now: number): Promise<BulkPreview>;
  /** Read the selection for the Apply to come (`op` when known); a read of the same selection under way or done is kept. Resolves once read. */
  prepare(ids: readonly number[], op?: BulkOp): Promise<void>;
  /** Apply `op` to `ids`, all or nothing; `filter` is the grid filter of an "all matching" selection (journaled). */
  apply(ids: readonly number[], op: BulkOp, now: number, filter?: Record<string, unknown>): Promise<BulkResult>;
  /** Undo the operation recorded in audit entry `seq`. */
  undo(seq: number, now: number): Promise<{ restored: number }>;
  /** The newest operations that can still be undone (read here: their audit entries can be megabytes each). */
  undoable(limit: number): Promise<UndoableOp[]>;
}

/** Selections above this many leads are not kept between Preview and Apply (memory), just read again. */
export const REUSE_LIMIT = 100_000;

export function createBulkEditApi(db: LeadsDb): BulkEditApi {
  /** The last read of a selection (a failed read is no read: the Apply reads again), and what it was asked for. */
  let lastRead: Promise<SelectionRead | null> = Promise.resolve(null);
  let lastAsk: { ids: readonly number[]; internal: boolean } | null = null;
  /** Each read asked for takes a ticket: a read that finishes after a later one was asked is not kept. */
  let tickets = 0;
  const kept = (read: SelectionRead) => (read.leads.length <= REUSE_LIMIT ? read : null);
  const forget = () => {
    lastRead = Promise.resolve(null);
    lastAsk = null;
  };
  return {
    async preview(ids, op, now) {
      forget();
      const ticket = ++tickets;
      const read = await readSelection(db, ids, op);
      if (ticket === tickets) lastRead = Promise.resolve(kept(read));
      return previewOf(read, op, now);
    },
    async prepare(ids, op) {
      const internal = op?.kind === 'add-to-internal-dnc';
      const same =
        lastAsk !== null &&
        (lastAsk.internal || !internal) &&
        lastAsk.ids.length === ids.length &&
        lastAsk.ids.every((id, i) => id === ids[i]);
      if (!same) {
        tickets++;
        lastAsk = { ids: [...ids], internal };
        const t0 = performance.now();
        lastRead =
          ids.length <= REUSE_LIMIT
            ? readSelection(db, ids, op ?? null)
                .finally(() => measureSince('bulk:prepare:read', t0))
                .then(kept, () => null)
            : Promise.resolve(null);
      }
      await lastRead;
    },
    async apply(ids, op, now, filter) {
      const t0 = performance.now();
      const known = (await lastRead) ?? undefined;
      measureSince('bulk:apply:wait-read', t0);
      forget();
      // Only the transaction's promise says whether the edit was saved; a full disk rejects it.
      return applyBulkEdit(db, ids, op, now, filter, known, measureSince)
        .catch(rethrowStorageError)
        .finally(() => measureSince('bulk:apply:total', t0));
    },
    undo: (seq, now) => undoOperation(db, seq, now).catch(rethrowStorageError),
    undoable: (limit) => listUndoable(db, limit),
  };
}
