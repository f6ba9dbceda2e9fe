import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { useStorageStatus } from '../../storage/api/use-storage-status';
import { formatBytes as mb } from '../../storage/components/format-bytes';


/** Storage used and whether it is persistent, with a button to ask again. */
export function StorageCard() {
  const { t, i18n } = useTranslation();
  const s = useStorageStatus();
  return (
    <div className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm" data-testid="figure-storage">
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{t('overview.storage')}</dt>
      <dd className="mt-2 text-3xl font-semibold tabular-nums">{mb(s.usage, i18n.language)}</dd>
      <dd className="mt-1 text-xs text-slate-500">{t('overview.storageUsed', { used: mb(s.usage, i18n.language), quota: mb(s.quota, i18n.language) })}</dd>
      <dd className={`mt-1 text-xs ${s.persisted ? 'text-emerald-700' : 'text-amber-700'}`}>
        {s.persisted ? t('overview.persistent') : t('overview.notPersistent')}
        {s.persisted === false && (
          <Button variant="ghost" className="ml-1 !px-1 !py-0 text-xs underline" onClick={() => void s.requestPersist()}>
            {t('overview.askPersist')}
          </Button>
        )}
      </dd>
    </div>
  );
}
