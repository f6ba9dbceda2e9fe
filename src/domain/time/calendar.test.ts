import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TZDate, tzOffset, tzScan } from '@date-fns/tz';
import { addDays as dfAddDays, addMonths as dfAddMonths, format, startOfDay as dfStartOfDay } from 'date-fns';
import {
  COHORT_GRAINS,
  EARLIEST_ACQUISITION,
  MS_PER_DAY,
  MS_PER_HOUR,
  MS_PER_MINUTE,
  acquisitionTimeProblem,
  addBusinessDays,
  addDays,
  addMonths,
  atLocalMinute,
  calendarDaysBetween,
  cohortKey,
  cohortRange,
  exactInstantOfWallClock,
  startOfWallDay,
  localClock,
  parseLocal,
  startOfLocalDay,
  toIsoWithOffset,
  zoneOffsetMs,
  type CohortGrain,
} from './calendar';

const NY = 'America/New_York';
const BERLIN = 'Europe/Berlin';
const SHANGHAI = 'Asia/Shanghai';
const SYDNEY = 'Australia/Sydney';
const UTC = 'UTC';

/** An instant written as ISO 8601 with its offset, so each example says which wall clock it means. */
const t = (iso: string): number => {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`bad instant in test: ${iso}`);
  return ms;
};

describe('cohortKey: the period an instant falls in, on the wall clock of a zone', () => {
  it.each([
    {
      at: '2026-03-14T12:00Z',
      zone: UTC,
      day: '2026-03-14',
      week: '2026-W11',
      month: '2026-03',
      quarter: '2026-Q1',
      why: 'an ordinary Saturday in UTC',
    },
    {
      at: '2026-03-31T23:59-04:00',
      zone: NY,
      day: '2026-03-31',
      week: '2026-W14',
      month: '2026-03',
      quarter: '2026-Q1',
      why: 'the last minute of Q1 in New York (already Q2 in UTC)',
    },
    {
      at: '2026-04-01T00:00+08:00',
      zone: SHANGHAI,
      day: '2026-04-01',
      week: '2026-W14',
      month: '2026-04',
      quarter: '2026-Q2',
      why: 'midnight in Shanghai starts Q2 while UTC is still in March',
    },
    {
      at: '2026-03-31T23:59+08:00',
      zone: SHANGHAI,
      day: '2026-03-31',
      week: '2026-W14',
      month: '2026-03',
      quarter: '2026-Q1',
      why: 'one minute earlier it is still March in Shanghai',
    },
    // US spring forward 2026-03-08 02:00 EST → 03:00 EDT
    {
      at: '2026-03-08T00:00-05:00',
      zone: NY,
      day: '2026-03-08',
      week: '2026-W10',
      month: '2026-03',
      quarter: '2026-Q1',
      why: 'New York: midnight before spring forward',
    },
    {
      at: '2026-03-08T01:59-05:00',
      zone: NY,
      day: '2026-03-08',
      week: '2026-W10',
      month: '2026-03',
      quarter: '2026-Q1',
      why: 'New York: a minute before the gap',
    },
    {
      at: '2026-03-08T03:00-04:00',
      zone: NY,
      day: '2026-03-08',
      week: '2026-W10',
      month: '2026-03',
      quarter: '2026-Q1',
      why: 'New York: first minute after the gap',
    },
    {
      at: '2026-03-08T23:59-04:00',
      zone: NY,
      day: '2026-03-08',
      week: '2026-W10',
      month: '2026-03',
      quarter: '2026-Q1',
      why: 'New York: the 23-hour day ends on daylight time',
    },
    // US fall back 2026-11-01 02:00 EDT → 01:00 EST
    {
      at: '2026-10-31T23:59-04:00',
      zone: NY,
      day: '2026-10-31',
      week: '2026-W44',
      month: '2026-10',
      quarter: '2026-Q4',
      why: 'New York: last minute of October',
    },
    {
      at: '2026-11-01T01:30-04:00',
      zone: NY,
      day: '2026-11-01',
      week: '2026-W44',
      month: '2026-11',
      quarter: '2026-Q4',
      why: 'New York: 01:30 the first time (EDT)',
    },
    {
      at: '2026-11-01T01:30-05:00',
      zone: NY,
      day: '2026-11-01',
      week: '2026-W44',
      month: '2026-11',
      quarter: '2026-Q4',
      why: 'New York: 01:30 the second time (EST)',
    },
    {
      at: '2026-11-01T23:59-05:00',
      zone: NY,
      day: '2026-11-01',
      week: '2026-W44',
      month: '2026-11',
      quarter: '2026-Q4',
      why: 'New York: the 25-hour day ends on standard time',
    },
    // EU spring forward 2026-03-29 02:00 CET → 03:00 CEST; fall back 2026-10-25 03:00 CEST → 02:00 CET
    {
      at: '2026-03-29T00:00+01:00',
      zone: BERLIN,
      day: '2026-03-29',
      week: '2026-W13',
      month: '2026-03',
      quarter: '2026-Q1',
      why: 'Berlin: midnight before spring forward',
    },
    {
      at: '2026-03-29T23:59+02:00',
      zone: BERLIN,
      day: '2026-03-29',
      week: '2026-W13',
      month: '2026-03',
      quarter: '2026-Q1',
      why: 'Berlin: the 23-hour day ends on summer time',
    },
    {
      at: '2026-03-30T00:00+02:00',
      zone: BERLIN,
      day: '2026-03-30',
      week: '2026-W14',
      month: '2026-03',
      quarter: '2026-Q1',
      why: 'Berlin: Monday after spring forward starts week 14',
    },
    {
      at: '2026-10-25T02:30+02:00',
      zone: BERLIN,
      day: '2026-10-25',
      week: '2026-W43',
      month: '2026-10',
      quarter: '2026-Q4',
      why: 'Berlin: 02:30 the first time (CEST)',
    },
    {
      at: '2026-10-25T02:30+01:00',
      zone: BERLIN,
      day: '2026-10-25',
      week: '2026-W43',
      month: '2026-10',
      quarter: '2026-Q4',
      why: 'Berlin: 02:30 the second time (CET)',
    },
    {
      at: '2026-10-25T23:59+01:00',
      zone: BERLIN,
      day: '2026-10-25',
      week: '2026-W43',
      month: '2026-10',
      quarter: '2026-Q4',
      why: 'Berlin: the 25-hour day ends on winter time',
    },
    // Sydney (southern hemisphere): fall back 2026-04-05, spring forward 2026-10-04
    {
      at: '2026-04-05T02:30+11:00',
      zone: SYDNEY,
      day: '2026-04-05',
      week: '2026-W14',
      month: '2026-04',
      quarter: '2026-Q2',
      why: 'Sydney: 02:30 the first time (AEDT)',
    },
    {
      at: '2026-10-04T03:00+11:00',
      zone: SYDNEY,
      day: '2026-10-04',
      week: '2026-W40',
      month: '2026-10',
      quarter: '2026-Q4',
      why: 'Sydney: first minute after spring forward',
    },
    // Year boundaries: 2026 has 53 ISO weeks (1 January 2026 is a Thursday)
    {
      at: '2026-12-31T12:00Z',
      zone: UTC,
      day: '2026-12-31',
      week: '2026-W53',
      month: '2026-12',
      quarter: '2026-Q4',
      why: 'Thursday 31 December 2026 is in week 53',
    },
    {
      at: '2027-01-01T00:00+11:00',
      zone: SYDNEY,
      day: '2027-01-01',
      week: '2026-W53',
      month: '2027-01',
      quarter: '2027-Q1',
      why: 'New Year in Sydney: a new year, still ISO week 2026-W53',
    },
    {
      at: '2027-01-01T00:00+01:00',
      zone: BERLIN,
      day: '2027-01-01',
      week: '2026-W53',
      month: '2027-01',
      quarter: '2027-Q1',
      why: 'New Year in Berlin',
    },
    {
      at: '2026-12-31T23:59-05:00',
      zone: NY,
      day: '2026-12-31',
      week: '2026-W53',
      month: '2026-12',
      quarter: '2026-Q4',
      why: 'New York is still in 2026 while UTC is in 2027',
    },
    {
      at: '2027-01-03T23:59Z',
      zone: UTC,
      day: '2027-01-03',
      week: '2026-W53',
      month: '2027-01',
      quarter: '2027-Q1',
      why: 'Sunday 3 January 2027 closes 2026-W53',
    },
    {
      at: '2027-01-04T00:00Z',
      zone: UTC,
      day: '2027-01-04',
      week: '2027-W01',
      month: '2027-01',
      quarter: '2027-Q1',
      why: 'Monday 4 January 2027 opens 2027-W01',
    },
    {
      at: '2024-12-30T00:00Z',
      zone: UTC,
      day: '2024-12-30',
      week: '2025-W01',
      month: '2024-12',
      quarter: '2024-Q4',
      why: 'Monday 30 December 2024 belongs to 2025-W01',
    },
    {
      at: '2024-12-29T23:59Z',
      zone: UTC,
      day: '2024-12-29',
      week: '2024-W52',
      month: '2024-12',
      quarter: '2024-Q4',
      why: 'the Sunday before is the last day of 2024-W52',
    },
    {
      at: '2024-12-30T00:30+08:00',
      zone: SHANGHAI,
      day: '2024-12-30',
      week: '2025-W01',
      month: '2024-12',
      quarter: '2024-Q4',
      why: 'in Shanghai week 2025-W01 starts while UTC is on Sunday',
    },
    {
      at: '2021-01-03T12:00Z',
      zone: UTC,
      day: '2021-01-03',
      week: '2020-W53',
      month: '2021-01',
      quarter: '2021-Q1',
      why: 'leap year 2020 starting on a Wednesday has 53 weeks',
    },
  ])('$why ($zone)', ({ at, zone, day, week, month, quarter }) => {
    const ms = t(at);
    expect({
      day: cohortKey(ms, 'day', zone),
      week: cohortKey(ms, 'week', zone),
      month: cohortKey(ms, 'month', zone),
      quarter: cohortKey(ms, 'quarter', zone),
    }).toEqual({
      day,
      week,
      month,
      quarter,
    });
  });
});

describe('cohortRange: the half-open instant range a key covers', () => {
  it.each([
    { key: '2026-03-14', zone: UTC, from: '2026-03-14T00:00Z', to: '2026-03-15T00:00Z', hours: 24 },
    { key: '2026-03-08', zone: NY, from: '2026-03-08T00:00-05:00', to: '2026-03-09T00:00-04:00', hours: 23 },
    { key: '2026-11-01', zone: NY, from: '2026-11-01T00:00-04:00', to: '2026-11-02T00:00-05:00', hours: 25 },
    { key: '2026-03-29', zone: BERLIN, from: '2026-03-29T00:00+01:00', to: '2026-03-30T00:00+02:00', hours: 23 },
    { key: '2026-10-25', zone: BERLIN, from: '2026-10-25T00:00+02:00', to: '2026-10-26T00:00+01:00', hours: 25 },
    { key: '2026-04-05', zone: SYDNEY, from: '2026-04-05T00:00+11:00', to: '2026-04-06T00:00+10:00', hours: 25 },
    { key: '2026-03-15', zone: SHANGHAI, from: '2026-03-15T00:00+08:00', to: '2026-03-16T00:00+08:00', hours: 24 },
    { key: '2026-W53', zone: UTC, from: '2026-12-28T00:00Z', to: '2027-01-04T00:00Z', hours: 7 * 24 },
    { key: '2027-W01', zone: BERLIN, from: '2027-01-04T00:00+01:00', to: '2027-01-11T00:00+01:00', hours: 7 * 24 },
    { key: '2025-W01', zone: UTC, from: '2024-12-30T00:00Z', to: '2025-01-06T00:00Z', hours: 7 * 24 },
    { key: '2026-W10', zone: NY, from: '2026-03-02T00:00-05:00', to: '2026-03-09T00:00-04:00', hours: 7 * 24 - 1 },
    { key: '2026-02', zone: UTC, from: '2026-02-01T00:00Z', to: '2026-03-01T00:00Z', hours: 28 * 24 },
    { key: '2024-02', zone: SHANGHAI, from: '2024-02-01T00:00+08:00', to: '2024-03-01T00:00+08:00', hours: 29 * 24 },
    { key: '2026-03', zone: BERLIN, from: '2026-03-01T00:00+01:00', to: '2026-04-01T00:00+02:00', hours: 31 * 24 - 1 },
    { key: '2026-Q4', zone: NY, from: '2026-10-01T00:00-04:00', to: '2027-01-01T00:00-05:00', hours: 92 * 24 + 1 },
    { key: '2027-Q1', zone: SYDNEY, from: '2027-01-01T00:00+11:00', to: '2027-04-01T00:00+11:00', hours: 90 * 24 },
  ])('$key in $zone is $hours hours long', ({ key, zone, from, to, hours }) => {
    const range = cohortRange(key, zone);
    expect(range).not.toBeNull();
    expect({ from: range!.from, to: range!.to }).toEqual({ from: t(from), to: t(to) });
    expect((range!.to - range!.from) / MS_PER_HOUR).toBe(hours);
    expect(cohortKey(range!.from, range!.grain, zone)).toBe(key);
    expect(cohortKey(range!.to - 1, range!.grain, zone)).toBe(key);
    expect(cohortKey(range!.from - 1, range!.grain, zone)).not.toBe(key);
    expect(cohortKey(range!.to, range!.grain, zone)).not.toBe(key);
  });

  it.each([
    { key: '2024-02-30', why: 'a day that does not exist' },
    { key: '2026-13', why: 'month 13' },
    { key: '2026-00', why: 'month 0' },
    { key: '2026-W00', why: 'week 0' },
    { key: '2025-W53', why: 'week 53 of a 52-week year' },
    { key: '2026-Q5', why: 'quarter 5' },
    { key: '2026/03', why: 'not a key at all' },
    { key: '', why: 'empty' },
  ])('refuses $key: $why', ({ key }) => {
    expect(cohortRange(key, UTC)).toBeNull();
  });
});

describe('addMonths: calendar months, clamped to the month end, keeping the wall clock', () => {
  it.each([
    { from: '2026-01-31T10:00Z', months: 1, zone: UTC, to: '2026-02-28T10:00Z', why: 'Jan 31 + 1 month = Feb 28' },
    {
      from: '2024-01-31T10:00Z',
      months: 1,
      zone: UTC,
      to: '2024-02-29T10:00Z',
      why: 'Jan 31 + 1 month = Feb 29 in a leap year',
    },
    { from: '2024-02-29T10:00Z', months: 12, zone: UTC, to: '2025-02-28T10:00Z', why: 'a leap day + 1 year = Feb 28' },
    { from: '2026-03-31T10:00Z', months: -1, zone: UTC, to: '2026-02-28T10:00Z', why: 'backwards clamps too' },
    { from: '2026-05-31T10:00Z', months: 1, zone: UTC, to: '2026-06-30T10:00Z', why: 'into a 30-day month' },
    { from: '2026-12-15T10:00Z', months: 1, zone: UTC, to: '2027-01-15T10:00Z', why: 'across the new year' },
    { from: '2026-01-15T10:00Z', months: -13, zone: UTC, to: '2024-12-15T10:00Z', why: 'more than a year back' },
    {
      from: '2026-01-31T23:30-05:00',
      months: 1,
      zone: NY,
      to: '2026-02-28T23:30-05:00',
      why: 'clamping uses the local date (UTC is already in February)',
    },
    {
      from: '2026-02-08T09:00-05:00',
      months: 1,
      zone: NY,
      to: '2026-03-08T09:00-04:00',
      why: 'New York: 09:00 stays 09:00 across spring forward',
    },
    {
      from: '2026-10-15T09:00-04:00',
      months: 1,
      zone: NY,
      to: '2026-11-15T09:00-05:00',
      why: 'New York: 09:00 stays 09:00 across fall back',
    },
    {
      from: '2026-01-31T08:30+01:00',
      months: 2,
      zone: BERLIN,
      to: '2026-03-31T08:30+02:00',
      why: 'Berlin: into summer time',
    },
    {
      from: '2026-02-08T02:30-05:00',
      months: 1,
      zone: NY,
      to: '2026-03-08T03:30-04:00',
      why: 'New York: 02:30 does not exist on 8 March, the clock shows 03:30',
    },
    {
      from: '2026-10-01T01:30-04:00',
      months: 1,
      zone: NY,
      to: '2026-11-01T01:30-04:00',
      why: 'New York: 01:30 happens twice on 1 November, the earlier one',
    },
    {
      from: '2026-09-25T02:30+02:00',
      months: 1,
      zone: BERLIN,
      to: '2026-10-25T02:30+02:00',
      why: 'Berlin: 02:30 happens twice on 25 October, the earlier one',
    },
    {
      from: '2026-03-05T02:30+11:00',
      months: 1,
      zone: SYDNEY,
      to: '2026-04-05T02:30+11:00',
      why: 'Sydney: 02:30 happens twice on 5 April, the earlier one',
    },
  ])('$why', ({ from, months, zone, to }) => {
    expect(new Date(addMonths(t(from), months, zone)).toISOString()).toBe(new Date(t(to)).toISOString());
  });
});

describe('addDays: calendar days keeping the wall clock (a DST day lasts 23 or 25 hours)', () => {
  it.each([
    { from: '2026-03-14T12:00Z', days: 1, zone: UTC, to: '2026-03-15T12:00Z', hours: 24 },
    { from: '2026-03-07T12:00-05:00', days: 1, zone: NY, to: '2026-03-08T12:00-04:00', hours: 23 },
    { from: '2026-10-31T12:00-04:00', days: 1, zone: NY, to: '2026-11-01T12:00-05:00', hours: 25 },
    { from: '2026-03-28T12:00+01:00', days: 1, zone: BERLIN, to: '2026-03-29T12:00+02:00', hours: 23 },
    { from: '2026-10-24T12:00+02:00', days: 1, zone: BERLIN, to: '2026-10-25T12:00+01:00', hours: 25 },
    { from: '2026-04-04T12:00+11:00', days: 1, zone: SYDNEY, to: '2026-04-05T12:00+10:00', hours: 25 },
    { from: '2026-10-03T12:00+10:00', days: 1, zone: SYDNEY, to: '2026-10-04T12:00+11:00', hours: 23 },
    { from: '2026-03-28T12:00+08:00', days: 1, zone: SHANGHAI, to: '2026-03-29T12:00+08:00', hours: 24 },
    { from: '2026-03-09T12:00-04:00', days: -2, zone: NY, to: '2026-03-07T12:00-05:00', hours: -47 },
    { from: '2026-03-01T09:00-05:00', days: 30, zone: NY, to: '2026-03-31T09:00-04:00', hours: 30 * 24 - 1 },
    { from: '2026-03-07T02:30-05:00', days: 1, zone: NY, to: '2026-03-08T03:30-04:00', hours: 24 },
    { from: '2026-10-24T02:30+02:00', days: 1, zone: BERLIN, to: '2026-10-25T02:30+02:00', hours: 24 },
  ])('$from + $days d in $zone = $to ($hours h)', ({ from, days, zone, to, hours }) => {
    const result = addDays(t(from), days, zone);
    expect(new Date(result).toISOString()).toBe(new Date(t(to)).toISOString());
    expect((result - t(from)) / MS_PER_HOUR).toBe(hours);
  });
});

describe('calendarDaysBetween: whole local dates between two instants', () => {
  it.each([
    { from: '2026-03-14T09:00Z', to: '2026-03-14T17:00Z', zone: UTC, days: 0, why: 'same day' },
    {
      from: '2026-03-14T23:59-04:00',
      to: '2026-03-15T00:01-04:00',
      zone: NY,
      days: 1,
      why: 'two minutes apart, across midnight',
    },
    {
      from: '2026-03-15T00:01-04:00',
      to: '2026-03-15T23:59-04:00',
      zone: NY,
      days: 0,
      why: 'almost 24 hours apart, same date',
    },
    {
      from: '2026-03-07T12:00-05:00',
      to: '2026-03-08T11:30-04:00',
      zone: NY,
      days: 1,
      why: '22.5 hours across spring forward is one day',
    },
    {
      from: '2026-10-31T00:00-04:00',
      to: '2026-11-01T23:59-05:00',
      zone: NY,
      days: 1,
      why: 'almost 49 hours across fall back is still one day',
    },
    { from: '2026-03-14T15:00Z', to: '2026-03-14T17:00Z', zone: UTC, days: 0, why: 'in UTC both are 14 March' },
    {
      from: '2026-03-14T15:00Z',
      to: '2026-03-14T17:00Z',
      zone: SHANGHAI,
      days: 1,
      why: 'the same instants in Shanghai: 23:00 and 01:00',
    },
    { from: '2026-03-15T12:00Z', to: '2026-03-14T12:00Z', zone: UTC, days: -1, why: 'negative when `to` is earlier' },
    { from: '2026-01-01T00:00+01:00', to: '2027-01-01T00:00+01:00', zone: BERLIN, days: 365, why: 'a year' },
    { from: '2024-01-01T00:00+11:00', to: '2025-01-01T00:00+11:00', zone: SYDNEY, days: 366, why: 'a leap year' },
  ])('$why', ({ from, to, zone, days }) => {
    expect(calendarDaysBetween(t(from), t(to), zone)).toBe(days);
  });
});

describe('localClock: weekday, minute of day and date on the wall clock', () => {
  it.each([
    { at: '2026-03-14T12:34Z', zone: UTC, weekday: 6, time: '12:34', date: '2026-03-14' },
    { at: '2026-03-14T16:00Z', zone: SHANGHAI, weekday: 0, time: '00:00', date: '2026-03-15' },
    { at: '2026-03-08T06:59Z', zone: NY, weekday: 0, time: '01:59', date: '2026-03-08' },
    { at: '2026-03-08T07:00Z', zone: NY, weekday: 0, time: '03:00', date: '2026-03-08' },
    { at: '2026-11-01T05:30Z', zone: NY, weekday: 0, time: '01:30', date: '2026-11-01' },
    { at: '2026-11-01T06:30Z', zone: NY, weekday: 0, time: '01:30', date: '2026-11-01' },
    { at: '2026-10-25T00:30Z', zone: BERLIN, weekday: 0, time: '02:30', date: '2026-10-25' },
    { at: '2026-10-25T01:30Z', zone: BERLIN, weekday: 0, time: '02:30', date: '2026-10-25' },
    { at: '2026-03-29T00:59Z', zone: BERLIN, weekday: 0, time: '01:59', date: '2026-03-29' },
    { at: '2026-03-29T01:00Z', zone: BERLIN, weekday: 0, time: '03:00', date: '2026-03-29' },
    { at: '2026-12-31T13:00Z', zone: SYDNEY, weekday: 5, time: '00:00', date: '2027-01-01' },
    { at: '2027-01-01T04:59Z', zone: NY, weekday: 4, time: '23:59', date: '2026-12-31' },
  ])('$at in $zone reads $date $time', ({ at, zone, weekday, time, date }) => {
    const [h, m] = time.split(':').map(Number);
    expect(localClock(t(at), zone)).toEqual({ weekday, minuteOfDay: h! * 60 + m!, date });
  });
});

describe('atLocalMinute: the instant a local wall clock shows a given minute', () => {
  it.each([
    { ms: '2026-03-14T12:00Z', day: 0, time: '09:00', zone: UTC, at: '2026-03-14T09:00Z', why: 'the same day in UTC' },
    { ms: '2026-03-14T12:00Z', day: 1, time: '09:00', zone: UTC, at: '2026-03-15T09:00Z', why: 'tomorrow' },
    {
      ms: '2026-03-09T10:00-04:00',
      day: -1,
      time: '12:00',
      zone: NY,
      at: '2026-03-08T12:00-04:00',
      why: 'yesterday, on daylight time',
    },
    {
      ms: '2026-03-07T23:30-05:00',
      day: 1,
      time: '09:00',
      zone: NY,
      at: '2026-03-08T09:00-04:00',
      why: 'tomorrow, across spring forward',
    },
    {
      ms: '2026-03-14T23:30Z',
      day: 0,
      time: '09:00',
      zone: SHANGHAI,
      at: '2026-03-15T09:00+08:00',
      why: 'the local day, not the UTC day',
    },
    {
      ms: '2026-03-08T12:00-04:00',
      day: 0,
      time: '02:30',
      zone: NY,
      at: '2026-03-08T03:30-04:00',
      why: 'New York spring gap: 02:30 never shows, so 03:30 (after the gap)',
    },
    {
      ms: '2026-11-01T12:00-05:00',
      day: 0,
      time: '01:30',
      zone: NY,
      at: '2026-11-01T01:30-04:00',
      why: 'New York fall back: 01:30 shows twice, the earlier instant',
    },
    {
      ms: '2026-03-29T12:00+02:00',
      day: 0,
      time: '02:30',
      zone: BERLIN,
      at: '2026-03-29T03:30+02:00',
      why: 'Berlin spring gap: 03:30 summer time',
    },
    {
      ms: '2026-10-25T12:00+01:00',
      day: 0,
      time: '02:30',
      zone: BERLIN,
      at: '2026-10-25T02:30+02:00',
      why: 'Berlin fall back: the earlier 02:30 (summer time)',
    },
    {
      ms: '2026-04-05T12:00+10:00',
      day: 0,
      time: '02:30',
      zone: SYDNEY,
      at: '2026-04-05T02:30+11:00',
      why: 'Sydney fall back: the earlier 02:30 (daylight time)',
    },
    {
      ms: '2026-10-04T12:00+11:00',
      day: 0,
      time: '02:30',
      zone: SYDNEY,
      at: '2026-10-04T03:30+11:00',
      why: 'Sydney spring gap: 03:30 daylight time',
    },
  ])('$why', ({ ms, day, time, zone, at }) => {
    const [h, m] = time.split(':').map(Number);
    expect(new Date(atLocalMinute(t(ms), day, h! * 60 + m!, zone)).toISOString()).toBe(new Date(t(at)).toISOString());
  });
});

describe('startOfLocalDay: local midnight', () => {
  it.each([
    { at: '2026-03-14T12:00Z', zone: UTC, start: '2026-03-14T00:00Z' },
    { at: '2026-03-08T12:00-04:00', zone: NY, start: '2026-03-08T00:00-05:00' },
    { at: '2026-11-01T23:00-05:00', zone: NY, start: '2026-11-01T00:00-04:00' },
    { at: '2026-10-25T12:00+01:00', zone: BERLIN, start: '2026-10-25T00:00+02:00' },
    { at: '2026-03-14T16:30Z', zone: SHANGHAI, start: '2026-03-15T00:00+08:00' },
    { at: '2026-04-05T23:00+10:00', zone: SYDNEY, start: '2026-04-05T00:00+11:00' },
    // Brazil moved clocks forward at midnight: 4 November 2018 began at 01:00.
    { at: '2018-11-04T12:00-02:00', zone: 'America/Sao_Paulo', start: '2018-11-04T01:00-02:00' },
  ])('$at in $zone starts at $start', ({ at, zone, start }) => {
    expect(new Date(startOfLocalDay(t(at), zone)).toISOString()).toBe(new Date(t(start)).toISOString());
  });
});

describe('addBusinessDays: Monday to Friday in the zone, keeping the wall clock', () => {
  it.each([
    {
      from: '2026-03-06T10:00-05:00',
      days: 1,
      zone: NY,
      to: '2026-03-09T10:00-04:00',
      why: 'Friday + 1 = Monday (across spring forward)',
    },
    { from: '2026-03-12T10:00-04:00', days: 2, zone: NY, to: '2026-03-16T10:00-04:00', why: 'Thursday + 2 = Monday' },
    {
      from: '2026-03-09T10:00-04:00',
      days: 5,
      zone: NY,
      to: '2026-03-16T10:00-04:00',
      why: 'Monday + 5 = next Monday',
    },
    { from: '2026-03-14T10:00-04:00', days: 1, zone: NY, to: '2026-03-16T10:00-04:00', why: 'Saturday + 1 = Monday' },
    {
      from: '2026-03-14T10:00-04:00',
      days: 0,
      zone: NY,
      to: '2026-03-14T10:00-04:00',
      why: 'zero days: unchanged, even on a weekend',
    },
    { from: '2026-03-13T17:00Z', days: 1, zone: UTC, to: '2026-03-16T17:00Z', why: 'Friday 17:00 in UTC + 1 = Monday' },
    {
      from: '2026-03-13T17:00Z',
      days: 1,
      zone: SHANGHAI,
      to: '2026-03-15T17:00Z',
      why: 'the same instant is Saturday 01:00 in Shanghai: + 1 = Monday 01:00',
    },
  ])('$why', ({ from, days, zone, to }) => {
    expect(new Date(addBusinessDays(t(from), days, zone)).toISOString()).toBe(new Date(t(to)).toISOString());
  });
});

describe('parseLocal: a typed wall-clock time in a zone', () => {
  it.each([
    { text: '2024-02-29', pattern: 'yyyy-MM-dd', zone: NY, result: '2024-02-29T00:00-05:00', why: 'a leap day' },
    {
      text: '2026-03-14 09:30',
      pattern: 'yyyy-MM-dd HH:mm',
      zone: BERLIN,
      result: '2026-03-14T09:30+01:00',
      why: 'a date and time in Berlin',
    },
    {
      text: '  2026-03-14 09:30 ',
      pattern: 'yyyy-MM-dd HH:mm',
      zone: SHANGHAI,
      result: '2026-03-14T09:30+08:00',
      why: 'surrounding spaces are ignored',
    },
    {
      text: '2026-11-01 01:30',
      pattern: 'yyyy-MM-dd HH:mm',
      zone: NY,
      result: '2026-11-01T01:30-04:00',
      why: 'the repeated hour: the earlier instant',
    },
    { text: '2024-02-30', pattern: 'yyyy-MM-dd', zone: NY, result: null, why: '30 February does not exist' },
    { text: '2023-02-29', pattern: 'yyyy-MM-dd', zone: NY, result: null, why: '2023 is not a leap year' },
    { text: '2026-13-01', pattern: 'yyyy-MM-dd', zone: NY, result: null, why: 'month 13' },
    { text: '2026-3-14', pattern: 'yyyy-MM-dd', zone: NY, result: null, why: 'not in the pattern (no zero padding)' },
    {
      text: '2026-03-08 02:30',
      pattern: 'yyyy-MM-dd HH:mm',
      zone: NY,
      result: null,
      why: 'a wall time that never showed (spring gap)',
    },
    { text: '', pattern: 'yyyy-MM-dd', zone: NY, result: null, why: 'empty' },
    { text: 'yesterday', pattern: 'yyyy-MM-dd', zone: NY, result: null, why: 'not a date' },
  ])('$why: $text', ({ text, pattern, zone, result }) => {
    expect(parseLocal(text, pattern, zone)).toBe(result === null ? null : t(result));
  });
});

describe('acquisitionTimeProblem: when data may say it was acquired', () => {
  const now = t('2026-11-29T12:00Z');
  it.each([
    { at: now, problem: null, why: 'now is fine' },
    { at: now - MS_PER_DAY * 365 * 10, problem: null, why: 'ten years ago is fine' },
    { at: EARLIEST_ACQUISITION, problem: null, why: '1990-01-01T00:00Z itself is fine' },
    { at: now + 1, problem: 'future', why: 'a millisecond in the future' },
    { at: t('2027-01-01T00:00Z'), problem: 'future', why: 'next year' },
    { at: EARLIEST_ACQUISITION - 1, problem: 'before-1990', why: 'the last millisecond of 1989' },
    { at: 0, problem: 'before-1990', why: 'the Unix epoch' },
    { at: Number.NaN, problem: 'invalid', why: 'NaN' },
    { at: Number.POSITIVE_INFINITY, problem: 'invalid', why: 'infinity' },
  ])('$why → $problem', ({ at, problem }) => {
    expect(acquisitionTimeProblem(at, now)).toBe(problem);
  });
});

/*
 * The fast paths (cached zone offsets read with UTC getters) against a reference written
 * directly with date-fns and TZDate. Instants are drawn uniformly from 1990–2040 and, half
 * the time, within a few hours of one of the zone's real DST transitions.
 */
describe('exactInstantOfWallClock: a written local time names one instant, or says why not', () => {
  it.each([
    [
      '2026-03-08 01:59 New York, before the gap',
      [2026, 3, 8, 1, 59],
      NY,
      { ok: true, ms: t('2026-03-08T01:59:00-05:00') },
    ],
    ['2026-03-08 02:30 New York, skipped by the clock', [2026, 3, 8, 2, 30], NY, { ok: false, problem: 'dst-gap' }],
    [
      '2026-03-08 03:00 New York, after the gap',
      [2026, 3, 8, 3, 0],
      NY,
      { ok: true, ms: t('2026-03-08T03:00:00-04:00') },
    ],
    ['2026-11-01 01:30 New York, shown twice', [2026, 11, 1, 1, 30], NY, { ok: false, problem: 'dst-overlap' }],
    [
      '2026-11-01 00:59 New York, before the overlap',
      [2026, 11, 1, 0, 59],
      NY,
      { ok: true, ms: t('2026-11-01T00:59:00-04:00') },
    ],
    [
      '2026-11-01 02:00 New York, after the overlap',
      [2026, 11, 1, 2, 0],
      NY,
      { ok: true, ms: t('2026-11-01T02:00:00-05:00') },
    ],
    ['2026-03-29 02:30 Berlin, skipped', [2026, 3, 29, 2, 30], BERLIN, { ok: false, problem: 'dst-gap' }],
    ['2026-10-25 02:30 Berlin, shown twice', [2026, 10, 25, 2, 30], BERLIN, { ok: false, problem: 'dst-overlap' }],
    [
      '2026-03-08 02:30 Shanghai (no DST)',
      [2026, 3, 8, 2, 30],
      SHANGHAI,
      { ok: true, ms: t('2026-03-08T02:30:00+08:00') },
    ],
    ['2026-02-29 does not exist', [2026, 2, 29, 10, 0], NY, { ok: false, problem: 'invalid' }],
    ['2028-02-29 does', [2028, 2, 29, 10, 0], NY, { ok: true, ms: t('2028-02-29T10:00:00-05:00') }],
    ['24:00 is not a time of day', [2026, 1, 10, 24, 0], UTC, { ok: false, problem: 'invalid' }],
  ] as const)('%s', (_, [y, mo, d, h, mi], zone, expected) => {
    expect(exactInstantOfWallClock(y, mo, d, h, mi, 0, 0, zone)).toEqual(expected);
  });

  it('a day start still exists when midnight is in a gap: the first instant of the day', () => {
    // Santiago moved its clocks from 00:00 to 01:00 on 2026-09-06.
    expect(startOfWallDay(2026, 9, 6, 'America/Santiago')).toBe(t('2026-09-06T01:00:00-03:00'));
    expect(exactInstantOfWallClock(2026, 9, 6, 0, 30, 0, 0, 'America/Santiago')).toEqual({
      ok: false,
      problem: 'dst-gap',
    });
  });

  it('every instant’s own wall time reads back as that instant, unless the clock showed it twice', () => {
    const zones = [NY, BERLIN, SYDNEY, 'America/St_Johns', 'Pacific/Auckland', 'Europe/London'];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2035, 0, 1) }),
        fc.integer({ min: -2 * MS_PER_HOUR, max: 2 * MS_PER_HOUR }),
        (zone, base, near) => {
          // Half the runs land within two hours of a DST change, where gaps and overlaps are.
          const changes = tzScan(zone, { start: new Date(base), end: new Date(base + 400 * MS_PER_DAY) }).map((c) =>
            c.date.getTime(),
          );
          const ms =
            Math.floor(((near & 1) === 0 || changes.length === 0 ? base : changes[0]! + near) / MS_PER_MINUTE) *
            MS_PER_MINUTE;
          const d = new TZDate(ms, zone);
          const r = exactInstantOfWallClock(
            d.getFullYear(),
            d.getMonth() + 1,
            d.getDate(),
            d.getHours(),
            d.getMinutes(),
            0,
            0,
            zone,
          );
          if (r.ok) expect(r.ms).toBe(ms);
          else {
            expect(r.problem).toBe('dst-overlap');
            const twin = [ms - MS_PER_HOUR, ms + MS_PER_HOUR, ms - 30 * MS_PER_MINUTE, ms + 30 * MS_PER_MINUTE].some(
              (o) => format(new TZDate(o, zone), 'yyyy-MM-dd HH:mm') === format(d, 'yyyy-MM-dd HH:mm'),
            );
            expect(twin).toBe(true);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('fast paths agree with date-fns + TZDate', () => {
  const ZONES = [
    NY,
    BERLIN,
    SHANGHAI,
    SYDNEY,
    UTC,
    'America/Los_Angeles',
    'Europe/London',
    'Asia/Kolkata',
    'America/Sao_Paulo',
    'America/St_Johns',
    'Pacific/Auckland',
  ];
  const FROM = Date.UTC(1990, 0, 1);
  const TO = Date.UTC(2040, 0, 1);
  const transitions = new Map(
    ZONES.map((zone) => [
      zone,
      tzScan(zone, { start: new Date(FROM), end: new Date(TO) }).map((c) => c.date.getTime()),
    ]),
  );

  const instantIn = (zone: string) => {
    const uniform = fc.integer({ min: FROM, max: TO });
    const list = transitions.get(zone)!;
    if (list.length === 0) return uniform;
    const near = fc
      .tuple(fc.constantFrom(...list), fc.integer({ min: -3 * MS_PER_HOUR, max: 3 * MS_PER_HOUR }))
      .map(([at, d]) => at + d);
    return fc.oneof(uniform, near);
  };
  const zoned = fc.constantFrom(...ZONES).chain((zone) => instantIn(zone).map((ms) => ({ zone, ms })));

  const tz = (ms: number, zone: string) => new TZDate(ms, zone);
  const wallText = (ms: number, zone: string) => format(tz(ms, zone), 'yyyy-MM-dd HH:mm:ss.SSS');
  /** date-fns resolves a repeated wall time inconsistently across zones; the module's rule is "the earlier instant". */
  const earliest = (ms: number, zone: string): number => {
    for (const back of [MS_PER_HOUR, 30 * MS_PER_MINUTE])
      if (wallText(ms - back, zone) === wallText(ms, zone)) return ms - back;
    return ms;
  };
  const KEY_PATTERN: Record<CohortGrain, string> = {
    day: 'yyyy-MM-dd',
    week: "RRRR-'W'II",
    month: 'yyyy-MM',
    quarter: "yyyy-'Q'Q",
  };
  const iso = (ms: number) => new Date(ms).toISOString();

  it('zoneOffsetMs matches tzOffset', () => {
    fc.assert(
      fc.property(zoned, ({ zone, ms }) => {
        expect(zoneOffsetMs(ms, zone)).toBe(tzOffset(zone, new Date(ms)) * MS_PER_MINUTE);
      }),
      { numRuns: 2000 },
    );
  });

  it('cohortKey matches date-fns format for every grain', () => {
    fc.assert(
      fc.property(zoned, fc.constantFrom(...COHORT_GRAINS), ({ zone, ms }, grain) => {
        expect(cohortKey(ms, grain, zone)).toBe(format(tz(ms, zone), KEY_PATTERN[grain]));
      }),
      { numRuns: 2000 },
    );
  });

  it('cohortRange of an instant’s key contains it, and its ends carry the same key', () => {
    fc.assert(
      fc.property(zoned, fc.constantFrom(...COHORT_GRAINS), ({ zone, ms }, grain) => {
        // Until 2011 St John's fell back from 00:01 to 23:01: a day began twice, and no
        // half-open range can hold both pieces of the day before.
        fc.pre(!(zone === 'America/St_Johns' && ms < Date.UTC(2011, 11, 1)));
        const key = cohortKey(ms, grain, zone);
        const range = cohortRange(key, zone)!;
        expect(range.from).toBeLessThanOrEqual(ms);
        expect(range.to).toBeGreaterThan(ms);
        expect(cohortKey(range.from, grain, zone)).toBe(key);
        expect(cohortKey(range.to - 1, grain, zone)).toBe(key);
        expect(cohortKey(range.to, grain, zone)).not.toBe(key);
      }),
      { numRuns: 1000 },
    );
  });

  it('localClock matches the TZDate fields', () => {
    fc.assert(
      fc.property(zoned, ({ zone, ms }) => {
        const d = tz(ms, zone);
        expect(localClock(ms, zone)).toEqual({
          weekday: d.getDay(),
          minuteOfDay: d.getHours() * 60 + d.getMinutes(),
          date: format(d, 'yyyy-MM-dd'),
        });
      }),
      { numRuns: 2000 },
    );
  });

  it('addMonths matches date-fns addMonths', () => {
    fc.assert(
      fc.property(zoned, fc.integer({ min: -36, max: 36 }), ({ zone, ms }, months) => {
        expect(iso(addMonths(ms, months, zone))).toBe(iso(earliest(dfAddMonths(tz(ms, zone), months).getTime(), zone)));
      }),
      { numRuns: 2000 },
    );
  });

  it('addDays matches date-fns addDays', () => {
    fc.assert(
      fc.property(zoned, fc.integer({ min: -400, max: 400 }), ({ zone, ms }, days) => {
        expect(iso(addDays(ms, days, zone))).toBe(iso(earliest(dfAddDays(tz(ms, zone), days).getTime(), zone)));
      }),
      { numRuns: 2000 },
    );
  });

  it('startOfLocalDay matches date-fns startOfDay', () => {
    fc.assert(
      fc.property(zoned, ({ zone, ms }) => {
        expect(iso(startOfLocalDay(ms, zone))).toBe(iso(earliest(dfStartOfDay(tz(ms, zone)).getTime(), zone)));
      }),
      { numRuns: 2000 },
    );
  });

  it('atLocalMinute matches a TZDate built from the local date and time', () => {
    fc.assert(
      fc.property(
        zoned,
        fc.integer({ min: -3, max: 3 }),
        fc.integer({ min: 0, max: 1439 }),
        ({ zone, ms }, dayOffset, minute) => {
          const base = tz(ms, zone);
          const day = dfAddDays(
            new TZDate(base.getFullYear(), base.getMonth(), base.getDate(), 12, 0, zone),
            dayOffset,
          );
          const expected = new TZDate(
            day.getFullYear(),
            day.getMonth(),
            day.getDate(),
            Math.floor(minute / 60),
            minute % 60,
            zone,
          ).getTime();
          expect(iso(atLocalMinute(ms, dayOffset, minute, zone))).toBe(iso(earliest(expected, zone)));
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('toIsoWithOffset (the wall clock from the cached zone offset)', () => {
  // Zones with half- and three-quarter-hour offsets, 30-minute DST, southern DST, and local mean
  // times of whole seconds before 1972 (Monrovia) and 1937 (Amsterdam): the fast path leaves those to date-fns.
  const zones = [
    'UTC',
    'America/New_York',
    'America/St_Johns',
    'Asia/Kolkata',
    'Australia/Lord_Howe',
    'Pacific/Chatham',
    'Africa/Monrovia',
    'Europe/Amsterdam',
    'Asia/Shanghai',
    'America/Sao_Paulo',
  ];
  const reference = (ms: number, zone: string) => format(new TZDate(ms, zone), "yyyy-MM-dd'T'HH:mm:ssXXX");
  it('writes what date-fns writes, at any instant from 1800 to 2200, DST edges included', () => {
    let fast = 0;
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: Date.UTC(1800, 0, 1), max: Date.UTC(2200, 0, 1) }),
          // Within minutes of the hour, where DST changes fall.
          fc
            .tuple(fc.integer({ min: 1900 * 8766, max: 2100 * 8766 }), fc.integer({ min: -120_000, max: 120_000 }))
            .map(([h, d]) => (h - 1970 * 8766) * 3_600_000 + d),
        ),
        fc.constantFrom(...zones),
        (ms, zone) => {
          expect(toIsoWithOffset(ms, zone)).toBe(reference(ms, zone));
          if (ms > Date.UTC(1972, 0, 1)) fast++;
        },
      ),
      { numRuns: 3000 },
    );
    expect(fast).toBeGreaterThan(1000);
  });
  it('writes Z at a zero offset and the minutes of a three-quarter-hour zone', () => {
    const t = Date.UTC(2026, 0, 15, 12, 0, 0, 999);
    expect(toIsoWithOffset(t, 'UTC')).toBe('2026-01-15T12:00:00Z');
    expect(toIsoWithOffset(t, 'Pacific/Chatham')).toBe('2026-01-16T01:45:00+13:45');
    expect(toIsoWithOffset(t, 'America/St_Johns')).toBe('2026-01-15T08:30:00-03:30');
    expect(toIsoWithOffset(Date.UTC(1950, 5, 1), 'Africa/Monrovia')).toBe(
      reference(Date.UTC(1950, 5, 1), 'Africa/Monrovia'),
    );
  });
});
