import { useTranslation } from 'react-i18next';
import type { ChartRow, ChartSeries } from '../model/chart-series';
import type { Formatters } from '../model/format';

interface Entry {
  name?: unknown;
  payload?: unknown;
}

/** What a hovered bar or point says: series, value, numerator of denominator, 95 % interval, and its marks. */
export function ChartTooltip({
  active,
  payload,
  cs,
  f,
  cohortLabel,
  seriesLabel,
  windowDays,
}: {
  active?: boolean;
  payload?: readonly Entry[];
  cs: ChartSeries;
  f: Formatters;
  /** Not `label`: recharts passes its own `label` prop to tooltip content. */
  cohortLabel: (row: ChartRow) => string;
  seriesLabel: (id: string) => string;
  windowDays: number;
}) {
  const { t } = useTranslation();
  if (!active || !payload?.length) return null;
  const row = payload[0]!.payload as ChartRow;
  const entries = payload.map((e) => cs.series.find((s) => s.key === e.name)).filter((s) => s !== undefined);
  return (
    <div
      data-testid="cohort-tooltip"
      className="max-w-xs rounded-lg border border-slate-200 bg-white/95 px-3 py-2 text-xs shadow-lg"
    >
      <div className="mb-1 font-semibold text-slate-800">{cohortLabel(row)}</div>
      {entries.map((s) => {
        const p = row.points[s.key];
        if (!p) return null;
        const value = cs.isRate
          ? f.pct(p.value)
          : cs.metric === 'leads' || cs.metric === 'contacted'
            ? f.count(p.value ?? 0)
            : f.days(p.value);
        return (
          <div key={s.key} className="border-t border-slate-100 py-1 first:border-t-0" data-testid="tooltip-entry">
            <div className="flex items-center gap-2">
              <span aria-hidden="true" className="h-2.5 w-2.5 rounded-sm" style={{ background: s.color }} />
              <span className="text-slate-600" data-testid="tooltip-series">
                {seriesLabel(s.id)}
              </span>
              <span className="ml-auto font-semibold tabular-nums text-slate-900" data-testid="tooltip-value">
                {value}
              </span>
            </div>
            {cs.isRate && (
              <>
                <div className="tabular-nums text-slate-600" data-testid="tooltip-ratio">
                  {t('cohorts.tooltip.ratio', {
                    numerator: f.count(p.numerator ?? 0),
                    denominator: f.count(p.denominator ?? 0),
                  })}
                </div>
                <div className="tabular-nums text-slate-500" data-testid="tooltip-interval">
                  {t('cohorts.tooltip.interval', { interval: f.interval(p.low, p.high) })}
                </div>
              </>
            )}
            {!cs.isRate && (
              <div className="text-slate-500">{t('cohorts.tooltip.leads', { formatted: f.count(p.leads) })}</div>
            )}
            {p.small && <div className="font-medium text-amber-700">{t('cohorts.tooltip.small')}</div>}
            {p.young && <div className="font-medium text-sky-700">{t('cohorts.tooltip.young', { n: windowDays })}</div>}
          </div>
        );
      })}
      {entries.length === 1 && (
        <div className="mt-1 text-[11px] text-indigo-600">
          {t('cohorts.tooltip.click', { formatted: f.count(row.points[entries[0]!.key]?.drillCount ?? 0) })}
        </div>
      )}
    </div>
  );
}
