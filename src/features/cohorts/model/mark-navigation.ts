/**
 * Keyboard moves between a chart's marks (bars or points), for a roving tabindex: ←/→ along
 * time in one series, ↑/↓ between the series of one period, Home/End to the first and last.
 * Periods or series without a figure (gaps) have no mark and are stepped over.
 */
import type { ChartSeries } from './chart-series';

export interface MarkTarget {
  /** `${row}:${seriesKey}`, as the mark's data-mark attribute. */
  id: string;
  row: number;
  series: number;
}

export const MARK_KEYS = ['ArrowRight', 'ArrowLeft', 'ArrowUp', 'ArrowDown', 'Home', 'End'] as const;

/** Every mark the chart draws, period by period and, within a period, in series order. */
export function markTargets(cs: Pick<ChartSeries, 'rows' | 'series'>): MarkTarget[] {
  const out: MarkTarget[] = [];
  cs.rows.forEach((r, row) =>
    cs.series.forEach((s, series) => {
      const p = r.points[s.key];
      if (p && p.value !== null) out.push({ id: `${row}:${s.key}`, row, series });
    }),
  );
  return out;
}

/** Where `key` moves from `from` (undefined: nowhere, e.g. past the last bar of a series). */
export function stepMark(targets: readonly MarkTarget[], from: MarkTarget, key: string): MarkTarget | undefined {
  const i = targets.indexOf(from);
  const next = (same: (x: MarkTarget) => boolean) => targets.slice(i + 1).find(same);
  const previous = (same: (x: MarkTarget) => boolean) => targets.slice(0, i).reverse().find(same);
  const sameSeries = (x: MarkTarget) => x.series === from.series;
  const sameRow = (x: MarkTarget) => x.row === from.row;
  switch (key) {
    case 'ArrowRight':
      return next(sameSeries);
    case 'ArrowLeft':
      return previous(sameSeries);
    case 'ArrowDown':
      return next(sameRow);
    case 'ArrowUp':
      return previous(sameRow);
    case 'Home':
      return targets[0];
    case 'End':
      return targets[targets.length - 1];
    default:
      return undefined;
  }
}
