/** Saved views of the leads grid: a name and the URL search it stands for. */
import type { LeadsDb, SavedView } from '../leads-db';

export function listSavedViews(db: LeadsDb): Promise<SavedView[]> {
  return db.savedViews.orderBy('name').toArray();
}

/** Save (or overwrite by name) a view. */
export async function saveView(
  db: LeadsDb,
  name: string,
  search: Record<string, unknown>,
  now = Date.now(),
): Promise<number> {
  const trimmed = name.trim();
  if (!trimmed) throw new Error('A view needs a name.');
  return db.transaction('rw', db.savedViews, async () => {
    const existing = await db.savedViews.where('name').equals(trimmed).first();
    if (existing) {
      await db.savedViews.update(existing.id, { search });
      return existing.id;
    }
    return db.savedViews.add({ name: trimmed, search, createdAt: now });
  });
}

export function deleteView(db: LeadsDb, id: number): Promise<void> {
  return db.savedViews.delete(id);
}
