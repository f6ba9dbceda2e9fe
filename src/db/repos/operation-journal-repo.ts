/**
 * The operation journal (table `operations`, schema v002). Before a long write operation starts,
 * `journaled` writes a `started` row in its OWN small transaction; the operation's main
 * transaction calls `markDone` so the row turns `done` in the same commit as the data. When the
 * operation throws, the row turns `failed` (the screen shows the error). When the tab dies, the
 * row stays `started`: for a one-transaction operation that means exactly "nothing was saved".
 *
 * While it runs, the operation holds a Web Lock named in its row. Locks die with their tab or
 * worker, so on the next start a `started` row whose lock nobody holds was interrupted — and a
 * row whose lock another tab holds is still running there, and is not reported.
 */
import Dexie from 'dexie';
import {
  interruptedAmong,
  type OperationKind,
  type OperationRow,
  type OperationSummary,
} from '../../domain/operations/operation';
import type { LeadsDb } from '../leads-db';
import { bytesToHex } from '@noble/hashes/utils.js';

/** Every journal lock's name starts with this (so a screen can ask which ones are held). */
export const OPERATION_LOCK_PREFIX = 'leadledger-operation:';

export interface JournalEntry {
  id: number;
}

interface LockManagerLike {
  request: <T>(name: string, callback: () => Promise<T>) => Promise<T>;
  query?: () => Promise<{ held?: { name?: string }[] }>;
}

const lockManager = () => (globalThis.navigator as { locks?: LockManagerLike } | undefined)?.locks;

/** Journal locks held right now by any tab or worker of this app (an operation still running); none where there are no Web Locks. */
export async function heldOperationLocks(): Promise<string[]> {
  const query = lockManager()?.query;
  if (!query) return [];
  const { held = [] } = await query.call(lockManager());
  return held.map((l) => l.name ?? '').filter((n) => n.startsWith(OPERATION_LOCK_PREFIX));
}

/** Run `work` holding the Web Lock `name` where the browser has Web Locks (tests on Node have none). */
function holdingLock<T>(name: string, work: () => Promise<T>): Promise<T> {
  const locks = lockManager();
  return locks ? locks.request(name, work) : work();
}

/** A random name for the lock (randomUUID needs a secure context; getRandomValues does not). */
function uniqueToken(): string {
  return bytesToHex(crypto.getRandomValues(new Uint8Array(16)));
}

/**
 * Journal `work`: a `started` row first (own transaction), then `work`, whose main transaction
 * must include `db.operations` and call `markDone(db, entry)`; a throw marks the row `failed`.
 * Call it outside any transaction.
 */
export async function journaled<T>(
  db: LeadsDb,
  kind: OperationKind,
  summary: OperationSummary,
  work: (entry: JournalEntry) => Promise<T>,
  now = Date.now(),
): Promise<T> {
  const lock = `${OPERATION_LOCK_PREFIX}${uniqueToken()}`;
  return holdingLock(lock, async () => {
    const id = (await db.transaction('rw', db.operations, () =>
      db.operations.add({ kind, state: 'started', startedAt: now, summary, lock } as OperationRow),
    )) as number;
    try {
      return await work({ id });
    } catch (e) {
      // Best effort: if even this small write fails (a full disk), the row stays `started`
      // and the next start reports it as interrupted — which is still true: nothing was saved.
      await markFailed(db, id, e).catch(() => {});
      throw e;
    }
  });
}

/** Mark the operation done; call it inside the transaction that commits the operation's data. */
export async function markDone(db: LeadsDb, entry: JournalEntry, now = Date.now()): Promise<void> {
  if (!Dexie.currentTransaction) throw new Error('markDone must run inside the operation’s own transaction');
  await db.operations.update(entry.id, { state: 'done', endedAt: now });
}

/** Record what has committed so far; inside each chunk's transaction (operations of several transactions). */
export async function recordProgress(
  db: LeadsDb,
  entry: JournalEntry,
  progress: { done: number; total: number },
): Promise<void> {
  await db.operations.update(entry.id, { progress });
}

async function markFailed(db: LeadsDb, id: number, error: unknown): Promise<void> {
  const message =
    error instanceof Error
      ? error.name === 'Error'
        ? error.message
        : `${error.name}: ${error.message}`
      : String(error);
  await db.transaction('rw', db.operations, () =>
    db.operations.update(id, { state: 'failed', endedAt: Date.now(), error: message.slice(0, 300) }),
  );
}

/** Operations left `started` by a tab that died: rows whose lock is not in `heldLocks` (oldest first). */
export async function interruptedOperations(db: LeadsDb, heldLocks: ReadonlySet<string>): Promise<OperationRow[]> {
  return interruptedAmong(await startedOperations(db), heldLocks);
}

/** Rows still marked `started` (live in some tab, or interrupted). */
export function startedOperations(db: LeadsDb): Promise<OperationRow[]> {
  return db.operations.where('state').equals('started').sortBy('id');
}

/** The user has read about an interrupted operation: stop reporting it. */
export async function acknowledgeOperation(db: LeadsDb, id: number, now = Date.now()): Promise<void> {
  await db.transaction('rw', db.operations, async () => {
    const row = await db.operations.get(id);
    if (row?.state === 'started') await db.operations.update(id, { state: 'acknowledged', endedAt: now });
  });
}

/** Journal rows from `id` on (to see whether an interrupted operation was later run again and succeeded). */
export function operationsFrom(db: LeadsDb, id: number): Promise<OperationRow[]> {
  return db.operations.where(':id').aboveOrEqual(id).toArray();
}

/** What an undo set out to undo, for the words on screen: the entry's action, when it was made, and the bulk operation's kind. */
export interface UndoSubject {
  action: string;
  at: number;
  opKind?: string;
}

/** The audit entries the given undos targeted, by sequence number (absent when not found). */
export async function undoSubjects(db: LeadsDb, seqs: readonly number[]): Promise<Map<number, UndoSubject>> {
  const entries = await db.audit.bulkGet([...seqs]);
  const out = new Map<number, UndoSubject>();
  for (const e of entries) {
    if (!e) continue;
    const op = (e.before as { op?: { kind?: unknown } } | null)?.op?.kind;
    out.set(e.seq, { action: e.action, at: e.at, ...(typeof op === 'string' ? { opKind: op } : {}) });
  }
  return out;
}
