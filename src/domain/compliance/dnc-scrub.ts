/**
 * A DNC scrub checks every lead against the versions in force. It must handle a million
 * leads against millions of listed numbers in seconds, so it does not ask `dncListedAt` per
 * lead: it turns the entries into one set of the numbers listed at `at` (with the verdict's
 * own `hitListedSince`, so both always agree) and then looks each lead up once.
 */
import type { DncEntry } from './dnc-list';
import { hitListedSince, knownVersionMap, versionInForce } from './dnc';
import type { DncListState } from './verdict-types';

export interface ScrubBasis {
  /** The version in force of every active list: what each checked lead records. */
  versionIds: number[];
  /** Numbers on any active list at `at`. */
  listed: Set<string>;
  /** Per active list: the version in force and how many numbers it lists. */
  lists: { listId: string; versionId: number | null; listed: number }[];
}

/** Collects entries a chunk at a time (millions do not fit one read), then gives the basis. */
export function scrubBasisBuilder(
  lists: readonly DncListState[],
  at: number,
): { add(entries: Iterable<DncEntry>): void; basis(): ScrubBasis } {
  const active = lists.filter((l) => l.active);
  const byId = new Map(active.map((l) => [l.listId, { known: knownVersionMap(l, at), listed: 0 }]));
  const listed = new Set<string>();
  return {
    add(entries) {
      for (const e of entries) {
        const list = byId.get(e.listId);
        if (!list || hitListedSince(e, list.known, at) === undefined) continue;
        list.listed++;
        listed.add(e.phoneE164);
      }
    },
    basis() {
      const inForce = active.map((l) => versionInForce(l, at)?.id ?? null);
      return {
        versionIds: inForce.filter((id): id is number => id !== null).sort((a, b) => a - b),
        listed,
        lists: active.map((l, i) => ({ listId: l.listId, versionId: inForce[i]!, listed: byId.get(l.listId)!.listed })),
      };
    },
  };
}

/** The numbers listed at `at` by the active lists, from their entries (any order, any lists). */
export function scrubBasis(lists: readonly DncListState[], entries: Iterable<DncEntry>, at: number): ScrubBasis {
  const builder = scrubBasisBuilder(lists, at);
  builder.add(entries);
  return builder.basis();
}
