import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchesLeadFilter, type LeadDerived } from '../leads/lead-filter';
import { COHORT_GRAINS, MS_PER_DAY } from '../time/calendar';
import { COHORT_SPLITS, aggregateCohorts } from './cohort-aggregate';
import { buildSnapshot } from './snapshot-from-leads.test-helpers';
import { CAMPAIGNS, SOURCES, ZONES, worldArb } from './cohort-fixtures.test-helpers';
import { COHORT_METRICS, RATE_PARTS, isRateMetric } from './cohort-rates';
import { campaignFilter, denominatorFilter, numeratorFilter } from './drill-down';

const derived: LeadDerived = { consent: 'valid', dnc: 'clear', reasons: [], callable: true };

describe('drill-down: the leads grid filter of a figure selects exactly the leads it counts', () => {
  it('denominator (and numerator where expressible) of every cell, any grain, split and zone', () => {
    fc.assert(
      fc.property(
        worldArb,
        fc.constantFrom(...COHORT_GRAINS),
        fc.constantFrom(...COHORT_SPLITS),
        fc.constantFrom(...ZONES),
        fc.constantFrom(...COHORT_METRICS),
        (world, grain, split, zone, metric) => {
          const now = Date.UTC(2026, 11, 1);
          const agg = aggregateCohorts(
            buildSnapshot(world.leads, world.calls, { timeZone: zone, campaigns: CAMPAIGNS, sources: SOURCES }),
            { grain, split, windowDays: 30 },
            now,
          );
          const count = (f: ReturnType<typeof denominatorFilter>) =>
            world.leads.filter((l) =>
              matchesLeadFilter(l, derived, f, { orgTimeZone: zone, dormantMs: 90 * 86_400_000, now }),
            ).length;
          for (const cell of agg.cells) {
            const key = agg.cohorts[cell.cohort]!.key;
            const value = split === 'none' ? undefined : agg.series[cell.series];
            const expected = isRateMetric(metric)
              ? cell[RATE_PARTS[metric].denominator]
              : metric === 'contacted' || metric === 'medianDaysToContact'
                ? cell.contacted
                : metric === 'medianDaysToConversion'
                  ? cell.converted
                  : cell.leads;
            expect(count(denominatorFilter(key, split, value, metric))).toBe(expected);
            const num = numeratorFilter(key, split, value, metric);
            if (num && isRateMetric(metric)) expect(count(num)).toBe(cell[RATE_PARTS[metric].numerator]);
          }
        },
      ),
      { numRuns: 80 },
    );
  });

  it('opens a campaign’s members by each rule', () => {
    const c = {
      id: 'expo-fu',
      name: 'Expo',
      channel: 'phone',
      event: 'expo',
      startsAt: Date.UTC(2026, 2, 1, 5),
      endsAt: Date.UTC(2026, 4, 1, 4),
    };
    expect(campaignFilter(c, 'explicit', SOURCES, 'America/New_York')).toEqual({ campaign: ['expo-fu'] });
    expect(campaignFilter(c, 'window', SOURCES, 'America/New_York')).toEqual({
      campaign: [''],
      source: ['expo'],
      acquiredFrom: '2026-03-01',
      acquiredTo: '2026-04-30',
    });
    expect(campaignFilter({ ...c, event: undefined, channel: 'vendor' }, 'window', SOURCES, 'UTC')).toMatchObject({
      source: ['vendor'],
    });
    expect(campaignFilter({ ...c, event: undefined, channel: 'file' }, 'window', SOURCES, 'UTC')).toMatchObject({
      entry: ['file'],
    });
    expect(MS_PER_DAY).toBeGreaterThan(0);
  });
});
