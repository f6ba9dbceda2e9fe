/**
 * Keyboard drill-down for a chart (issue 17 item 11): one tab stop into the chart (roving
 * tabindex), arrow keys move between its bars or points — ←/→ along time in one series,
 * ↑/↓ between series of one period, Home/End to the ends — and Enter or Space opens the
 * leads behind the focused mark, exactly as a click does.
 */
import { useMemo, useState, type KeyboardEvent, type RefObject } from 'react';
import type { LeadFilter } from '../../../domain/leads/lead-filter';
import type { ChartSeries, Point } from '../model/chart-series';

interface Target {
  id: string;
  row: number;
  series: number;
}

export interface FocusedMark {
  row: number;
  seriesKey: string;
}

export function useMarkFocus(cs: ChartSeries, container: RefObject<HTMLElement | null>, onDrill: (filter: LeadFilter) => void) {
  const targets = useMemo(() => {
    const out: Target[] = [];
    cs.rows.forEach((r, row) =>
      cs.series.forEach((s, series) => {
        const p = r.points[s.key];
        if (p && p.value !== null) out.push({ id: `${row}:${s.key}`, row, series });
      }),
    );
    return out;
  }, [cs]);
  const [active, setActive] = useState<string | null>(null);
  const [focused, setFocused] = useState<FocusedMark | null>(null);
  const current = active !== null && targets.some((x) => x.id === active) ? active : (targets[0]?.id ?? null);

  const move = (to: Target | undefined) => {
    if (!to) return;
    setActive(to.id);
    container.current?.querySelector<SVGElement>(`[data-mark="${to.id}"]`)?.focus();
  };

  const step = (from: Target, key: string): Target | undefined => {
    const i = targets.indexOf(from);
    switch (key) {
      case 'ArrowRight':
        return targets.slice(i + 1).find((x) => x.series === from.series);
      case 'ArrowLeft':
        return targets.slice(0, i).reverse().find((x) => x.series === from.series);
      case 'ArrowDown':
        return targets.slice(i + 1).find((x) => x.row === from.row);
      case 'ArrowUp':
        return targets.slice(0, i).reverse().find((x) => x.row === from.row);
      case 'Home':
        return targets[0];
      case 'End':
        return targets[targets.length - 1];
      default:
        return undefined;
    }
  };

  /** Props for the mark of `point` at row `row` of series `seriesKey` (a bar's rect or a line's dot). */
  const markProps = (row: number, seriesKey: string, point: Point, label: string) => {
    const id = `${row}:${seriesKey}`;
    return {
      'data-mark': id,
      role: 'button',
      tabIndex: id === current ? 0 : -1,
      'aria-label': label,
      className: 'cursor-pointer outline-none',
      onClick: () => onDrill(point.drill),
      onFocus: () => {
        setActive(id);
        setFocused({ row, seriesKey });
      },
      onBlur: () => setFocused(null),
      onKeyDown: (e: KeyboardEvent) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onDrill(point.drill);
          return;
        }
        const from = targets.find((x) => x.id === id);
        const to = from && step(from, e.key);
        if (from && ['ArrowRight', 'ArrowLeft', 'ArrowUp', 'ArrowDown', 'Home', 'End'].includes(e.key)) e.preventDefault();
        move(to);
      },
    };
  };

  return { markProps, focused };
}
