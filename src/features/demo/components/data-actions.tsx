import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { ConfirmBar } from '../../../components/ui/confirm-bar';
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
  // Not while the first start's demo is still landing: the two would write over each other.
  const seeding = run?.kind === 'first-start';
  const busy = reset.isPending || empty.isPending || seeding;
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
        <ConfirmBar
          label={t('settings.confirm')}
          cancelLabel="✕"
          confirmLabel={confirming === 'reset' ? t('settings.resetDemo') : t('settings.startEmpty')}
          variant={confirming === 'empty' ? 'danger' : 'primary'}
          busy={busy}
          onCancel={() => setConfirming(null)}
          onConfirm={confirm}
        >
          {t('settings.confirm')}
        </ConfirmBar>
      )}
      {seeding && <p className="text-sm text-slate-600">{t('settings.waitForSeed')}</p>}
      {run?.kind === 'reset' && <SeedProgressLine run={run} />}
      {(reset.isSuccess || empty.isSuccess) && !confirming && (
        <p role="status" className="text-sm text-emerald-700">
          {t('settings.done')}
        </p>
      )}
    </div>
  );
}
