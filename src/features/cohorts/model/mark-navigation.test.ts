import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ChartRow, Point } from './chart-series';
import { markTargets, stepMark, MARK_KEYS, type MarkTarget } from './mark-navigation';

const point = (value: number | null): Point => ({
  value,
  numerator: null,
  denominator: null,
  low: null,
  high: null,
  leads: 1,
  small: false,
  young: false,
  drill: {},
  drillCount: 1,
  drillNumerator: null,
});
/** A chart from a grid of figures: grid[row][series], null = no figure there. */
const chart = (grid: (number | null)[][], seriesCount = grid[0]?.length ?? 0) => ({
  series: Array.from({ length: seriesCount }, (_, i) => ({ key: `s${i}`, id: `src${i}`, color: '#000' })),
  rows: grid.map((cells, i): ChartRow => ({
    key: `k${i}`,
    start: i,
    windowComplete: true,
    gap: cells.every((c) => c === null),
    points: Object.fromEntries(cells.map((c, s) => [`s${s}`, c === null ? undefined : point(c)])),
  })),
});
const ids = (t: MarkTarget | undefined) => t?.id;

describe('markTargets and stepMark: arrow keys between a chart’s bars', () => {
  // Three periods, two series; the middle period is a gap, s1 has no figure in the last.
  const cs = chart([
    [1, 2],
    [null, null],
    [3, null],
  ]);
  const targets = markTargets(cs);
  const at = (id: string) => targets.find((x) => x.id === id)!;

  it('lists each drawn mark once, period by period, skipping gaps and missing figures', () => {
    expect(targets.map((x) => x.id)).toEqual(['0:s0', '0:s1', '2:s0']);
  });

  it('moves along time within a series over gaps, and between series within a period', () => {
    expect(ids(stepMark(targets, at('0:s0'), 'ArrowRight'))).toBe('2:s0');
    expect(ids(stepMark(targets, at('2:s0'), 'ArrowLeft'))).toBe('0:s0');
    expect(ids(stepMark(targets, at('0:s1'), 'ArrowRight'))).toBeUndefined();
    expect(ids(stepMark(targets, at('0:s0'), 'ArrowDown'))).toBe('0:s1');
    expect(ids(stepMark(targets, at('0:s1'), 'ArrowUp'))).toBe('0:s0');
    expect(ids(stepMark(targets, at('2:s0'), 'ArrowDown'))).toBeUndefined();
    expect(ids(stepMark(targets, at('0:s1'), 'Home'))).toBe('0:s0');
    expect(ids(stepMark(targets, at('0:s0'), 'End'))).toBe('2:s0');
    expect(stepMark(targets, at('0:s0'), 'Tab')).toBeUndefined();
  });

  it('property: every move lands on a drawn mark, ←/→ keep the series, ↑/↓ keep the period, and a move is undone by its opposite', () => {
    const grid = fc.array(
      fc.array(fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }), { minLength: 3, maxLength: 3 }),
      { minLength: 1, maxLength: 8 },
    );
    fc.assert(
      fc.property(grid, fc.nat(), fc.constantFrom(...MARK_KEYS), (g, pick, key) => {
        const ts = markTargets(chart(g, 3));
        if (ts.length === 0) return;
        const from = ts[pick % ts.length]!;
        const to = stepMark(ts, from, key);
        if (!to) return;
        expect(ts).toContain(to);
        if (key === 'ArrowRight' || key === 'ArrowLeft') expect(to.series).toBe(from.series);
        if (key === 'ArrowUp' || key === 'ArrowDown') expect(to.row).toBe(from.row);
        const back = { ArrowRight: 'ArrowLeft', ArrowLeft: 'ArrowRight', ArrowUp: 'ArrowDown', ArrowDown: 'ArrowUp' }[
          key as string
        ];
        if (back) expect(stepMark(ts, to, back)).toBe(from);
      }),
    );
  });
});
