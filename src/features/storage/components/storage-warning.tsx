import { Link } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { ClampedText } from '../../../components/ui/clamped-text';
import { storageRisk } from '../../../domain/storage/storage-risk';
import { useLastBackupAt } from '../../../shared/storage/use-last-backup-at';
import { useStorageStatus } from '../../../shared/storage/use-storage-status';
import { formatBytes } from '../../../shared/format-bytes';
import { STORAGE_REFUSED_EVENT } from '../../../shared/storage/storage-refused-event';
import { localeDateFormat } from '../../../i18n/use-date-format';
import { DATE } from '../../../domain/time/date-styles';

/**
 * Warns, on every screen, before the browser could lose or refuse data: storage nearly full,
 * or not persistent with no recent backup. Dismissable for this tab until the risk changes kind.
 */
export function StorageWarning() {
  const { t, i18n } = useTranslation();
  const s = useStorageStatus();
  const lastBackupAt = useLastBackupAt();
  const [now] = useState(() => Date.now());
  const [dismissed, setDismissed] = useState<string | null>(() =>
    sessionStorage.getItem('leadledger.storageWarningDismissed'),
  );
  const [refusedAt, setRefusedAt] = useState<number | undefined>(undefined);
  useEffect(() => {
    const on = () => setRefusedAt(Date.now());
    window.addEventListener(STORAGE_REFUSED_EVENT, on);
    return () => window.removeEventListener(STORAGE_REFUSED_EVENT, on);
  }, []);
  const risk = storageRisk({ ...s, lastBackupAt, now, ...(refusedAt !== undefined ? { refusedAt } : {}) });
  if (!risk || dismissed === risk.kind) return null;
  const dismiss = () => {
    sessionStorage.setItem('leadledger.storageWarningDismissed', risk.kind);
    setDismissed(risk.kind);
  };
  const used = { used: formatBytes(s.usage, i18n.language), quota: formatBytes(s.quota, i18n.language) };
  const message =
    risk.kind === 'refused'
      ? t('storage.refused', { used: used.used })
      : risk.kind === 'evictable'
        ? risk.lastBackupAt === null
          ? t('storage.evictableNever')
          : t('storage.evictableOld', { date: localeDateFormat(i18n.language, DATE).format(risk.lastBackupAt) })
        : t(risk.kind === 'full' ? 'storage.full' : 'storage.nearlyFull', {
            ...used,
            percent: Math.round(risk.share * 100),
          });
  const urgent = risk.kind === 'full' || risk.kind === 'refused';
  const tone = urgent ? 'border-rose-300 bg-rose-50 text-rose-900' : 'border-amber-300 bg-amber-50 text-amber-900';
  return (
    <section
      aria-label={t('storage.warningLabel')}
      data-testid="storage-warning"
      data-risk={risk.kind}
      className={`mb-3 flex flex-wrap items-center gap-x-3 gap-y-1 rounded-lg border px-3 py-1 text-sm ${tone}`}
    >
      {/* Data at risk now is said whole; a risk to come (not persistent, no recent backup) keeps to one line. */}
      {urgent ? <p className="min-w-0 flex-1">{message}</p> : <ClampedText className="flex-1">{message}</ClampedText>}
      {risk.kind === 'evictable' && (
        <Button variant="ghost" className="!py-1 text-xs underline" onClick={() => void s.requestPersist()}>
          {t('storage.askPersist')}
        </Button>
      )}
      <Link to="/export" className="text-xs font-medium underline">
        {t('storage.backUp')}
      </Link>
      <Button variant="ghost" className="!py-1 text-xs" onClick={dismiss}>
        {t('storage.dismiss')}
      </Button>
    </section>
  );
}
