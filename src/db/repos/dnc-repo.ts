/**
 * DNC lists in IndexedDB: lists, their immutable versions, and `dncEntries` (one row per list
 * and number, with the version that added it and the one that removed it). A version is
 * imported whole from a file; the internal list also takes single numbers that apply at once.
 * Each write is one transaction with its audit entry. Leads are not touched by an import:
 * they need a re-check (a scrub) against the new version, which is what the queue shows.
 * A file's reading and import are in dnc-import-repo.ts: the file parser (papaparse) stays out of
 * the grid worker and the screens that only read lists or add one number.
 */
import Dexie from 'dexie';
import type { DncList, DncListVersion } from '../../domain/compliance/dnc-list';
import { normalisePhone } from '../../domain/leads/phone';
import type { LeadsDb } from '../leads-db';
import { appendAudit } from './audit-repo';
import { INTERNAL_LIST_ID, ensureInternalList } from './internal-dnc';

export class DncWriteError extends Error {
  constructor(
    readonly code:
      | 'unknown-list'
      | 'unreadable-file'
      | 'no-numbers'
      | 'published-in-future'
      | 'older-than-current'
      | 'invalid-number',
    message: string = code,
  ) {
    super(message);
  }
}

export interface DncListRow extends DncList {
  versions: DncListVersion[];
  /** Numbers the list carries now (its rows not removed). */
  listed: number;
}

/** The rows of one list (the primary key starts with the list id). */
export function rowsOf(db: LeadsDb, listId: string) {
  return db.dncEntries.where('[listId+phoneE164]').between([listId, Dexie.minKey], [listId, Dexie.maxKey]);
}

/** Every list with its versions (newest first) and how many numbers it lists now. */
export async function listDncLists(db: LeadsDb): Promise<DncListRow[]> {
  return db.transaction('r', [db.dncLists, db.dncListVersions, db.dncEntries], async () => {
    const [lists, versions] = await Promise.all([db.dncLists.toArray(), db.dncListVersions.toArray()]);
    return Promise.all(
      lists.map(async (l) => ({
        ...l,
        versions: versions
          .filter((v) => v.listId === l.id)
          .sort((a, b) => b.publishedAt - a.publishedAt || b.id - a.id),
        // A file list lists what its newest version does; only the internal list is counted row by row (it is small).
        listed:
          l.kind === 'internal'
            ? await rowsOf(db, l.id)
                .filter((e) => e.removedVersionId === undefined)
                .count()
            : (versions.filter((v) => v.listId === l.id).sort((a, b) => b.publishedAt - a.publishedAt || b.id - a.id)[0]
                ?.rowCount ?? 0),
      })),
    );
  });
}

/**
 * Put one number on the internal list, effective at `at` ("do not call me", from the drawer or
 * a call outcome `dnc-requested`). Call inside a read-write transaction over leads, dncLists,
 * dncListVersions and dncEntries; returns the ids of the leads with that number.
 */
export async function addInternalDncInTransaction(
  db: LeadsDb,
  phoneE164: string,
  at: number,
): Promise<{ added: boolean; leadIds: number[] }> {
  const versionId = await ensureInternalList(db, at);
  const existing = await db.dncEntries.get([INTERNAL_LIST_ID, phoneE164]);
  const listedAlready =
    existing !== undefined &&
    existing.removedVersionId === undefined &&
    (existing.addedAt === undefined || existing.addedAt <= at);
  if (!listedAlready)
    await db.dncEntries.put({ listId: INTERNAL_LIST_ID, phoneE164, addedVersionId: versionId, addedAt: at });
  const leads = await db.leads.where('phoneE164').equals(phoneE164).toArray();
  // The scrub's record follows at once; the verdict reads the entry itself either way.
  await db.leads.bulkPut(
    leads.filter((l) => l.dncStatus !== 'listed').map((l) => ({ ...l, dncStatus: 'listed' as const, updatedAt: at })),
  );
  return { added: !listedAlready, leadIds: leads.map((l) => l.id) };
}

/** Add a number (as typed, or a lead's) to the internal list; audited on the leads it concerns. */
export async function addToInternalDnc(
  db: LeadsDb,
  input: { phone: string; defaultRegion: string; note?: string },
  now = Date.now(),
): Promise<{ phoneE164: string; added: boolean; leadIds: number[] }> {
  const n = normalisePhone(input.phone, input.defaultRegion);
  if (!n.ok) throw new DncWriteError('invalid-number', n.problem);
  return db.transaction(
    'rw',
    [db.leads, db.dncLists, db.dncListVersions, db.dncEntries, db.audit, db.settings],
    async () => {
      const result = await addInternalDncInTransaction(db, n.e164, now);
      if (result.added) {
        const entity = result.leadIds.length > 0 ? 'lead' : 'dnc-list';
        const ids = result.leadIds.length > 0 ? result.leadIds : [INTERNAL_LIST_ID];
        await appendAudit(
          db,
          {
            action: 'dnc-add',
            entity,
            ids,
            before: null,
            after: { list: INTERNAL_LIST_ID, phoneE164: n.e164 },
            ...(input.note ? { note: input.note } : {}),
          },
          now,
        );
      }
      return { phoneE164: n.e164, ...result };
    },
  );
}

/** The scrubs run so far, newest first. */
export function listDncScrubs(db: LeadsDb) {
  return db.dncScrubs.orderBy('at').reverse().toArray();
}
