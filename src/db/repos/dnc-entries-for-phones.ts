/**
 * The DNC entries of the numbers some lead has. A national list holds millions of numbers and
 * the leads are a fraction of them, so reading every entry (and cloning millions of objects
 * into a worker) is the wrong way round. Two ways remain, chosen by how many numbers are asked
 * against how many entries are stored:
 * - many numbers for the entries stored: the entries' primary key `[listId+phoneE164]` already
 *   carries the number, so the keys are read (no values, ~10 µs a key on the 2-core test
 *   machine), matched, and only the matching entries fetched;
 * - few numbers among millions of entries: one index read per number, all issued at once in
 *   one transaction (~0.2 ms a number there, so one look-up costs about 20–25 keys read).
 * Which applies is found by reading at most KEYS_PER_LOOKUP keys per number asked: if that is
 * every key, the first way is already half done. Counting the entries instead would walk all
 * of them (IndexedDB keeps no count: 2M entries take 3 s). Measured in the grid worker's cold
 * start against 2M listed numbers: 1,000 leads 18 s → 0.2 s; 100,000 leads still ~19 s (the
 * key scan; a persisted match of lead numbers to entries is the next step).
 */
import type { DncEntry } from '../../domain/compliance/dnc-list';
import type { LeadsDb } from '../leads-db';

/** One look-up per number costs about as much as reading this many keys. */
export const KEYS_PER_LOOKUP = 25;

/** Keys read per request while scanning: a page of keys, not millions of key arrays at once. */
const KEY_PAGE = 100_000;

/**
 * Per database, how many entries a scan found there at least: a later question whose budget is
 * below it looks each number up at once, rather than reading its whole budget of keys first
 * (2,000 numbers against 2M entries: 50,000 keys, about half a second, read for nothing). Only
 * ever a choice of way: both give the same entries.
 */
const entriesAtLeast = new WeakMap<LeadsDb, number>();

/** Entries for `phones`; call inside a transaction that includes `dncEntries` for a consistent read. */
export async function dncEntriesForPhones(db: LeadsDb, phones: ReadonlySet<string>): Promise<DncEntry[]> {
  if (phones.size === 0) return [];
  const budget = phones.size * KEYS_PER_LOOKUP;
  if ((entriesAtLeast.get(db) ?? 0) > budget) return lookUpEach(db, phones);
  // Scan the keys page by page, keeping only the matches; past the budget, look each number up instead.
  const mine: [string, string][] = [];
  let read = 0;
  let after: [string, string] | null = null;
  for (;;) {
    const limit = Math.min(KEY_PAGE, budget + 1 - read);
    const page = (await (after ? db.dncEntries.where(':id').above(after) : db.dncEntries.toCollection())
      .limit(limit)
      .primaryKeys()) as unknown as [string, string][];
    read += page.length;
    if (read > budget) {
      entriesAtLeast.set(db, read);
      return lookUpEach(db, phones);
    }
    for (const key of page) if (phones.has(key[1])) mine.push(key);
    if (page.length < limit) {
      entriesAtLeast.set(db, read);
      break;
    }
    after = page[page.length - 1]!;
  }
  if (mine.length === 0) return [];
  const entries = await db.dncEntries.bulkGet(mine);
  return entries.filter((e): e is DncEntry => e !== undefined);
}

/** One index read per number, all issued at once. */
async function lookUpEach(db: LeadsDb, phones: ReadonlySet<string>): Promise<DncEntry[]> {
  const perPhone = await Promise.all([...phones].map((p) => db.dncEntries.where('phoneE164').equals(p).toArray()));
  return perPhone.flat();
}
