import { useTranslation } from 'react-i18next';
import { useStorageStatus } from '../../../shared/storage/use-storage-status';
import { formatBytes } from '../../../shared/format-bytes';

/** The sidebar's storage line: how much is used of the quota, and whether it is persistent. */
export function StorageMeter() {
  const { t, i18n } = useTranslation();
  const s = useStorageStatus();
  const share = s.usage !== null && s.quota ? Math.min(1, s.usage / s.quota) : null;
  return (
    <div className="px-4 pb-3 text-xs text-slate-400" data-testid="storage-meter">
      <div className="flex justify-between gap-2">
        <span className="whitespace-nowrap">{t('storage.meter', { used: formatBytes(s.usage, i18n.language) })}</span>
        <span className="whitespace-nowrap">
          {s.persisted === null ? '' : s.persisted ? t('storage.persistentShort') : t('storage.notPersistentShort')}
        </span>
      </div>
      {share !== null && (
        <meter
          className="storage-meter mt-1 block h-1.5 w-full"
          min={0}
          max={1}
          low={0.8}
          high={0.95}
          optimum={0}
          value={share}
          aria-label={t('storage.meterLabel', {
            percent: Math.round(share * 100),
            quota: formatBytes(s.quota, i18n.language),
          })}
        />
      )}
    </div>
  );
}
