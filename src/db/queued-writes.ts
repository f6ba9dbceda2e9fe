/**
 * Writes issued inside a transaction and not awaited one by one: IndexedDB runs a transaction's
 * requests in the order they were made, so a later read sees them, and the database works on
 * them while the page builds the next request (a pulled page's leads are written while its calls
 * are cloned). Each is awaited before the transaction's callback ends, in turn (Dexie keeps its
 * transaction across awaits of its own promises), so a failure still rejects the callback and
 * rolls the transaction back. A write that fails while an earlier await is pending is caught here
 * at once (no unhandled rejection) and thrown again when `settle` reaches it. (Its outcome is kept,
 * not a `.catch` of it: that would be one more Dexie promise still pending when `settle` ends.)
 *
 * While a write is queued, await only Dexie promises (a request's, or `.then` of one): awaiting a
 * plain async function that ends without awaiting Dexie leaves Dexie's transaction zone, and the
 * next request then goes to a transaction of its own (PrematureCommitError; sync-pull-bulk.test.ts).
 */
import Dexie from 'dexie';

export class QueuedWrites {
  /** Each write's outcome: the error it failed with, or null. These never reject. */
  private readonly outcomes: Promise<unknown>[] = [];

  add(write: Promise<unknown>): void {
    this.outcomes.push(
      write.then(
        () => null,
        (error: unknown) => error ?? new Error('a queued write failed'),
      ),
    );
  }

  /** Every write queued, waited for (a Dexie promise: an async function here would be one more plain await). */
  settle(): Promise<void> {
    return Dexie.Promise.all(this.outcomes.splice(0)).then((errors) => {
      const error = errors.find((e) => e !== null);
      if (error !== undefined) throw error;
    });
  }
}
