/**
 * The operation journal's record: one row per long write operation (an import commit, a bulk
 * edit or its undo, a retention purge, a DNC scrub, a backup restore). The row is written as
 * `started` in its own small transaction before the operation begins, and set to `done` in the
 * same transaction that commits the operation's data, so the two commit together. A row still
 * `started` when no tab is running it means the tab died mid-way (see `interruption`).
 * Summaries hold file names, counts and filters — never a person's data.
 */
export const OPERATION_KINDS = ['import', 'bulk-edit', 'undo', 'purge', 'dnc-scrub', 'restore'] as const;
export type OperationKind = (typeof OPERATION_KINDS)[number];

/** `acknowledged`: an interrupted operation the user has seen and dismissed. */
export type OperationState = 'started' | 'done' | 'failed' | 'acknowledged';

export interface OperationSummary {
  /** Import: the file's name and what it held (`leads`, `calls`, `api`). */
  fileName?: string;
  importKind?: 'leads' | 'calls' | 'api';
  /** How many leads (rows, calls) the operation writes. */
  count?: number;
  /** Bulk edit: the operation kind (`add-tags`, …) and, for "all matching", the grid filter (free text removed). */
  opKind?: string;
  filter?: Record<string, unknown>;
  /** Undo: the audit entry it undoes. */
  auditSeq?: number;
  /** Purge: anonymise or delete. */
  mode?: 'anonymize' | 'delete';
}

export interface OperationRow {
  id: number;
  kind: OperationKind;
  state: OperationState;
  startedAt: number;
  endedAt?: number;
  summary: OperationSummary;
  /** The Web Lock held while the operation runs: a started row whose lock nobody holds was interrupted. */
  lock?: string;
  /** Operations written in several transactions (the DNC scrub before the overlay): what had committed so far. */
  progress?: { done: number; total: number };
  error?: string;
}

/** What an interrupted operation left behind, for the message the user reads. */
export type Interruption =
  /** One-transaction operations: the transaction never committed, so nothing of it was saved. */
  | { saved: 'nothing' }
  /** A DNC scrub of a version before the overlay (it wrote chunks of leads): each finished chunk's leads were saved, and no scrub was recorded. Scrubs now write one row at the end: `nothing`. */
  | { saved: 'partial'; done: number; total: number };

/** What an operation still marked `started` (and run by no tab) left in the database. */
export function interruption(op: OperationRow): Interruption {
  if (op.kind === 'dnc-scrub' && op.progress && op.progress.done > 0)
    return { saved: 'partial', done: op.progress.done, total: op.progress.total };
  return { saved: 'nothing' };
}

/** A grid filter fit for the journal: the free-text search may hold a name or a number, so it is left out. */
export function journalFilter(filter: Record<string, unknown>): Record<string, unknown> {
  const { q: _q, ...rest } = filter;
  return Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
}

/** The `started` operations no live tab is running: their lock is not among `heldLocks`. */
export function interruptedAmong(started: readonly OperationRow[], heldLocks: ReadonlySet<string>): OperationRow[] {
  return started.filter((op) => op.state === 'started' && (!op.lock || !heldLocks.has(op.lock)));
}
