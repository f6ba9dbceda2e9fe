import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../components/ui/button';
import { RELOAD_NOTICE_CLASS } from '../components/ui/button-class';
import { failedWorkers, WORKER_FAILED_EVENT } from '../shared/workers/launch-worker';

type Reason = 'database' | 'worker';

/**
 * Shown when this tab must reload to go on: another tab upgraded the database (this tab closed its
 * connection), or one of the app's workers could not start (its script was not there: most likely
 * a newer version was deployed while this tab was open; launch-worker.ts).
 */
export function OutdatedBanner() {
  const { t } = useTranslation();
  // A worker that failed before the shell was there to hear it (the grid engine's starts first).
  const [reason, setReason] = useState<Reason | null>(() => (failedWorkers().size > 0 ? 'worker' : null));
  useEffect(() => {
    const database = () => setReason('database');
    // The database's reason says more (another tab's upgrade); a failed worker does not replace it.
    const worker = () => setReason((r) => r ?? 'worker');
    window.addEventListener('leadledger:db-outdated', database);
    window.addEventListener(WORKER_FAILED_EVENT, worker);
    return () => {
      window.removeEventListener('leadledger:db-outdated', database);
      window.removeEventListener(WORKER_FAILED_EVENT, worker);
    };
  }, []);
  if (!reason) return null;
  return (
    <div role="alert" data-testid="outdated-banner" data-reason={reason} className={`mb-4 ${RELOAD_NOTICE_CLASS}`}>
      {t(reason === 'database' ? 'app.outdated' : 'app.workerFailed')}
      <Button variant="primary" onClick={() => window.location.reload()}>
        {t('app.reload')}
      </Button>
    </div>
  );
}
