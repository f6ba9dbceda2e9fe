/**
 * `addMonths` by day-number arithmetic (civil-days.ts) equals the Date-based rule it replaced, kept
 * here as the oracle: any instant, any whole or fractional number of months, in zones with DST,
 * half- and three-quarter-hour offsets and a skipped day. (The oracle's month-end clamp read years
 * 0–99 as 1900–1999 through Date.UTC, so those years are left out: no acquisition is that old.)
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths } from './calendar';
import { civilFromDays, daysFromCivil, daysInMonth } from './civil-days';
import { fromWall, toWall } from './zone-offset';

function oracleAddMonths(ms: number, months: number, timeZone = 'UTC'): number {
  const d = new Date(toWall(ms, timeZone));
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, lastDay));
  return fromWall(d.getTime(), timeZone);
}

const ZONES = [
  'UTC',
  'Europe/Berlin',
  'America/New_York',
  'Asia/Kolkata',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'America/Sao_Paulo',
  'Pacific/Apia',
  'Asia/Shanghai',
];
const YEAR_100 = Date.UTC(100, 0, 1) + 2 * 86_400_000;
/**
 * A Date's last instant less 150 years: within a month's reach of that limit the oracle gives NaN
 * where the next month's first day is past it (its clamp asks Date.UTC for it), and the zones'
 * offsets are not looked up there (zone-offset.ts). Nothing real is dated so far off.
 */
const FAR = 8.64e15 - 150 * 366 * 86_400_000;

describe('addMonths', () => {
  it('equals the Date-based rule for any instant, months and zone', () => {
    const instant = fc.oneof(
      fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2100, 0, 1) }),
      fc.integer({ min: YEAR_100, max: FAR }),
      fc.integer({ min: -FAR, max: -2 * 86_400_000 }),
      // Month ends, leap days and the instants around midnight.
      fc
        .tuple(fc.integer({ min: 1990, max: 2040 }), fc.integer({ min: 0, max: 11 }), fc.integer({ min: 27, max: 31 }))
        .map(([y, m, d]) => Date.UTC(y, m, d, 23, 30)),
    );
    fc.assert(
      fc.property(
        instant,
        fc.oneof(fc.integer({ min: -1_200, max: 1_200 }), fc.double({ min: -30, max: 30, noNaN: true })),
        fc.constantFrom(...ZONES),
        (ms, months, zone) => {
          expect(addMonths(ms, months, zone)).toBe(oracleAddMonths(ms, months, zone));
        },
      ),
      { numRuns: 3_000 },
    );
  });

  it('keeps the wall clock, clamps to the month’s end, and gives NaN where a Date would', () => {
    expect(addMonths(Date.UTC(2024, 0, 31, 9), 1)).toBe(Date.UTC(2024, 1, 29, 9));
    expect(addMonths(Date.UTC(2023, 0, 31, 9), 1)).toBe(Date.UTC(2023, 1, 28, 9));
    expect(addMonths(Date.UTC(2024, 1, 29), 12)).toBe(Date.UTC(2025, 1, 28));
    expect(addMonths(Date.UTC(2024, 2, 15, 12), -14, 'Europe/Berlin')).toBe(
      oracleAddMonths(Date.UTC(2024, 2, 15, 12), -14, 'Europe/Berlin'),
    );
    for (const bad of [NaN, Infinity, -Infinity, 8.64e15 + 1]) expect(addMonths(bad, 1)).toBeNaN();
    expect(addMonths(Date.UTC(2024, 0, 1), Infinity)).toBeNaN();
    expect(addMonths(8.64e15, 1)).toBeNaN();
    expect(addMonths(-8.64e15, 0)).toBe(oracleAddMonths(-8.64e15, 0));
  });
});

describe('civil days', () => {
  it('round-trips every day and agrees with Date on the date and the month’s length', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100_000_000, max: 100_000_000 }), (days) => {
        const [y, m, d] = civilFromDays(days);
        expect(daysFromCivil(y, m, d)).toBe(days);
        const date = new Date(days * 86_400_000);
        expect([y, m, d]).toEqual([date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()]);
        const next = new Date(date);
        next.setUTCDate(1);
        next.setUTCMonth(next.getUTCMonth() + 1);
        next.setUTCDate(0);
        if (!Number.isNaN(next.getTime())) expect(daysInMonth(y, m)).toBe(next.getUTCDate());
      }),
      { numRuns: 5_000 },
    );
  });
});
