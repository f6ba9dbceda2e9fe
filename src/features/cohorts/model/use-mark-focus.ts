/**
 * Keyboard drill-down for a chart (issue 17 item 11): one tab stop into the chart (roving
 * tabindex), arrow keys move between its bars or points — ←/→ along time in one series,
 * ↑/↓ between series of one period, Home/End to the ends — and Enter or Space opens the
 * leads behind the focused mark, exactly as a click does.
 */
import { useMemo, useState, type KeyboardEvent, type RefObject } from 'react';
import type { LeadFilter } from '../../../domain/leads/lead-filter';
import type { ChartSeries, Point } from '../model/chart-series';
import { MARK_KEYS, markTargets, stepMark, type MarkTarget } from '../model/mark-navigation';

export interface FocusedMark {
  row: number;
  seriesKey: string;
}

export function useMarkFocus(
  cs: ChartSeries,
  container: RefObject<HTMLElement | null>,
  onDrill: (filter: LeadFilter) => void,
) {
  const targets = useMemo(() => markTargets(cs), [cs]);
  const [active, setActive] = useState<string | null>(null);
  const [focused, setFocused] = useState<FocusedMark | null>(null);
  const current = active !== null && targets.some((x) => x.id === active) ? active : (targets[0]?.id ?? null);

  const move = (to: MarkTarget | undefined) => {
    if (!to) return;
    setActive(to.id);
    container.current?.querySelector<SVGElement>(`[data-mark="${to.id}"]`)?.focus();
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
        if (!from || !(MARK_KEYS as readonly string[]).includes(e.key)) return;
        e.preventDefault();
        const to = stepMark(targets, from, e.key);
        move(to);
      },
    };
  };

  return { markProps, focused };
}
