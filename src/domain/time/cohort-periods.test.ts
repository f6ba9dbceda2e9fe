/**
 * Period starts read off the cached zone offsets equal date-fns' TZDate arithmetic (the code
 * they replaced, kept here as the oracle) at any instant, in zones with DST at midnight
 * (São Paulo until 2019, Beirut, Havana), a day skipped whole (Apia, 2011-12-30), half- and
 * three-quarter-hour offsets and the southern hemisphere.
 */
import { TZDate } from '@date-fns/tz';
import { addDays, addMonths, startOfDay, startOfISOWeek, startOfMonth, startOfQuarter } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COHORT_GRAINS, cohortKey, nextPeriodStart, periodStart, type CohortGrain } from './cohort-periods';

function referenceStart(ms: number, grain: CohortGrain, timeZone: string): number {
  const d = new TZDate(ms, timeZone);
  const start = { day: startOfDay, week: startOfISOWeek, month: startOfMonth, quarter: startOfQuarter }[grain];
  return start(d).getTime();
}

function referenceNext(ms: number, grain: CohortGrain, timeZone: string): number {
  const start = new TZDate(referenceStart(ms, grain, timeZone), timeZone);
  const later =
    grain === 'day'
      ? addDays(start, 1)
      : grain === 'week'
        ? addDays(start, 7)
        : addMonths(start, grain === 'month' ? 1 : 3);
  return referenceStart(later.getTime(), grain, timeZone);
}

const ZONES = [
  'UTC',
  'Europe/Berlin',
  'America/Sao_Paulo',
  'Asia/Beirut',
  'America/Havana',
  'Pacific/Apia',
  'Asia/Kolkata',
  'Australia/Lord_Howe',
  'Asia/Shanghai',
  'America/New_York',
];

describe('cohort period starts from the cached zone offsets', () => {
  it('equal date-fns for every grain, zone and instant from 1990 to 2040, midnight DST edges included', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) }),
          // Within a day of a year's DST-prone dates, where midnights go missing.
          fc
            .tuple(
              fc.integer({ min: 1990, max: 2030 }),
              fc.integer({ min: 0, max: 11 }),
              fc.integer({ min: -36, max: 36 }),
            )
            .map(([y, m, h]) => Date.UTC(y, m, 1) + h * 3_600_000),
          fc.integer({ min: Date.UTC(2011, 11, 28), max: Date.UTC(2012, 0, 2) }),
        ),
        fc.constantFrom(...COHORT_GRAINS),
        fc.constantFrom(...ZONES),
        (ms, grain, zone) => {
          expect(periodStart(ms, grain, zone)).toBe(referenceStart(ms, grain, zone));
          expect(nextPeriodStart(ms, grain, zone)).toBe(referenceNext(ms, grain, zone));
        },
      ),
      { numRuns: 4000 },
    );
  });

  it('walk São Paulo days across its midnight DST starts: each day once, each starting at its first instant', () => {
    const zone = 'America/Sao_Paulo';
    let at = periodStart(Date.UTC(2018, 10, 1, 12), 'day', zone);
    const keys: string[] = [];
    for (let i = 0; i < 10; i++) {
      keys.push(cohortKey(at, 'day', zone));
      const next = nextPeriodStart(at, 'day', zone);
      expect(next).toBeGreaterThan(at);
      at = next;
    }
    // 2018-11-04 began at 01:00 (clocks jumped from midnight): still one period, with its own key.
    expect(keys).toEqual(Array.from({ length: 10 }, (_, i) => `2018-11-${String(i + 1).padStart(2, '0')}`));
  });

  it('skip the day Apia never had', () => {
    const zone = 'Pacific/Apia';
    const dec29 = periodStart(Date.UTC(2011, 11, 29, 12), 'day', zone);
    expect(cohortKey(dec29, 'day', zone)).toBe('2011-12-29');
    expect(cohortKey(nextPeriodStart(dec29, 'day', zone), 'day', zone)).toBe('2011-12-31');
  });
});
