import { useTranslation } from 'react-i18next';
import { cachedNumberFormat } from '../../../domain/time/intl-cache';

/**
 * How many leads a view was computed over, how long the user waited for it (request to answer,
 * `waitMs`) and how long the worker's computation took (the P3 figure, shown
 * not tested). `split` names what the shown answer is split by once it is the answer to the
 * current controls (not the previous one kept on screen while the new one is computed), so a
 * script can tell a new answer from an old one with the same figures.
 */
export function ComputedNote({
  leads,
  ms,
  waitMs,
  split,
}: {
  leads: number;
  ms: number;
  waitMs?: number;
  split?: string;
}) {
  const { t, i18n } = useTranslation();
  const nf = cachedNumberFormat(i18n.language, { maximumFractionDigits: 1 });
  return (
    <p className="mt-3 text-xs text-slate-500" data-testid="cohorts-computed" data-split={split}>
      {waitMs === undefined
        ? t('cohorts.computed', { leads: nf.format(leads), ms: nf.format(ms) })
        : t('cohorts.computedAfter', {
            leads: nf.format(leads),
            ms: nf.format(ms),
            wait:
              waitMs < 1000
                ? t('cohorts.waitMs', { ms: nf.format(Math.round(waitMs)) })
                : t('cohorts.waitS', { s: nf.format(waitMs / 1000) }),
          })}
    </p>
  );
}
