/**
 * The DNC entries of the numbers some lead has. A national list holds millions of numbers and
 * only a few thousand of them are ever leads, so reading every entry (and cloning millions of
 * objects into a worker) is the wrong way round: the entries' primary key `[listId+phoneE164]`
 * already carries the number, so only the keys are read (one getAllKeys, no values), matched
 * against the leads' numbers, and just the matching entries are fetched.
 */
import type { DncEntry } from '../../domain/compliance/dnc-list';
import type { LeadsDb } from '../leads-db';

/** Entries for `phones`; call inside a transaction that includes `dncEntries` for a consistent read. */
export async function dncEntriesForPhones(db: LeadsDb, phones: ReadonlySet<string>): Promise<DncEntry[]> {
  if (phones.size === 0) return [];
  const keys = (await db.dncEntries.toCollection().primaryKeys()) as unknown as [string, string][];
  const mine: [string, string][] = [];
  for (const key of keys) if (phones.has(key[1])) mine.push(key);
  if (mine.length === 0) return [];
  const entries = await db.dncEntries.bulkGet(mine);
  return entries.filter((e): e is DncEntry => e !== undefined);
}
