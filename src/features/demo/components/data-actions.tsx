import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { useResetDemo, useStartEmpty } from '../api/use-reset-data';
import { useSeedRun } from '../api/seed-progress-store';
import { SeedProgressLine } from './seed-progress';

/** Reset to the demo data or start empty, each behind a confirmation. */
export function DataActions() {
  const { t } = useTranslation();
  const reset = useResetDemo();
  const empty = useStartEmpty();
  const [confirming, setConfirming] = useState<'reset' | 'empty' | null>(null);
  const run = useSeedRun();
  const busy = reset.isPending || empty.isPending;
  const confirm = () => {
    const m = confirming === 'reset' ? reset : empty;
    m.mutate(undefined, { onSettled: () => setConfirming(null) });
  };
  return (
    <div className="space-y-4">
      <div className="flex items-start justify-between gap-4">
        <p className="text-sm text-slate-600">{t('settings.resetDemoHelp')}</p>
        <Button onClick={() => setConfirming('reset')} disabled={busy}>
          {t('settings.resetDemo')}
        </Button>
      </div>
      <div className="flex items-start justify-between gap-4">
        <p className="text-sm text-slate-600">{t('settings.startEmptyHelp')}</p>
        <Button variant="danger" onClick={() => setConfirming('empty')} disabled={busy}>
          {t('settings.startEmpty')}
        </Button>
      </div>
      {confirming && (
        <div
          role="alertdialog"
          aria-label={t('settings.confirm')}
          className="flex items-center justify-between rounded-lg bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200"
        >
          {t('settings.confirm')}
          <span className="flex gap-2">
            <Button onClick={() => setConfirming(null)} disabled={busy}>
              ✕
            </Button>
            <Button variant={confirming === 'empty' ? 'danger' : 'primary'} onClick={confirm} disabled={busy}>
              {confirming === 'reset' ? t('settings.resetDemo') : t('settings.startEmpty')}
            </Button>
          </span>
        </div>
      )}
      {run?.kind === 'reset' && <SeedProgressLine run={run} />}
      {(reset.isSuccess || empty.isSuccess) && !confirming && (
        <p role="status" className="text-sm text-emerald-700">
          {t('settings.done')}
        </p>
      )}
    </div>
  );
}
