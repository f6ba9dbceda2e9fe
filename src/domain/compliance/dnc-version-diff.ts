/**
 * A new version of a list is a complete copy of it: numbers it lists that no earlier version
 * did are added by it, numbers listed before but missing from it are removed by it. Rows of
 * `dncEntries` are one per list and number, so a number removed and later listed again keeps
 * its first addition and loses the removal: a past moment between the two then reads as
 * listed, the cautious answer for a compliance proof. Single additions to the internal list
 * (with `addedAt`) are not part of any file and are never removed by one.
 */
import type { DncEntry } from './dnc-list';

export interface VersionDiff {
  /** Rows to write (new, re-listed or removed). */
  puts: DncEntry[];
  added: number;
  removed: number;
  unchanged: number;
}

/** What publishing `numbers` as version `versionId` of `listId` changes, given that list's current rows. */
export function diffVersion(
  listId: string,
  existing: readonly DncEntry[],
  numbers: readonly string[],
  versionId: number,
): VersionDiff {
  const incoming = new Set(numbers);
  const puts: DncEntry[] = [];
  let removed = 0;
  let unchanged = 0;
  const known = new Set<string>();
  for (const e of existing) {
    if (e.listId !== listId) continue;
    known.add(e.phoneE164);
    if (incoming.has(e.phoneE164)) {
      if (e.removedVersionId === undefined) unchanged++;
      else {
        const { removedVersionId: _gone, ...relisted } = e;
        puts.push(relisted);
      }
    } else if (e.removedVersionId === undefined && e.addedAt === undefined) {
      puts.push({ ...e, removedVersionId: versionId });
      removed++;
    }
  }
  let added = 0;
  for (const phoneE164 of incoming) {
    if (known.has(phoneE164)) continue;
    puts.push({ listId, phoneE164, addedVersionId: versionId });
    added++;
  }
  // Re-listed numbers count as added: the new version lists them and the one before did not.
  added += puts.length - added - removed;
  return { puts, added, removed, unchanged };
}
