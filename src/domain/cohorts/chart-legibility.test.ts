import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cohortKey, cohortRange, type CohortGrain } from '../time/calendar';
import { aggregateCohorts } from './cohort-aggregate';
import { buildSnapshot, type SnapshotLead } from './snapshot-from-leads.test-helpers';
import { CATEGORY_PALETTE, OTHER_COLOR, seriesColor, TOP_SERIES } from './chart-palette';
import { niceTicks } from './nice-ticks';
import { pageWindow } from './page-window';
import { fillPeriodGaps } from './period-gaps';
import { OTHER_SERIES, topSeries } from './top-series';

const DAY = 86_400_000;

/** `n` leads of `source` acquired on `day` (UTC), every second one contacted, every fourth connected. */
const leadsOn = (day: number, n: number, source: string): SnapshotLead[] =>
  Array.from({ length: n }, (_, i) => {
    const acquiredAt = day + i * 60_000;
    const contacted = i % 2 === 0;
    return {
      id: 0,
      sourceId: source,
      region: 'US',
      entryMethod: 'api',
      acquiredAt,
      createdAt: acquiredAt,
      attempts: contacted ? 1 : 0,
      dncStatus: 'clear',
      ...(contacted ? { firstContactAt: acquiredAt + DAY } : {}),
      ...(contacted && i % 4 === 0 ? { firstConnectedAt: acquiredAt + DAY } : {}),
    };
  });

describe('seriesColor: one colour-blind-safe palette, stable by rank', () => {
  it('names the top series in distinct Okabe–Ito colours and the rest grey', () => {
    const colours = Array.from({ length: TOP_SERIES }, (_, r) => seriesColor(r));
    expect(new Set(colours).size).toBe(TOP_SERIES);
    expect(colours.every((c) => (CATEGORY_PALETTE as readonly string[]).includes(c))).toBe(true);
    expect(seriesColor(TOP_SERIES)).toBe(OTHER_COLOR);
    expect(seriesColor(-1)).toBe(OTHER_COLOR);
  });

  it('gives a series the same colour whatever comes after it (adding smaller series changes no colour)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 }), (rank, more) => {
        const ids = Array.from({ length: rank + 1 + more }, (_, i) => `s${i}`);
        const before = ids.slice(0, rank + 1).map((_, r) => seriesColor(r));
        const after = ids.map((_, r) => seriesColor(r)).slice(0, rank + 1);
        expect(after).toEqual(before);
      }),
    );
  });
});

describe('topSeries: the top N series and "other"', () => {
  const sources = ['a', 'b', 'c', 'd', 'e'];
  // Source i has 50 − 10·i leads in January and, except 'c', 10 in March.
  const rows = sources
    .flatMap((s, i) => [
      ...leadsOn(Date.UTC(2026, 0, 5), 50 - 10 * i, s),
      ...(s === 'c' ? [] : leadsOn(Date.UTC(2026, 2, 5), 10, s)),
    ])
    .map((l, i) => ({ ...l, id: i + 1 }));
  const agg = aggregateCohorts(
    buildSnapshot(rows, [], { timeZone: 'UTC', campaigns: [], sources: [] }),
    { grain: 'month', split: 'source', windowDays: 30 },
    Date.UTC(2026, 5, 1),
  );

  it('adds up every count of the series past N per cohort, and the totals', () => {
    const { agg: top, other } = topSeries(agg, 2);
    expect(top.series).toEqual(['a', 'b', OTHER_SERIES]);
    expect(other).toEqual(['c', 'd', 'e']);
    const jan = top.cells.filter((c) => c.cohort === 0);
    expect(jan.map((c) => [c.series, c.leads])).toEqual([
      [0, 50],
      [1, 40],
      [2, 30 + 20 + 10],
    ]);
    const mar = top.cells.filter((c) => c.cohort === 1);
    expect(mar.map((c) => [c.series, c.leads])).toEqual([
      [0, 10],
      [1, 10],
      [2, 20],
    ]);
    for (const key of ['leads', 'contacted', 'connected', 'converted', 'wrongNumber', 'dncHit'] as const) {
      expect(top.cells.reduce((s, c) => s + c[key], 0)).toBe(agg.cells.reduce((s, c) => s + c[key], 0));
      expect(top.totals.reduce((s, c) => s + c[key], 0)).toBe(agg.totals.reduce((s, c) => s + c[key], 0));
    }
    expect(top.totals[2]).toMatchObject({ series: 2, leads: 80, medianDaysToContact: null });
  });

  it('groups nothing when at most one series would be "other"', () => {
    expect(topSeries(agg, 4)).toEqual({ agg, other: [] });
    expect(topSeries(agg, 9).agg.series).toEqual(sources);
  });
});

describe('fillPeriodGaps: the time axis shows its gaps', () => {
  it('puts every missing quarter between Q1 2023 and Q2 2025', () => {
    const periods = ['2023-Q1', '2025-Q2'].map((key) => ({ key, start: cohortRange(key, 'UTC')!.from }));
    const axis = fillPeriodGaps(periods, 'quarter', 'UTC');
    expect(axis.map((p) => p.key)).toEqual([
      '2023-Q1',
      '2023-Q2',
      '2023-Q3',
      '2023-Q4',
      '2024-Q1',
      '2024-Q2',
      '2024-Q3',
      '2024-Q4',
      '2025-Q1',
      '2025-Q2',
    ]);
    expect(axis.map((p) => p.index)).toEqual([0, -1, -1, -1, -1, -1, -1, -1, -1, 1]);
  });

  it('keeps every given period in order and fills exactly the consecutive keys between (any grain, any zone)', () => {
    const grains: CohortGrain[] = ['day', 'week', 'month', 'quarter'];
    const zones = ['UTC', 'America/New_York', 'Australia/Sydney', 'Asia/Shanghai'];
    fc.assert(
      fc.property(
        fc.constantFrom(...grains),
        fc.constantFrom(...zones),
        fc.uniqueArray(fc.integer({ min: 0, max: 700 }), { minLength: 1, maxLength: 8 }),
        (grain, zone, days) => {
          const keys = [...new Set(days.map((d) => cohortKey(Date.UTC(2025, 0, 1) + d * DAY, grain, zone)))].sort();
          const periods = keys.map((key) => ({ key, start: cohortRange(key, zone)!.from }));
          const axis = fillPeriodGaps(periods, grain, zone);
          expect(axis.filter((p) => p.index >= 0).map((p) => p.key)).toEqual(keys);
          expect(axis[0]!.key).toBe(keys[0]);
          expect(axis[axis.length - 1]!.key).toBe(keys[keys.length - 1]);
          for (let i = 1; i < axis.length; i++) {
            // Consecutive: each period starts where the one before it ends.
            expect(axis[i]!.start).toBe(cohortRange(axis[i - 1]!.key, zone)!.to);
            expect(axis[i]!.key).toBe(cohortKey(axis[i]!.start, grain, zone));
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('leaves an axis longer than the limit unfilled', () => {
    const periods = ['2000-01-01', '2026-01-01'].map((key) => ({ key, start: cohortRange(key, 'UTC')!.from }));
    expect(fillPeriodGaps(periods, 'day', 'UTC', 100)).toHaveLength(2);
  });
});

describe('pageWindow: pages from the newest end', () => {
  it('shows the newest page first, then older ones, the oldest shorter', () => {
    expect(pageWindow(30, 12, 0)).toEqual({ first: 18, end: 30, page: 0, pages: 3 });
    expect(pageWindow(30, 12, 1)).toEqual({ first: 6, end: 18, page: 1, pages: 3 });
    expect(pageWindow(30, 12, 2)).toEqual({ first: 0, end: 6, page: 2, pages: 3 });
    expect(pageWindow(30, 12, 9)).toEqual({ first: 0, end: 6, page: 2, pages: 3 });
    expect(pageWindow(0, 12, 0)).toEqual({ first: 0, end: 0, page: 0, pages: 1 });
  });

  it('covers every period exactly once over all pages', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 1, max: 40 }), (total, size) => {
        const { pages } = pageWindow(total, size, 0);
        const seen: number[] = [];
        for (let p = pages - 1; p >= 0; p--) {
          const w = pageWindow(total, size, p);
          expect(w.end - w.first).toBeLessThanOrEqual(size);
          for (let i = w.first; i < w.end; i++) seen.push(i);
        }
        expect(seen).toEqual(Array.from({ length: total }, (_, i) => i));
      }),
    );
  });
});

describe('niceTicks: even y-ticks', () => {
  it('steps evenly in 1, 2, 2.5 or 5 × 10^k from 0 past the top', () => {
    expect(niceTicks(0.27, 5, 1)).toEqual([0, 0.1, 0.2, 0.3]);
    expect(niceTicks(0.9, 5, 1)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(niceTicks(1, 5, 1)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(niceTicks(1234)).toEqual([0, 500, 1000, 1500]);
    expect(niceTicks(0)).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });

  it('is always 0, equal steps, and reaches the maximum', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-4, max: 1e7, noNaN: true }), fc.integer({ min: 2, max: 10 }), (max, count) => {
        const ticks = niceTicks(max, count);
        expect(ticks[0]).toBe(0);
        expect(ticks[ticks.length - 1]!).toBeGreaterThanOrEqual(max * (1 - 1e-9));
        const step = ticks[1]! - ticks[0]!;
        for (let i = 1; i < ticks.length; i++) expect(ticks[i]! - ticks[i - 1]!).toBeCloseTo(step, 6);
        expect(ticks.length).toBeLessThanOrEqual(2 * count + 1);
      }),
    );
  });
});
