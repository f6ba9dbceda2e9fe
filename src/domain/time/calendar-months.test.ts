/** monthsBetween in UTC (plain-date arithmetic) answers exactly as date-fns' differenceInMonths on TZDates. */
import { TZDate } from '@date-fns/tz';
import { differenceInMonths } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { monthsBetween } from './calendar';

const reference = (from: number, to: number) => differenceInMonths(new TZDate(to, 'UTC'), new TZDate(from, 'UTC'));
const FROM = Date.UTC(1999, 0, 1);
const TO = Date.UTC(2041, 0, 1);
/** Any instant, or one near a month's end or start (where the February and last-day rules apply). */
const instant = fc.oneof(
  fc.integer({ min: FROM, max: TO }),
  fc
    .record({
      y: fc.integer({ min: 2000, max: 2040 }),
      m: fc.integer({ min: 0, max: 11 }),
      d: fc.integer({ min: -3, max: 3 }),
      ms: fc.integer({ min: 0, max: 86_399_999 }),
    })
    .map(({ y, m, d, ms }) => Date.UTC(y, m + 1, d) + ms),
);

describe('monthsBetween (UTC)', () => {
  it('equals date-fns differenceInMonths for any two instants, either order', () => {
    fc.assert(
      fc.property(instant, instant, (a, b) => {
        expect(monthsBetween(a, b)).toBe(reference(a, b));
      }),
      { numRuns: 20_000 },
    );
  });

  it('holds at the known edges: month ends, February, the same instant', () => {
    const cases: [string, string][] = [
      ['2024-01-31T10:00:00Z', '2024-02-29T09:00:00Z'],
      ['2024-01-31T10:00:00Z', '2024-02-29T11:00:00Z'],
      ['2023-01-31T00:00:00Z', '2023-02-28T00:00:00Z'],
      ['2024-03-31T12:00:00Z', '2024-04-30T12:00:00Z'],
      ['2024-02-29T12:00:00Z', '2025-02-28T12:00:00Z'],
      ['2024-05-15T00:00:00Z', '2024-05-15T00:00:00Z'],
      ['2025-12-31T23:59:59Z', '2024-11-30T00:00:00Z'],
    ];
    for (const [a, b] of cases)
      expect(monthsBetween(Date.parse(a), Date.parse(b))).toBe(reference(Date.parse(a), Date.parse(b)));
  });
});
