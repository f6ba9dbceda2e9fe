/** The internal do-not-call list: created on first use, with one base version for single additions. */
import type { LeadsDb } from '../leads-db';

export const INTERNAL_LIST_ID = 'internal';

/** The internal list's version id for single additions (creating list and version when missing). Call inside a transaction on dncLists and dncListVersions. */
export async function ensureInternalList(db: LeadsDb, now: number): Promise<number> {
  if (!(await db.dncLists.get(INTERNAL_LIST_ID))) {
    await db.dncLists.add({ id: INTERNAL_LIST_ID, name: 'Internal do-not-call', kind: 'internal', active: true });
  }
  const version = await db.dncListVersions.where('listId').equals(INTERNAL_LIST_ID).first();
  if (version) return version.id;
  return db.dncListVersions.add({
    listId: INTERNAL_LIST_ID,
    publishedAt: now,
    importedAt: now,
    fileName: 'single additions',
    sha256: '',
    rowCount: 0,
  });
}
