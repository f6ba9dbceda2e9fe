import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../db/leads-db';
import { lastBackupAt } from '../../db/repos/backup-repo';

/** When the last backup was written (null: never; undefined while loading): the backup card and the storage warning both say it. */
export function useLastBackupAt() {
  return useLiveQuery(async () => (await lastBackupAt(getDb())) ?? null, []);
}
