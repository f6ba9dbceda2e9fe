import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { useProgress, type ProgressStore } from '../api/progress-store';
import { Progress } from '../../../components/ui/progress';

/** Whole seconds since the panel appeared (the click that started the work), ticking. */
function useElapsedSeconds(): number {
  const [start] = useState(() => Date.now());
  const [now, setNow] = useState(start);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return Math.floor((now - start) / 1000);
}

/**
 * A progress bar with the phase, the count in its own unit ("40,000 of 124,956 calls"), the
 * rate, the time waited since the click and the time left, and a cancel button.
 */
export function ProgressPanel({
  store,
  writing,
  onCancel,
}: {
  store: ProgressStore;
  writing: boolean;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const progress = useProgress(store);
  const elapsed = useElapsedSeconds();
  const nf = new Intl.NumberFormat(i18n.language);
  const pct = progress && progress.total > 0 ? Math.min(100, Math.round((progress.done / progress.total) * 100)) : 0;
  const unit = progress?.unit ?? 'rows';
  const counted = progress && unit !== 'rows' && progress.total > 0;
  // While matching with stored leads there is nothing counted yet: the phase name and the seconds say it.
  const count =
    !progress || (progress.phase === 'matching' && progress.total === 0)
      ? ''
      : counted
        ? t('import.progress.count', {
            context: unit,
            done: nf.format(progress.done),
            total: nf.format(progress.total),
          })
        : t('import.progress.rows', { rows: nf.format(progress.rows) });
  return (
    <div className="rounded-xl border border-indigo-200 bg-indigo-50 p-4 shadow-sm" data-testid="import-progress">
      <div className="mb-2 flex items-center justify-between gap-4 text-sm">
        <span className="font-medium text-indigo-900">
          {t(`import.progress.${progress?.phase ?? (writing ? 'writing' : 'checking')}`)}
        </span>
        <span className="tabular-nums text-indigo-800">
          {progress &&
            progress.rowsPerSec > 0 &&
            t('import.progress.rate', {
              context: unit === 'rows' ? undefined : unit,
              rate: nf.format(progress.rowsPerSec),
            })}
          {progress?.secondsLeft ? ` · ${t('import.progress.left', { seconds: nf.format(progress.secondsLeft) })}` : ''}
        </span>
      </div>
      <Progress label={t('import.progress.label')} value={pct} valueText={count} />
      <div className="mt-3 flex items-center justify-between text-xs text-indigo-800">
        <span className="tabular-nums" data-testid="import-progress-count">
          {count ? `${pct}% · ${count}` : ''}
          {`${count ? ' · ' : ''}${t('import.progress.elapsed', { seconds: nf.format(elapsed) })}`}
        </span>
        <Button variant="danger" onClick={onCancel}>
          {t('import.cancel')}
        </Button>
      </div>
    </div>
  );
}
