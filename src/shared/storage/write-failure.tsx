import { useTranslation } from 'react-i18next';
import type { WriteMutationResult } from './use-write-mutation';
import { StorageFullAlert } from './storage-full-alert';

/**
 * How a form tells that its write failed, below its buttons: the one storage-full alert for a
 * full disk, else the write's own error — unless the form already shows that error at the field
 * it concerns (`shownAtField`), so nothing is said twice.
 */
export function WriteFailure({
  write,
  shownAtField = false,
}: {
  write: Pick<WriteMutationResult<unknown, never>, 'storageFull' | 'error'>;
  shownAtField?: boolean;
}) {
  const { t } = useTranslation();
  if (write.storageFull) return <StorageFullAlert />;
  if (!write.error || shownAtField) return null;
  return (
    <p role="alert" className="rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-800">
      {t('storageFull.failed', { message: write.error.message })}
    </p>
  );
}
