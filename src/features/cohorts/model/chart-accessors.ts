/**
 * The data keys the chart hands recharts for each series: a bar's or point's value and its
 * asymmetric Wilson whiskers.
 *
 * Each key's functions are made once and kept: recharts 3 keeps a series' dataKey in its
 * store, and a new dataKey function (one per render) replaces the series' settings, so its
 * rectangles are recomputed, and a new rectangles array re-keys recharts' animation
 * (AnimatedItems), which remounts every bar. The chart re-renders whenever a bar takes focus
 * (roving tabindex, focus ring), so with fresh functions the focused bar left the DOM at once
 * (focus fell to <body>) and a click, whose mousedown focuses the bar, never reached it.
 */
import type { ChartRow } from './chart-series';

export interface SeriesAccessors {
  value: (r: ChartRow) => number | null;
  /** Distance from the value down to the interval's low end and up to its high end ([0, 0] without one). */
  error: (r: ChartRow) => [number, number];
}

const cache = new Map<string, SeriesAccessors>();

/** The accessors of series `key` (`s0`, `s1`, …): the same functions on every call. */
export function accessorsOf(key: string): SeriesAccessors {
  let a = cache.get(key);
  if (!a) {
    a = {
      value: (r) => r.points[key]?.value ?? null,
      error: (r) => {
        const p = r.points[key];
        return p && p.value !== null && p.low !== null && p.high !== null
          ? [p.value - p.low, p.high - p.value]
          : [0, 0];
      },
    };
    cache.set(key, a);
  }
  return a;
}
