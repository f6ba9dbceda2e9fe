/**
 * What the backup worker answers. Writing a backup reads every table and hashes and serialises
 * it (tens of MB of JSON); checking a restore file parses it and checks every row against the
 * domain's schemas, then plans the restore against the whole DNC state and audit trail. Both
 * take seconds at 100k leads, so they run here and the page receives only the file (a Blob,
 * whose bytes are not copied across), the plan and the file's problems (DESIGN.md §6: the page
 * never blocks > 50 ms). The checked backup stays here between "choose a file" and "Restore":
 * the page holds its id, never its rows. The repositories keep every guarantee (decision 012:
 * suppressions and the trail survive a restore; one strict transaction; the journal).
 */
import {
  createBackup,
  previewRestore,
  restoreBackup,
  validateBackup,
  type Backup,
  type RestorePreview,
} from '../db/repos/backup-repo';
import type { LeadsDb } from '../db/leads-db';
import { rethrowStorageError } from '../db/storage-errors';

/** A checked file: restorable (with its plan and the id to restore it by) or not (with its problems, one line each). */
export type BackupFileCheck =
  { ok: true; id: number; createdAt: number; preview: RestorePreview } | { ok: false; problems: string[] };

export interface BackupApi {
  /** Every table as a backup file (recorded as the last backup at `now`), with each table's count. */
  write(now: number): Promise<{ blob: Blob; counts: Record<string, number> }>;
  /** Read and check a chosen file and plan its restore at `now`. Writes nothing. */
  check(file: Blob, now: number): Promise<BackupFileCheck>;
  /** Restore the file checked as `id` (all or nothing). */
  restore(id: number, now: number): Promise<RestorePreview>;
  /** Forget the file checked as `id` (the steward cancelled). */
  discard(id: number): void;
}

/** Thrown by `restore` for an id this worker does not hold (already restored or discarded). */
export const BACKUP_GONE = 'backup-not-checked';

export function createBackupApi(db: LeadsDb): BackupApi {
  // One file waits for confirmation at a time: choosing another replaces it.
  let pending: { id: number; backup: Backup } | null = null;
  let nextId = 1;
  return {
    async write(now) {
      const { json, counts } = await createBackup(db, now);
      return { blob: new Blob([json], { type: 'application/json' }), counts };
    },
    async check(file, now) {
      pending = null;
      const checked = validateBackup(db, await file.text());
      if (!checked.ok) return { ok: false, problems: checked.problems };
      const preview = await previewRestore(db, checked.backup, now);
      pending = { id: nextId++, backup: checked.backup };
      return { ok: true, id: pending.id, createdAt: checked.backup.createdAt, preview };
    },
    async restore(id, now) {
      if (pending?.id !== id) throw new Error(BACKUP_GONE);
      const { backup } = pending;
      // A full disk crosses the boundary as an Error named StorageFullError (the page rebuilds the class).
      const result = await restoreBackup(db, backup, now).catch(rethrowStorageError);
      if (pending?.id === id) pending = null;
      return result;
    },
    discard(id) {
      if (pending?.id === id) pending = null;
    },
  };
}
