/** Organisation settings, stored as one row and validated with zod on every read. */
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '../../domain/settings/settings';
import type { LeadsDb } from '../leads-db';
import { appendAudit } from './audit-repo';

const KEY = 'org';

/** The settings, with defaults for anything missing or invalid. */
export async function getSettings(db: LeadsDb): Promise<Settings> {
  const row = await db.settings.get(KEY);
  const parsed = settingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...(row?.value as object | undefined) });
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

/** Validate and save a change; audited with the values before and after. */
export async function saveSettings(db: LeadsDb, patch: Partial<Settings>, now = Date.now()): Promise<Settings> {
  return db.transaction('rw', db.settings, db.audit, async () => {
    const before = await getSettings(db);
    const after = settingsSchema.parse({ ...before, ...patch });
    const changed = (Object.keys(patch) as (keyof Settings)[]).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
    if (changed.length === 0) return before;
    await db.settings.put({ key: KEY, value: after });
    await appendAudit(
      db,
      {
        action: 'settings',
        entity: 'settings',
        ids: changed,
        before: Object.fromEntries(changed.map((k) => [k, before[k]])),
        after: Object.fromEntries(changed.map((k) => [k, after[k]])),
      },
      now,
    );
    return after;
  });
}

/** A small key/value flag (demo seeded, last backup…), outside the audited settings. */
export async function getFlag<T>(db: LeadsDb, key: string): Promise<T | undefined> {
  return (await db.settings.get(`flag:${key}`))?.value as T | undefined;
}

export async function setFlag(db: LeadsDb, key: string, value: unknown): Promise<void> {
  await db.settings.put({ key: `flag:${key}`, value });
}
