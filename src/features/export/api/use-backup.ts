import { useMutation } from '@tanstack/react-query';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../../db/leads-db';
import { createBackup, lastBackupAt, restoreBackup, validateBackup } from '../../../db/repos/backup-repo';
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

/** Validate a backup file, then restore it (nothing changes when validation fails). */
export function useRestoreBackup() {
  return useMutation({
    mutationFn: async (file: File) => {
      const check = validateBackup(getDb(), await file.text());
      if (!check.ok) throw Object.assign(new Error(check.problems.join(', ')), { name: 'BackupInvalidError' });
      await restoreBackup(getDb(), check.backup).catch(rethrowStorageError);
      return check.counts;
    },
  });
}
