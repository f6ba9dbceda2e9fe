import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { labelTemplateOf } from '../../../i18n/label-template';
import type { ChartRow, ChartSeries, Point, SeriesInfo } from './chart-series';
import type { Formatters } from './format';

const BAR_LABEL_VALUES = ['cohort', 'series', 'metric', 'value', 'ratio', 'count'] as const;
const RATIO_VALUES = ['numerator', 'denominator'] as const;

/** A figure as the chart shows it (rate, count or days). */
export function formatValue(cs: ChartSeries, f: Formatters, v: number | null): string {
  return cs.isRate ? f.pct(v) : cs.metric === 'leads' || cs.metric === 'contacted' ? f.count(v ?? 0) : f.days(v);
}

/**
 * Each mark's label for a screen reader ("Mar 2026 · Web form: Connect rate 41.2% (3 of 40).
 * Opens 40 leads."), filled in from templates i18next resolves once per language, not per mark:
 * a chart draws up to 2,000 marks, and every control change draws them all again.
 */
export function useMarkLabel(
  cs: ChartSeries,
  f: Formatters,
  label: (row: ChartRow) => string,
  seriesLabel: (id: string) => string,
): (row: ChartRow, s: SeriesInfo, p: Point) => string {
  const { t } = useTranslation();
  const templates = useMemo(
    () => ({
      bar: labelTemplateOf(t, 'cohorts.legible.bar', BAR_LABEL_VALUES),
      ratio: labelTemplateOf(t, 'cohorts.tooltip.ratio', RATIO_VALUES),
    }),
    [t],
  );
  const metric = t(`cohorts.metric.${cs.metric}`);
  return (row, s, p) =>
    templates.bar({
      cohort: label(row),
      series: seriesLabel(s.id),
      metric,
      value: formatValue(cs, f, p.value),
      ratio: cs.isRate
        ? ` (${templates.ratio({ numerator: f.count(p.numerator ?? 0), denominator: f.count(p.denominator ?? 0) })})`
        : '',
      count: f.count(p.drillCount),
    });
}
