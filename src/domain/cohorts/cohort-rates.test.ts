import { describe, expect, it } from 'vitest';
import { MS_PER_DAY } from '../time/calendar';
import type { Lead } from '../leads/lead';
import { cohortMetrics, leadOutcome, median, rateOf, type LeadOutcome } from './cohort-rates';

const T = Date.UTC(2026, 2, 1);
const d = (days: number) => T + days * MS_PER_DAY;

/**
 * Eight leads of one cohort, each with what happened to it. Acquired on day 0 unless said.
 *   #  entered  calls                         contacted connected converted(day) wrong dnc
 *   1  day 0    none                          –         –         –              –     –
 *   2  day 0    day 1 no-answer               ✓         –         –              –     –
 *   3  day 0    day 2 connected               ✓         ✓         –              –     –
 *   4  day 0    day 1 converted               ✓         ✓         1              –     –
 *   5  day 10   day 12 wrong-number           ✓         ✓         –              ✓     –
 *   6  day 30   day 31 dnc-requested          ✓         ✓         –              –     ✓
 *   7  day 0    day 4 converted (day 40)      ✓         ✓         40             –     –
 *   8  day 0    none, on a DNC list           –         –         –              –     ✓
 */
const leads: LeadOutcome[] = [
  { acquiredAt: d(0), createdAt: d(0), contacted: false, connected: false, wrongNumber: false, dncHit: false },
  {
    acquiredAt: d(0),
    createdAt: d(0),
    contacted: true,
    firstContactAt: d(1),
    connected: false,
    wrongNumber: false,
    dncHit: false,
  },
  {
    acquiredAt: d(0),
    createdAt: d(0),
    contacted: true,
    firstContactAt: d(2),
    connected: true,
    wrongNumber: false,
    dncHit: false,
  },
  {
    acquiredAt: d(0),
    createdAt: d(0),
    contacted: true,
    firstContactAt: d(1),
    connected: true,
    convertedAt: d(1),
    wrongNumber: false,
    dncHit: false,
  },
  {
    acquiredAt: d(0),
    createdAt: d(10),
    contacted: true,
    firstContactAt: d(12),
    connected: true,
    wrongNumber: true,
    dncHit: false,
  },
  {
    acquiredAt: d(0),
    createdAt: d(30),
    contacted: true,
    firstContactAt: d(31),
    connected: true,
    wrongNumber: false,
    dncHit: true,
  },
  {
    acquiredAt: d(0),
    createdAt: d(0),
    contacted: true,
    firstContactAt: d(4),
    connected: true,
    convertedAt: d(40),
    wrongNumber: false,
    dncHit: false,
  },
  { acquiredAt: d(0), createdAt: d(0), contacted: false, connected: false, wrongNumber: false, dncHit: true },
];

describe('cohortMetrics: every metric of DESIGN.md §5 on a hand-worked cohort', () => {
  const m = cohortMetrics(leads, 30);

  it('counts leads, contacted, connected, converted, wrong numbers and DNC hits', () => {
    expect(m).toMatchObject({
      leads: 8,
      contacted: 6,
      connected: 5,
      converted: 2,
      convertedWithin: 1,
      wrongNumber: 1,
      dncHit: 2,
    });
  });

  it.each([
    { metric: 'connectRate' as const, numerator: 5, denominator: 6, why: 'connected ÷ contacted' },
    { metric: 'conversionRate' as const, numerator: 2, denominator: 8, why: 'converted ÷ all leads' },
    {
      metric: 'conversionWithinRate' as const,
      numerator: 1,
      denominator: 8,
      why: 'converted within 30 days ÷ all leads (lead 7 took 40)',
    },
    { metric: 'wrongNumberRate' as const, numerator: 1, denominator: 6, why: 'wrong numbers ÷ contacted' },
    {
      metric: 'dncHitRate' as const,
      numerator: 2,
      denominator: 8,
      why: 'listed or asked not to be called ÷ all leads',
    },
  ])('$metric = $numerator / $denominator ($why)', ({ metric, numerator, denominator }) => {
    const r = rateOf(m, metric);
    expect([r.numerator, r.denominator]).toEqual([numerator, denominator]);
    expect(r.rate).toBeCloseTo(numerator / denominator, 12);
    expect(r.low!).toBeLessThan(r.rate!);
  });

  it('takes medians: days entry → first contact, acquisition → conversion, data age at entry', () => {
    // To first contact from entry: 1, 2, 1, 2, 1, 4 → sorted 1 1 1 2 2 4 → (1 + 2) / 2.
    expect(m.medianDaysToContact).toBe(1.5);
    // To conversion from acquisition: 1 and 40.
    expect(m.medianDaysToConversion).toBe(20.5);
    // Data age: 0 ×6, 10, 30 → median of eight values (0 + 0) / 2.
    expect(m.medianDataAgeDays).toBe(0);
  });

  it('moves "converted within N" with N, and never the all-time conversions', () => {
    expect(cohortMetrics(leads, 0).convertedWithin).toBe(0);
    expect(cohortMetrics(leads, 1).convertedWithin).toBe(1);
    expect(cohortMetrics(leads, 40).convertedWithin).toBe(2);
    expect(cohortMetrics(leads, 40).converted).toBe(2);
  });

  it('gives nulls, not zeros, for an empty cohort', () => {
    const e = cohortMetrics([], 30);
    expect(e).toMatchObject({
      leads: 0,
      medianDaysToContact: null,
      medianDaysToConversion: null,
      medianDataAgeDays: null,
    });
    expect(rateOf(e, 'connectRate').rate).toBeNull();
  });
});

describe('median', () => {
  it.each([
    { values: [], expected: null },
    { values: [3], expected: 3 },
    { values: [5, 1], expected: 3 },
    { values: [9, 1, 5], expected: 5 },
    { values: [4, 1, 3, 2], expected: 2.5 },
  ])('$values → $expected', ({ values, expected }) => expect(median(values)).toBe(expected));
});

describe('leadOutcome: a lead and its calls', () => {
  const base = {
    acquiredAt: T,
    createdAt: T,
    attempts: 2,
    firstContactAt: d(1),
    firstConnectedAt: d(2),
    dncStatus: 'clear',
  } as Lead;
  it('finds wrong numbers and DNC requests in the calls, and DNC listings on the lead', () => {
    expect(leadOutcome(base, [{ outcome: 'no-answer' }, { outcome: 'wrong-number' }])).toMatchObject({
      contacted: true,
      connected: true,
      wrongNumber: true,
      dncHit: false,
    });
    expect(leadOutcome(base, [{ outcome: 'dnc-requested' }])).toMatchObject({ wrongNumber: false, dncHit: true });
    expect(leadOutcome({ ...base, dncStatus: 'listed' }, [])).toMatchObject({ dncHit: true });
    expect(
      leadOutcome({ ...base, attempts: 0, firstContactAt: undefined, firstConnectedAt: undefined }, []),
    ).toMatchObject({ contacted: false, connected: false });
  });
});
