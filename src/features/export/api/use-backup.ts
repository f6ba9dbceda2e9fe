import { useMutation } from '@tanstack/react-query';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../../db/leads-db';
import { createBackup, lastBackupAt, previewRestore, restoreBackup, validateBackup, type Backup, type RestorePreview } from '../../../db/repos/backup-repo';
import { rethrowStorageError } from '../../../db/storage-errors';

export function useLastBackupAt() {
  return useLiveQuery(async () => (await lastBackupAt(getDb())) ?? null, []);
}

/** Write a backup file and download it. */
export function useCreateBackup() {
  return useMutation({
    mutationFn: async () => {
      const { json, counts } = await createBackup(getDb());
      const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = `leadledger-backup_${new Date().toISOString().slice(0, 16).replace(/[:T]/g, '-')}.json`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      return counts;
    },
  });
}

/** A backup file that cannot be restored: its first problems, one line each. */
export class BackupInvalidError extends Error {
  override readonly name = 'BackupInvalidError';
  constructor(readonly problems: readonly string[]) {
    super(problems.join('; '));
  }
}

/** A checked backup waiting for the steward's confirmation, with what restoring it would change. */
export interface RestoreCandidate {
  fileName: string;
  backup: Backup;
  preview: RestorePreview;
}

/** Step one of a restore: read and check the file and plan the restore. Writes nothing. */
export function useCheckBackup() {
  return useMutation({
    mutationFn: async (file: File): Promise<RestoreCandidate> => {
      const check = validateBackup(getDb(), await file.text());
      if (!check.ok) throw new BackupInvalidError(check.problems);
      return { fileName: file.name, backup: check.backup, preview: await previewRestore(getDb(), check.backup) };
    },
  });
}

/** Step two, once confirmed: restore the checked backup (all or nothing). */
export function useRestoreBackup() {
  return useMutation({
    mutationFn: (backup: Backup) => restoreBackup(getDb(), backup).catch(rethrowStorageError),
  });
}
