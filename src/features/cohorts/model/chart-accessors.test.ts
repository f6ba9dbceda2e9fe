import { describe, expect, it } from 'vitest';
import { accessorsOf } from './chart-accessors';
import type { ChartRow, Point } from './chart-series';

const point = (value: number | null, low: number | null = null, high: number | null = null): Point => ({
  value,
  numerator: null,
  denominator: null,
  low,
  high,
  leads: 10,
  small: false,
  young: false,
  drill: {},
  drillCount: 10,
  drillNumerator: null,
});
const row = (points: ChartRow['points']): ChartRow => ({
  key: '2026-01',
  start: 0,
  windowComplete: true,
  gap: false,
  points,
});

describe('accessorsOf: the data keys recharts keeps in its store', () => {
  it('hands out the very same functions for a series on every call (a new one would remount every bar)', () => {
    expect(accessorsOf('s0')).toBe(accessorsOf('s0'));
    expect(accessorsOf('s0').value).toBe(accessorsOf('s0').value);
    expect(accessorsOf('s0').error).toBe(accessorsOf('s0').error);
    expect(accessorsOf('s1').value).not.toBe(accessorsOf('s0').value);
  });

  it('reads a series’ value, null for a gap or a series without a figure', () => {
    const r = row({ s0: point(0.25, 0.2, 0.31), s1: point(null) });
    expect(accessorsOf('s0').value(r)).toBe(0.25);
    expect(accessorsOf('s1').value(r)).toBeNull();
    expect(accessorsOf('s2').value(r)).toBeNull();
  });

  it('gives asymmetric whiskers from the value to each end of the interval, none without one', () => {
    const r = row({ s0: point(0.25, 0.2, 0.31), s1: point(0.5) });
    const [down, up] = accessorsOf('s0').error(r);
    expect(down).toBeCloseTo(0.05);
    expect(up).toBeCloseTo(0.06);
    expect(accessorsOf('s1').error(r)).toEqual([0, 0]);
    expect(accessorsOf('s2').error(r)).toEqual([0, 0]);
  });
});
