import { Link } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useStorageStatus } from './use-storage-status';
import { formatBytes } from '../format-bytes';
import { STORAGE_REFUSED_EVENT } from './storage-refused-event';

const linkClass = 'font-medium underline underline-offset-2 hover:text-rose-950';

/**
 * The browser refused to store more: say that nothing was saved, how much LeadLedger holds, and
 * what to do. Shown by every screen that writes (import, bulk edit, restore, DNC lists).
 */
export function StorageFullAlert() {
  const { t, i18n } = useTranslation();
  const { usage } = useStorageStatus();
  // Every screen then carries the warning, not only the one whose write failed.
  useEffect(() => {
    window.dispatchEvent(new Event(STORAGE_REFUSED_EVENT));
  }, []);
  const used = usage === null ? null : formatBytes(usage, i18n.language);
  return (
    <div
      role="alert"
      data-testid="storage-full"
      className="rounded-lg bg-rose-50 px-4 py-3 text-sm text-rose-800 ring-1 ring-rose-200"
    >
      <p className="font-semibold">{t('storageFull.title')}</p>
      <p className="mt-1">{t('storageFull.nothingSaved')}</p>
      {used !== null && <p className="mt-1">{t('storageFull.used', { used })}</p>}
      <p className="mt-1">{t('storageFull.whatToDo')}</p>
      <p className="mt-2 flex flex-wrap gap-4">
        <Link to="/export" className={linkClass}>
          {t('storageFull.backup')}
        </Link>
        <Link to="/import/history" className={linkClass}>
          {t('storageFull.imports')}
        </Link>
      </p>
    </div>
  );
}
