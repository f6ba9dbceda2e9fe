/**
 * Organisation settings, stored as one row and validated with zod on every read; a change is
 * audited. The reads and the unaudited flags are in settings-read-repo.ts, which the audit trail
 * itself reads (the operator's name, its kept head): so the audit repository and this one do not
 * import each other.
 */
import { settingsSchema, type Settings } from '../../domain/settings/settings';
import type { LeadsDb } from '../leads-db';
import { appendAudit } from './audit-repo';
import { SETTINGS_KEY, getSettings } from './settings-read-repo';

export { getFlag, getSettings, setFlag } from './settings-read-repo';

/** Validate and save a change; audited with the values before and after. */
export async function saveSettings(db: LeadsDb, patch: Partial<Settings>, now = Date.now()): Promise<Settings> {
  return db.transaction('rw', db.settings, db.audit, async () => {
    const before = await getSettings(db);
    const after = settingsSchema.parse({ ...before, ...patch });
    const changed = (Object.keys(patch) as (keyof Settings)[]).filter(
      (k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]),
    );
    if (changed.length === 0) return before;
    await db.settings.put({ key: SETTINGS_KEY, value: after });
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
