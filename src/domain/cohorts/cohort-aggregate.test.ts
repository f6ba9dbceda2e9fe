import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COHORT_GRAINS, MS_PER_DAY, cohortRange } from '../time/calendar';
import { COHORT_SPLITS, aggregateCohorts } from './cohort-aggregate';
import { buildSnapshot } from './snapshot-from-leads.test-helpers';
import { CAMPAIGNS, SOURCES, ZONES, referenceCells, worldArb } from './cohort-fixtures.test-helpers';
import type { CohortMetrics } from './cohort-rates';

const strip = ({ cohort: _c, series: _s, ...m }: CohortMetrics & { cohort: number; series: number }) => m;

describe('aggregateCohorts equals the naive reference over random leads and calls', () => {
  it('for every grain, split, zone, window and range', () => {
    fc.assert(
      fc.property(
        worldArb,
        fc.constantFrom(...COHORT_GRAINS),
        fc.constantFrom(...COHORT_SPLITS),
        fc.constantFrom(...ZONES),
        fc.integer({ min: 0, max: 120 }),
        fc.integer({ min: 0, max: 400 }),
        fc.option(fc.tuple(fc.integer({ min: 0, max: 220 }), fc.integer({ min: 0, max: 220 })), { nil: undefined }),
        (world, grain, split, zone, windowDays, nowDays, range) => {
          const snap = buildSnapshot(world.leads, world.calls, {
            timeZone: zone,
            campaigns: CAMPAIGNS,
            sources: SOURCES,
          });
          const now = Date.UTC(2025, 9, 1) + nowDays * MS_PER_DAY;
          // A range written as day keys, whatever the grain: the aggregate widens it to whole periods.
          const dayKey = (days: number) =>
            new Date(Date.UTC(2025, 9, 1) + days * MS_PER_DAY).toISOString().slice(0, 10);
          const [a, b] = range ? [Math.min(...range), Math.max(...range)] : [];
          const from = a === undefined ? undefined : dayKey(a);
          const to = b === undefined ? undefined : dayKey(b);
          const agg = aggregateCohorts(snap, { grain, split, windowDays, from, to }, now);
          const lo = from ? cohortRange(from, zone)!.from : -Infinity;
          const hi = to ? cohortRange(to, zone)!.to : Infinity;
          const keep = (key: string) => {
            const r = cohortRange(key, zone)!;
            return r.to > lo && r.from < hi;
          };
          const expected = referenceCells(world, grain, split, zone, windowDays, keep);
          const actual = new Map(
            agg.cells.map((c) => [`${agg.cohorts[c.cohort]!.key}|${agg.series[c.series]}`, strip(c)]),
          );
          expect(actual).toEqual(expected);
          for (const p of agg.cohorts) {
            const r = cohortRange(p.key, zone)!;
            expect([p.start, p.end]).toEqual([r.from, r.to]);
            expect(p.windowComplete).toBe(r.to + windowDays * MS_PER_DAY <= now);
          }
          const keys = agg.cohorts.map((c) => c.key);
          expect(keys).toEqual([...keys].sort());
          for (const t of agg.totals)
            expect(t.leads).toBe(agg.cells.filter((c) => c.series === t.series).reduce((s, c) => s + c.leads, 0));
        },
      ),
      { numRuns: 250 },
    );
  });
});

describe('aggregateCohorts on a hand-made example', () => {
  const lead = (id: number, iso: string, sourceId: string, extra: object = {}) => ({
    id,
    sourceId,
    region: 'US',
    entryMethod: 'api' as const,
    acquiredAt: Date.parse(iso),
    createdAt: Date.parse(iso),
    attempts: 0,
    dncStatus: 'clear' as const,
    ...extra,
  });
  const leads = [
    lead(1, '2026-03-01T12:00-05:00', 'web'),
    lead(2, '2026-03-31T23:30-04:00', 'web', {
      attempts: 1,
      firstContactAt: Date.parse('2026-04-02T10:00Z'),
      firstConnectedAt: Date.parse('2026-04-02T10:00Z'),
      convertedAt: Date.parse('2026-04-02T10:00Z'),
    }),
    lead(3, '2026-04-01T00:30-04:00', 'expo', { attempts: 2, firstContactAt: Date.parse('2026-04-03T10:00Z') }),
    lead(4, '2026-04-15T09:00-04:00', 'web'),
  ];
  const snap = buildSnapshot(leads, [], { timeZone: 'America/New_York', campaigns: [], sources: [] });

  it('puts 23:30 on 31 March in March and 00:30 on 1 April in April (New York wall clock)', () => {
    const agg = aggregateCohorts(
      snap,
      { grain: 'month', split: 'source', windowDays: 30 },
      Date.parse('2026-05-10T00:00Z'),
    );
    expect(agg.cohorts.map((c) => c.key)).toEqual(['2026-03', '2026-04']);
    expect(agg.series).toEqual(['web', 'expo']);
    expect(
      agg.cells.map((c) => [agg.cohorts[c.cohort]!.key, agg.series[c.series], c.leads, c.contacted, c.converted]),
    ).toEqual([
      ['2026-03', 'web', 2, 1, 1],
      ['2026-04', 'web', 1, 0, 0],
      ['2026-04', 'expo', 1, 1, 0],
    ]);
    // March ended 1 April 04:00Z; + 30 days = 1 May: complete on 10 May. April + 30 days = 31 May: not yet.
    expect(agg.cohorts.map((c) => c.windowComplete)).toEqual([true, false]);
    expect(agg.totals.map((t) => [agg.series[t.series], t.leads])).toEqual([
      ['web', 3],
      ['expo', 1],
    ]);
    expect(agg.keys).toEqual(['2026-03', '2026-04']);
  });

  it('limits to a range of cohorts and lists every period for the range pickers', () => {
    const agg = aggregateCohorts(
      snap,
      { grain: 'month', split: 'none', windowDays: 30, from: '2026-04', to: '2026-04' },
      Date.parse('2026-05-10T00:00Z'),
    );
    expect(agg.cohorts.map((c) => c.key)).toEqual(['2026-04']);
    expect(agg.cells).toHaveLength(1);
    expect(agg.cells[0]!.leads).toBe(2);
    expect(agg.keys).toEqual(['2026-03', '2026-04']);
  });

  it('is empty, not broken, over no leads', () => {
    const empty = buildSnapshot([], [], { timeZone: 'UTC', campaigns: [], sources: [] });
    const agg = aggregateCohorts(empty, { grain: 'week', split: 'source', windowDays: 30 }, 0);
    expect(agg).toMatchObject({ cohorts: [], cells: [], series: [], totals: [], keys: [], keyStarts: [] });
  });
});
