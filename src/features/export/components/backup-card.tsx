import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { useStorageStatus } from '../../../shared/storage/use-storage-status';
import {
  BackupInvalidError,
  discardCandidate,
  useCheckBackup,
  useCreateBackup,
  useLastBackupAt,
  useRestoreBackup,
  type RestoreCandidate,
} from '../api/use-backup';
import { isQuotaError } from '../../../db/storage-errors';
import { StorageFullAlert } from '../../../shared/storage/storage-full-alert';
import { RestoreConfirmDialog } from './restore-confirm-dialog';
import { localeDateFormat } from '../../../i18n/use-date-format';
import { DATE_TIME } from '../../../domain/time/date-styles';

const WEEK = 7 * 86_400_000;

/**
 * Backup and restore, with a reminder when the last backup is old or storage is not persistent.
 * Choosing a file only checks it; the restore waits for the confirmation dialog.
 */
export function BackupCard() {
  const { t, i18n } = useTranslation();
  const last = useLastBackupAt();
  const storage = useStorageStatus();
  const backup = useCreateBackup();
  const check = useCheckBackup();
  const restore = useRestoreBackup();
  const [candidate, setCandidate] = useState<RestoreCandidate | null>(null);
  const [now] = useState(() => Date.now());
  const date = localeDateFormat(i18n.language, DATE_TIME);
  const overdue = last === null || (last !== undefined && now - last > WEEK);
  const choose = (file: File) => {
    restore.reset();
    check.mutate(file, { onSuccess: setCandidate });
  };
  const confirm = () => {
    if (candidate) restore.mutate(candidate);
    setCandidate(null);
  };
  const cancel = () => {
    if (candidate) discardCandidate(candidate);
    setCandidate(null);
  };
  const restoredLeads = restore.data?.counts.find((c) => c.table === 'leads')?.after ?? 0;
  return (
    <Card title={t('export.backup.title')}>
      <p className="text-sm text-slate-600">
        {last ? t('export.backup.last', { date: date.format(last) }) : t('export.backup.never')}
      </p>
      {(overdue || storage.persisted === false) && (
        <p role="note" className="mt-2 rounded-md bg-amber-50 p-2 text-xs text-amber-900">
          {overdue && t('export.backup.remind')} {storage.persisted === false && t('overview.notPersistent')}
        </p>
      )}
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <Button variant="primary" onClick={() => backup.mutate()} disabled={backup.isPending}>
          {t('export.backup.create')}
        </Button>
        <label className="inline-flex cursor-pointer items-center rounded-md bg-white px-3 py-1.5 text-sm font-medium shadow-sm ring-1 ring-slate-300 hover:bg-slate-50">
          {t('export.backup.restore')}
          <input
            type="file"
            accept="application/json,.json"
            className="sr-only"
            disabled={check.isPending || restore.isPending}
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) choose(f);
              e.target.value = '';
            }}
          />
        </label>
      </div>
      {backup.isSuccess && (
        <p role="status" className="mt-2 text-xs text-emerald-700">
          {t('export.backup.written', { leads: backup.data.leads ?? 0 })}
        </p>
      )}
      {check.isPending && (
        <p role="status" className="mt-2 text-xs text-slate-600">
          {t('restore.checking')}
        </p>
      )}
      {restore.isPending && (
        <p role="status" className="mt-2 text-xs text-slate-600">
          {t('restore.restoring')}
        </p>
      )}
      {restore.isSuccess && (
        <p role="status" className="mt-2 text-xs text-emerald-700">
          {t('export.backup.restored', { leads: restoredLeads })}
        </p>
      )}
      {check.isError && (
        <div role="alert" className="mt-2 text-xs text-rose-700">
          {check.error instanceof BackupInvalidError ? (
            <>
              <p>{t('restore.invalid')}</p>
              <ul className="mt-1 list-disc pl-5" data-testid="restore-problems">
                {check.error.problems.map((p, i) => (
                  <li key={i}>{p}</li>
                ))}
              </ul>
            </>
          ) : (
            <p>{t('restore.unreadable', { message: check.error.message })}</p>
          )}
        </div>
      )}
      {restore.isError && isQuotaError(restore.error) && (
        <div className="mt-2">
          <StorageFullAlert />
        </div>
      )}
      {restore.isError && !isQuotaError(restore.error) && (
        <p role="alert" className="mt-2 text-xs text-rose-700">
          {t('export.backup.failed', { message: restore.error.message })}
        </p>
      )}
      {candidate && <RestoreConfirmDialog candidate={candidate} onConfirm={confirm} onCancel={cancel} />}
    </Card>
  );
}
