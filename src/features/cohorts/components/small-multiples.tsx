import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { CohortChart, type CohortChartProps } from './cohort-chart';

/**
 * One small chart per series on one shared scale and axis: many series stay readable side by
 * side. Memoised as CohortChart is: its panels are drawn again only when the series change.
 */
export const SmallMultiples = memo(function SmallMultiples({
  cs,
  ...chart
}: Omit<CohortChartProps, 'height' | 'legend'>) {
  const { t } = useTranslation();
  return (
    <>
      <p className="mb-2 text-xs text-slate-600">{t('cohorts.legible.multiplesNote')}</p>
      <div data-testid="small-multiples" className="grid grid-cols-1 gap-4 md:grid-cols-2 2xl:grid-cols-3">
        {cs.series.map((s) => (
          <section
            key={s.key}
            aria-label={chart.seriesLabel(s.id)}
            data-testid="small-multiple"
            className="rounded-lg p-2 ring-1 ring-slate-200"
          >
            <h3 className="flex items-center gap-2 text-xs font-semibold text-slate-700">
              <span aria-hidden="true" className="h-2.5 w-2.5 rounded-sm" style={{ background: s.color }} />
              {chart.seriesLabel(s.id)}
            </h3>
            {cs.rows.some((r) => r.points[s.key]?.value != null) ? (
              <div data-testid="cohort-chart" className="select-none">
                <CohortChart cs={{ ...cs, series: [s] }} {...chart} height={170} legend={false} />
              </div>
            ) : (
              <p className="py-16 text-center text-xs text-slate-500">{t('cohorts.legible.noFigures')}</p>
            )}
          </section>
        ))}
      </div>
    </>
  );
});
