import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { useProgress, type ProgressStore } from '../api/progress-store';

/** A progress bar with the phase, rows per second and time left, and a cancel button. */
export function ProgressPanel({ store, writing, onCancel }: { store: ProgressStore; writing: boolean; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const progress = useProgress(store);
  const nf = new Intl.NumberFormat(i18n.language);
  const pct = progress && progress.total > 0 ? Math.min(100, Math.round((progress.done / progress.total) * 100)) : 0;
  return (
    <div className="rounded-xl border border-indigo-200 bg-indigo-50 p-4 shadow-sm" data-testid="import-progress">
      <div className="mb-2 flex items-center justify-between gap-4 text-sm">
        <span className="font-medium text-indigo-900">{t(`import.progress.${progress?.phase ?? (writing ? 'writing' : 'checking')}`)}</span>
        <span className="tabular-nums text-indigo-800">
          {progress && progress.rowsPerSec > 0 && t('import.progress.rate', { rate: nf.format(progress.rowsPerSec) })}
          {progress?.secondsLeft ? ` · ${t('import.progress.left', { seconds: nf.format(progress.secondsLeft) })}` : ''}
        </span>
      </div>
      <div role="progressbar" aria-label={t('import.progress.label')} aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} className="h-2.5 overflow-hidden rounded-full bg-white ring-1 ring-indigo-100">
        <div className="h-full rounded-full bg-indigo-600 transition-[width] duration-200" style={{ width: `${pct}%` }} />
      </div>
      <div className="mt-3 flex items-center justify-between text-xs text-indigo-800">
        <span className="tabular-nums">{progress ? `${pct}% · ${nf.format(progress.rows)}` : ''}</span>
        <Button variant="danger" onClick={onCancel}>
          {t('import.cancel')}
        </Button>
      </div>
    </div>
  );
}
