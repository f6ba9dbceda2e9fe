import { useMutation } from '@tanstack/react-query';
import type { RestorePreview } from '../../../db/repos/backup-repo';
import { rethrowStorageError } from '../../../db/storage-errors';
import { downloadBlob } from '../../../shared/download-blob';
import { backupWorker } from './backup-worker';

// Writing, checking and restoring run in the backup worker (workers/backup-api.ts): the page gets the file, the plan and the problems.

export { useLastBackupAt } from '../../../shared/storage/use-last-backup-at';

/** Write a backup file and download it. */
export function useCreateBackup() {
  return useMutation({
    mutationFn: async () => {
      const { blob, counts } = await backupWorker().write(Date.now());
      downloadBlob(blob, `leadledger-backup_${new Date().toISOString().slice(0, 16).replace(/[:T]/g, '-')}.json`);
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

/** A checked backup waiting for the steward's confirmation (held by the worker as `id`), with what restoring it would change. */
export interface RestoreCandidate {
  id: number;
  fileName: string;
  createdAt: number;
  preview: RestorePreview;
}

/** Step one of a restore: read and check the file and plan the restore. Writes nothing. */
export function useCheckBackup() {
  return useMutation({
    mutationFn: async (file: File): Promise<RestoreCandidate> => {
      const check = await backupWorker().check(file, Date.now());
      if (!check.ok) throw new BackupInvalidError(check.problems);
      return { id: check.id, fileName: file.name, createdAt: check.createdAt, preview: check.preview };
    },
  });
}

/** Step two, once confirmed: restore the checked backup (all or nothing). A full disk comes back as StorageFullError. */
export function useRestoreBackup() {
  return useMutation({
    mutationFn: (candidate: Pick<RestoreCandidate, 'id'>) =>
      backupWorker().restore(candidate.id, Date.now()).catch(rethrowStorageError),
  });
}

/** The steward cancelled: the worker lets go of the checked file. */
export function discardCandidate(candidate: Pick<RestoreCandidate, 'id'>): void {
  void backupWorker().discard(candidate.id);
}
