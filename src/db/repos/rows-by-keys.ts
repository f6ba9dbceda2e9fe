/**
 * The rows of a table whose index holds any of some keys, read one request a key instead of with
 * Dexie's `anyOf`, whose cursor jumps from key to key with `IDBCursor.continue(key)`. In this
 * machine's Chromium such a jump over an index written moments before walks the entries in
 * between: a first sync's look-ups of random sync ids in the `syncIds` rows it had just written
 * grew with the rows held (1,000 lead ids among 300,000 calls just written: 14 s with `anyOf`,
 * 125 ms a request each). Over an index written long ago `anyOf` is the cheaper read (an import's
 * look-up of 10,000 numbers among 100,000 leads: its commit 2.1–3.0 s, 3.9–4.3 s a request
 * each), so this is for reads of what the same round just wrote: the team pull's sync ids
 * (`docs/decisions/064-keys-read-one-request-each.md`). Each key is one request, all asked at once
 * inside the caller's transaction (or in one read transaction of their own).
 */
import Dexie, { cmp, type IndexableType, type Table } from 'dexie';

/** Requests asked at once; more wait for the wave before them (each is a pending request in the browser). */
const WAVE = 20_000;

/** Keys in index order, each once (compound keys compared as IndexedDB compares them). */
function sortedKeys(keys: Iterable<IndexableType>): IndexableType[] {
  const sorted = [...keys].sort(cmp);
  return sorted.filter((k, i) => i === 0 || cmp(sorted[i - 1], k) !== 0);
}

/**
 * The rows of `table` whose `index` (a property or a compound index such as `[table+syncId]`)
 * holds one of `keys`, in index order: what `table.where(index).anyOf(keys).toArray()` answers.
 * A Dexie promise, made at once: it can be asked for beside others inside a transaction.
 */
export function rowsByKeys<R, K, I>(table: Table<R, K, I>, index: string, keys: Iterable<IndexableType>): Promise<R[]> {
  // Outside a transaction Dexie would open one per request: all of them go in one read.
  if (!Dexie.currentTransaction) return table.db.transaction('r', table, () => rowsByKeys(table, index, keys));
  const sorted = sortedKeys(keys);
  const out: R[] = [];
  const readWave = (from: number): Promise<R[]> =>
    from >= sorted.length
      ? Dexie.Promise.resolve(out)
      : Dexie.Promise.all(sorted.slice(from, from + WAVE).map((k) => table.where(index).equals(k).toArray())).then(
          (parts) => {
            for (const rows of parts) for (const row of rows) out.push(row);
            return readWave(from + WAVE);
          },
        );
  return readWave(0);
}
