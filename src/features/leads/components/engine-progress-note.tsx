import { useTranslation } from 'react-i18next';
import { cachedNumberFormat } from '../../../domain/time/intl-cache';
import { useEngineProgress } from '../../../shared/engine/engine-progress';
import { Progress } from '../../../components/ui/progress';

/** While the grid has no answer yet: what the engine is doing, in leads, with a bar while judging. */
export function EngineProgressNote() {
  const { t, i18n } = useTranslation();
  const p = useEngineProgress();
  const nf = cachedNumberFormat(i18n.language);
  if (!p) return <>{t('leads.indexing')}</>;
  const text =
    p.phase === 'opening'
      ? t('engineProgress.opening')
      : p.phase === 'reading'
        ? t('engineProgress.reading', { total: nf.format(p.total) })
        : t('engineProgress.judging', { done: nf.format(p.done), total: nf.format(p.total) });
  return (
    <span className="inline-flex items-center gap-2" data-testid="engine-progress" data-phase={p.phase}>
      {text}
      {p.phase === 'judging' && p.total > 0 && (
        <Progress size="sm" className="w-32" label={t('engineProgress.label')} value={p.done} max={p.total} />
      )}
    </span>
  );
}
