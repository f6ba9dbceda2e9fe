/**
 * What every import commit shares (leads, API payloads, call logs): writes in chunks that check
 * for a cancel between them and report progress, and the header of the batch record.
 */
import type { RememberedMapping } from '../../domain/import-export/column-mapping';
import type { ImportBatch } from '../../domain/import-export/import-batch';
import type { OperationSummary } from '../../domain/operations/operation';
import type { Table } from 'dexie';
import type { LeadsDb } from '../leads-db';
import { appendAudit } from './audit-repo';
import { journaled, markDone } from './operation-journal-repo';
import { getSettings } from './settings-repo';

/**
 * Rows per bulk call: big enough to amortise the call, small enough to check cancel often and
 * for the progress bar to move several times a second (a 9k-lead commit moves in 2k steps).
 */
export const WRITE_CHUNK = 2_000;

export class ImportCancelledError extends Error {
  constructor() {
    super('import cancelled');
    this.name = 'ImportCancelledError';
  }
}

/** What a commit is doing, for the progress line: looking up stored records, or writing in a unit. */
export type CommitStep = 'matching' | 'leads' | 'calls' | 'lead-facts';

export interface CommitHooks {
  isCancelled: () => boolean;
  /** `done` of `total` in the step's unit; `step` defaults to `leads`. */
  onProgress: (done: number, total: number, step?: CommitStep) => void;
}

export const NO_HOOKS: CommitHooks = { isCancelled: () => false, onProgress: () => {} };

/**
 * Run `write` over `rows` in chunks, checking cancel between chunks. Two chunks are in flight at
 * a time, so the next one is built and queued while IndexedDB still writes the previous one.
 */
export async function inChunks<T, R>(
  rows: readonly T[],
  hooks: CommitHooks,
  progress: { done: number; total: number; step?: CommitStep },
  write: (chunk: T[]) => Promise<R[]>,
): Promise<R[]> {
  const results: R[][] = [];
  let previous: Promise<void> = Promise.resolve();
  for (let i = 0, c = 0; i < rows.length; i += WRITE_CHUNK, c++) {
    if (hooks.isCancelled()) throw new ImportCancelledError();
    const chunk = rows.slice(i, i + WRITE_CHUNK);
    const index = c;
    const current = write(chunk).then((r) => {
      results[index] = r;
      progress.done += chunk.length;
      // Records written beside the counted ones (acquisitions, consents) report nothing.
      if (progress.step) hooks.onProgress(progress.done, progress.total, progress.step);
    });
    // Observed by the next turn's await; this only keeps an aborted chunk from being "unhandled".
    current.catch(() => {});
    await previous;
    previous = current;
  }
  await previous;
  return results.flat();
}

/**
 * An import's commit: journaled as an `import` operation and written in ONE read-write
 * transaction over `tables` (with the operations table), its journal row marked done inside it.
 * `write` is given the operator's name (the batch's `by`).
 */
export function commitImport<T>(
  db: LeadsDb,
  summary: OperationSummary,
  tables: Table[],
  now: number,
  write: (operatorName: string) => Promise<T>,
): Promise<T> {
  return journaled(
    db,
    'import',
    summary,
    (journal) =>
      db.transaction('rw', tables, async () => {
        const { operatorName } = await getSettings(db);
        const result = await write(operatorName);
        await markDone(db, journal, now);
        return result;
      }),
    now,
  );
}

/**
 * How every kind of import commits its checked plan as one batch: resolves only once the
 * transaction (commitImport) has committed.
 */
export type ImportCommit<P extends PlannedFile> = (
  db: LeadsDb,
  plan: P,
  hooks?: CommitHooks,
  now?: number,
) => Promise<ImportBatch>;

/**
 * An import's last write, after a final cancel check: its audit entry, which carries the batch
 * record (with `extra`) but not its id (the entry's `ids`) or its column mapping.
 */
export async function auditImport(
  db: LeadsDb,
  hooks: CommitHooks,
  batch: ImportBatch,
  now: number,
  extra: Record<string, unknown> = {},
): Promise<void> {
  if (hooks.isCancelled()) throw new ImportCancelledError();
  const { id, mapping: _mapping, ...summary } = batch;
  await appendAudit(
    db,
    { action: 'import', entity: 'importBatch', ids: [id], before: null, after: { ...summary, ...extra } },
    now,
  );
}

/** What a commit's plan says about the file itself. */
export interface PlannedFile {
  fileName: string;
  sha256: string;
  encoding: string;
  delimiter?: string;
  mapping?: RememberedMapping;
  timeDeclaration?: { format: string | null; timeZone: string | null };
  rowsRead: number;
  rejected: number;
}

/** The batch record's fields every kind of import fills the same way: the file, who, when, rows read, kept and rejected. */
export function batchDraft(
  plan: PlannedFile,
  kind: ImportBatch['kind'],
  operatorName: string,
  now: number,
): Omit<ImportBatch, 'id' | 'merged'> {
  return {
    kind,
    fileName: plan.fileName,
    sha256: plan.sha256,
    encoding: plan.encoding,
    at: now,
    by: operatorName,
    rowsRead: plan.rowsRead,
    accepted: plan.rowsRead - plan.rejected,
    rejected: plan.rejected,
    status: 'committed',
    ...(plan.mapping ? { mapping: plan.mapping as Record<string, string> } : {}),
    ...(plan.delimiter ? { delimiter: plan.delimiter } : {}),
    ...(plan.timeDeclaration ? { timeDeclaration: plan.timeDeclaration } : {}),
  };
}
