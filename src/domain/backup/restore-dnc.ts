/**
 * The do-not-call side of a restore: a restore brings back the backup's data but never removes
 * a suppression that exists now. The result is the backup's lists, versions and entries, plus
 * every current version the backup lacks (renumbered when its id is taken by another version),
 * plus every current entry the backup lacks or holds as removed, plus a "do not call me" said on
 * a call the backup does not hold, as an internal-list entry from the moment it was said.
 */
import { HASHED_PHONE_PREFIX } from '../compliance/anonymise';
import type { DncEntry, DncList, DncListVersion } from '../compliance/dnc-list';

export const INTERNAL_DNC_LIST_ID = 'internal';

export interface DncState {
  lists: DncList[];
  versions: DncListVersion[];
  entries: DncEntry[];
}

/** A call with outcome `dnc-requested` that only the current database holds, with its lead's number. */
export interface DncRequest {
  phoneE164: string;
  at: number;
}

/** What a restore keeps from now (counts), for the confirmation and the audit entry. */
export interface KeptSuppressions {
  /** Entries listing a number now that the backup lacks (or holds as removed); `hashed` of them are forgotten people. */
  entries: number;
  hashed: number;
  /** "Do not call me" requests on calls the backup lacks, kept as internal-list entries. */
  requests: number;
  versions: number;
  lists: number;
}

export interface MergedDnc extends DncState {
  kept: KeptSuppressions;
  /** Plain numbers the merge put (back) on the internal list: their leads are marked listed. */
  listedPhones: string[];
}

const keyOf = (e: Pick<DncEntry, 'listId' | 'phoneE164'>) => `${e.listId}\u0000${e.phoneE164}`;
const identityOf = (v: DncListVersion) => JSON.stringify([v.listId, v.publishedAt, v.importedAt, v.sha256, v.fileName]);

/** The backup's DNC data united with every suppression of `current` (see the header). */
export function mergeDnc(backup: DncState, current: DncState, requests: readonly DncRequest[], now: number): MergedDnc {
  const kept: KeptSuppressions = { entries: 0, hashed: 0, requests: 0, versions: 0, lists: 0 };
  const listedPhones: string[] = [];
  const versions = [...backup.versions];
  const usedIds = new Set(versions.map((v) => v.id));
  const byIdentity = new Map(versions.map((v) => [identityOf(v), v.id]));
  let nextId = Math.max(0, ...versions.map((v) => v.id), ...current.versions.map((v) => v.id)) + 1;
  const versionMap = new Map<number, number>();
  for (const v of current.versions) {
    const same = byIdentity.get(identityOf(v));
    if (same !== undefined) {
      versionMap.set(v.id, same);
      continue;
    }
    const id = usedIds.has(v.id) ? nextId++ : v.id;
    usedIds.add(id);
    versionMap.set(v.id, id);
    versions.push({ ...v, id });
    kept.versions++;
  }

  const lists = backup.lists.map((l) => ({ ...l }));
  const listById = new Map(lists.map((l) => [l.id, l]));
  for (const l of current.lists) {
    const there = listById.get(l.id);
    if (!there) {
      lists.push(l);
      listById.set(l.id, l);
      kept.lists++;
    } else if (l.active && !there.active) there.active = true; // never switch a list off that blocks now
  }

  const entries = new Map(backup.entries.map((e) => [keyOf(e), e]));
  const keep = (e: DncEntry) => {
    kept.entries++;
    if (e.phoneE164.startsWith(HASHED_PHONE_PREFIX)) kept.hashed++;
    else if (e.listId === INTERNAL_DNC_LIST_ID) listedPhones.push(e.phoneE164);
  };
  for (const e of current.entries) {
    const key = keyOf(e);
    const there = entries.get(key);
    const active = e.removedVersionId === undefined;
    const remapped: DncEntry = { ...e, addedVersionId: versionMap.get(e.addedVersionId) ?? e.addedVersionId };
    if (e.removedVersionId !== undefined)
      remapped.removedVersionId = versionMap.get(e.removedVersionId) ?? e.removedVersionId;
    if (!there || (active && there.removedVersionId !== undefined)) {
      entries.set(key, remapped);
      if (active) keep(e);
    } else if (active && e.addedAt !== undefined && there.addedAt !== undefined && e.addedAt < there.addedAt) {
      entries.set(key, { ...there, addedAt: e.addedAt });
    }
  }

  for (const r of requests) {
    const key = keyOf({ listId: INTERNAL_DNC_LIST_ID, phoneE164: r.phoneE164 });
    const there = entries.get(key);
    if (there && there.removedVersionId === undefined && (there.addedAt === undefined || there.addedAt <= r.at))
      continue;
    if (!listById.has(INTERNAL_DNC_LIST_ID)) {
      const list: DncList = { id: INTERNAL_DNC_LIST_ID, name: 'Internal do-not-call', kind: 'internal', active: true };
      lists.push(list);
      listById.set(list.id, list);
    }
    let base = versions.filter((v) => v.listId === INTERNAL_DNC_LIST_ID).sort((a, b) => a.id - b.id)[0];
    if (!base) {
      base = {
        id: nextId++,
        listId: INTERNAL_DNC_LIST_ID,
        publishedAt: now,
        importedAt: now,
        fileName: 'single additions',
        sha256: '',
        rowCount: 0,
      };
      versions.push(base);
    }
    const addedVersionId = there && there.removedVersionId === undefined ? there.addedVersionId : base.id;
    entries.set(key, { listId: INTERNAL_DNC_LIST_ID, phoneE164: r.phoneE164, addedVersionId, addedAt: r.at });
    kept.requests++;
    if (!r.phoneE164.startsWith(HASHED_PHONE_PREFIX)) listedPhones.push(r.phoneE164);
  }
  return { lists, versions, entries: [...entries.values()], kept, listedPhones };
}
