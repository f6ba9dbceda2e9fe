/** Reading the organisation settings row, and small unaudited key/value flags in the same table. */
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '../../domain/settings/settings';
import type { LeadsDb } from '../leads-db';

/** The settings table's key of the organisation settings row. */
export const SETTINGS_KEY = 'org';

/** The settings, with defaults for anything missing or invalid. */
export async function getSettings(db: LeadsDb): Promise<Settings> {
  const row = await db.settings.get(SETTINGS_KEY);
  const parsed = settingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...(row?.value as object | undefined) });
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

/** A small key/value flag (demo seeded, last backup…), outside the audited settings. */
export async function getFlag<T>(db: LeadsDb, key: string): Promise<T | undefined> {
  return (await db.settings.get(`flag:${key}`))?.value as T | undefined;
}

export async function setFlag(db: LeadsDb, key: string, value: unknown): Promise<void> {
  await db.settings.put({ key: `flag:${key}`, value });
}
