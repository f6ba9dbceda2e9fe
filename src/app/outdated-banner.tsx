import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../components/ui/button';

/** Shown when another tab upgraded the database: this tab closed its connection and must reload. */
export function OutdatedBanner() {
  const { t } = useTranslation();
  const [outdated, setOutdated] = useState(false);
  useEffect(() => {
    const on = () => setOutdated(true);
    window.addEventListener('leadledger:db-outdated', on);
    return () => window.removeEventListener('leadledger:db-outdated', on);
  }, []);
  if (!outdated) return null;
  return (
    <div
      role="alert"
      className="mb-4 flex items-center justify-between rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900"
    >
      {t('app.outdated')}
      <Button variant="primary" onClick={() => window.location.reload()}>
        {t('app.reload')}
      </Button>
    </div>
  );
}
