import { useTranslation } from 'react-i18next';
import { useStorageStatus } from '../../../shared/storage/use-storage-status';
import { formatBytes as mb } from '../../../shared/format-bytes';

/** Storage used and whether it is persistent: a fact here; the warning and its actions are the banner's (one warning per screen). */
export function StorageCard() {
  const { t, i18n } = useTranslation();
  const s = useStorageStatus();
  return (
    <div className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm" data-testid="figure-storage">
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{t('overview.storage')}</dt>
      <dd className="mt-2 text-3xl font-semibold tabular-nums">{mb(s.usage, i18n.language)}</dd>
      <dd className="mt-1 text-xs text-slate-500">
        {t('overview.storageUsed', { used: mb(s.usage, i18n.language), quota: mb(s.quota, i18n.language) })}
      </dd>
      <dd className="mt-1 text-xs text-slate-600">
        {s.persisted ? t('overview.persistent') : t('common.notPersistentShort')}
      </dd>
    </div>
  );
}
