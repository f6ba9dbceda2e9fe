import { useTranslation } from 'react-i18next';

/** How many leads a view was computed over, and how long the worker took (the P3 figure, shown not tested). */
export function ComputedNote({ leads, ms }: { leads: number; ms: number }) {
  const { t, i18n } = useTranslation();
  const nf = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  return (
    <p className="mt-3 text-xs text-slate-400" data-testid="cohorts-computed">
      {t('cohorts.computed', { leads: nf.format(leads), ms: nf.format(ms) })}
    </p>
  );
}
