/**
 * The one module that does date maths (STYLE.md). Every instant is a UTC epoch
 * millisecond number; every rule takes `now` (or `at`) instead of reading a clock.
 *
 * Time zones and DST: calendar periods (cohort keys, "midnight", "09:00 local")
 * are computed on wall-clock time in an explicit IANA zone through @date-fns/tz,
 * so a cohort day in Europe/Berlin is 23 or 25 hours long across a DST change and
 * month arithmetic keeps the wall-clock time (Jan 31 + 1 month = Feb 28/29).
 * Durations that are legal periods in days ("31 days old") are counted as calendar
 * days in the zone given, never as 24 h multiples, for the same reason.
 */
import { differenceInMonths, format, isValid, parse } from 'date-fns';
import { TZDate } from '@date-fns/tz';
import { MS_PER_DAY, MS_PER_MINUTE } from './time-units';
import { fromWall, toWall, zoneOffsetMs } from './zone-offset';

export { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE } from './time-units';
export { zoneOffsetMs } from './zone-offset';
export { COHORT_GRAINS, cohortKey, cohortRange, grainOfKey, nextPeriodStart, periodStart } from './cohort-periods';
export type { CohortGrain } from './cohort-periods';

/** Earliest acquisition time we accept: 1990-01-01T00:00:00Z. */
export const EARLIEST_ACQUISITION = Date.UTC(1990, 0, 1);

function inZone(ms: number, timeZone: string): TZDate {
  return new TZDate(ms, timeZone);
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** True when `timeZone` is an IANA zone this runtime knows. */
export function isValidTimeZone(timeZone: string): boolean {
  // Intl reads a missing zone as the runtime's own: a lead stored without one (a synced row from
  // an older client) must not be judged in the browser's zone, so only a named zone is valid.
  if (typeof timeZone !== 'string' || timeZone === '') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** Add calendar months keeping the wall-clock time in `timeZone` (clamped to month end: Jan 31 + 1 = Feb 28/29). */
export function addMonths(ms: number, months: number, timeZone = 'UTC'): number {
  const d = new Date(toWall(ms, timeZone));
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, lastDay));
  return fromWall(d.getTime(), timeZone);
}

/** Add calendar days keeping the wall-clock time in `timeZone` (a DST day is 23 or 25 hours). */
export function addDays(ms: number, days: number, timeZone = 'UTC'): number {
  return fromWall(toWall(ms, timeZone) + days * MS_PER_DAY, timeZone);
}

/** Whole calendar days from `from` to `to` in `timeZone` (negative when `to` is earlier). */
export function calendarDaysBetween(from: number, to: number, timeZone = 'UTC'): number {
  return Math.floor(toWall(to, timeZone) / MS_PER_DAY) - Math.floor(toWall(from, timeZone) / MS_PER_DAY);
}

/** Whole months elapsed from `from` to `to` (the "age" shown as "14 mo"). */
export function monthsBetween(from: number, to: number, timeZone = 'UTC'): number {
  if (timeZone === 'UTC') return utcMonthsBetween(from, to);
  return differenceInMonths(inZone(to, timeZone), inZone(from, timeZone));
}

/**
 * date-fns' differenceInMonths in UTC, step for step (its February and last-day-of-month rules
 * included) on plain UTC dates: a TZDate costs 20–90 µs an operation, and the grid computes an age
 * for every row it draws (this was most of a block's formatting time). calendar-months.test.ts
 * holds it equal to date-fns.
 */
function utcMonthsBetween(from: number, to: number): number {
  const sign = Math.sign(to - from);
  const later = new Date(to);
  const earlier = new Date(from);
  const difference = Math.abs(
    (later.getUTCFullYear() - earlier.getUTCFullYear()) * 12 + later.getUTCMonth() - earlier.getUTCMonth(),
  );
  if (difference < 1) return 0;
  const working = new Date(to);
  if (working.getUTCMonth() === 1 && working.getUTCDate() > 27) working.setUTCDate(30);
  working.setUTCMonth(working.getUTCMonth() - sign * difference);
  let lastMonthNotFull = Math.sign(working.getTime() - from) === -sign;
  const lastDayOfMonth =
    later.getUTCDate() === new Date(Date.UTC(later.getUTCFullYear(), later.getUTCMonth() + 1, 0)).getUTCDate();
  if (lastDayOfMonth && difference === 1 && to > from) lastMonthNotFull = false;
  const result = sign * (difference - (lastMonthNotFull ? 1 : 0));
  return result === 0 ? 0 : result;
}

/** Local midnight at the start of the day containing `ms` in `timeZone`. */
export function startOfLocalDay(ms: number, timeZone: string): number {
  return fromWall(Math.floor(toWall(ms, timeZone) / MS_PER_DAY) * MS_PER_DAY, timeZone);
}

export interface LocalClock {
  /** 0 = Sunday … 6 = Saturday, as `Date#getDay`. */
  weekday: number;
  /** Minutes since local midnight, 0…1439. */
  minuteOfDay: number;
  /** `yyyy-MM-dd` of the local date. */
  date: string;
}

/** The wall clock at instant `ms` in `timeZone`. */
export function localClock(ms: number, timeZone: string): LocalClock {
  const wall = toWall(ms, timeZone);
  const d = new Date(wall);
  const minuteOfDay = Math.floor((wall - Math.floor(wall / MS_PER_DAY) * MS_PER_DAY) / MS_PER_MINUTE);
  return {
    weekday: d.getUTCDay(),
    minuteOfDay,
    date: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`,
  };
}

/** The instant at which the local wall clock in `timeZone` reads `minuteOfDay` on the local day `dayOffset` days after the day of `ms`. */
export function atLocalMinute(ms: number, dayOffset: number, minuteOfDay: number, timeZone: string): number {
  const dayStart = (Math.floor(toWall(ms, timeZone) / MS_PER_DAY) + dayOffset) * MS_PER_DAY;
  return fromWall(dayStart + minuteOfDay * MS_PER_MINUTE, timeZone);
}

/** Format an instant in `timeZone` with a date-fns pattern (e.g. `yyyy-MM-dd HH:mm`). */
export function formatInZone(ms: number, pattern: string, timeZone: string): string {
  return format(inZone(ms, timeZone), pattern);
}

/** The earliest and latest instants the fast ISO path writes (four-digit years): outside them, date-fns. */
const ISO_FAST_FROM = Date.UTC(1000, 0, 2);
const ISO_FAST_TO = Date.UTC(9999, 11, 30);
const two = (n: number) => (n < 10 ? `0${n}` : String(n));

/**
 * ISO 8601 with the zone's offset, e.g. `2026-03-14T09:30:00+01:00` (`Z` at a zero offset, as
 * date-fns' `XXX` writes it). An export writes two per row: through date-fns' TZDate that was
 * 23 µs each (4.6 s of a 100k-row file); the wall clock from the cached zone offset is well under
 * one. Offsets of whole minutes only (a 19th-century local mean time has seconds): else date-fns.
 */
export function toIsoWithOffset(ms: number, timeZone: string): string {
  const offset = zoneOffsetMs(ms, timeZone);
  if (offset % MS_PER_MINUTE !== 0 || !(ms >= ISO_FAST_FROM && ms <= ISO_FAST_TO))
    return format(inZone(ms, timeZone), "yyyy-MM-dd'T'HH:mm:ssXXX");
  const wall = ms + offset;
  const day = Math.floor(wall / MS_PER_DAY);
  const second = Math.floor((wall - day * MS_PER_DAY) / 1000);
  return `${dayText(day)}T${TWO_DIGITS[Math.floor(second / 3600)]}:${TWO_DIGITS[Math.floor((second % 3600) / 60)]}:${TWO_DIGITS[second % 60]}${offsetText(offset)}`;
}

const TWO_DIGITS = Array.from({ length: 60 }, (_, n) => two(n));
/** `yyyy-MM-dd` by wall-clock day number: an export's instants fall on a few thousand days. */
const dayTexts = new Map<number, string>();
function dayText(day: number): string {
  let text = dayTexts.get(day);
  if (text === undefined) {
    if (dayTexts.size >= 100_000) dayTexts.clear();
    text = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    dayTexts.set(day, text);
  }
  return text;
}
/** `Z` or `±hh:mm` by offset in ms (whole minutes). */
const offsetTexts = new Map<number, string>();
function offsetText(offset: number): string {
  let text = offsetTexts.get(offset);
  if (text === undefined) {
    const minutes = Math.abs(offset) / MS_PER_MINUTE;
    text = offset === 0 ? 'Z' : `${offset < 0 ? '-' : '+'}${two(Math.floor(minutes / 60))}:${two(minutes % 60)}`;
    offsetTexts.set(offset, text);
  }
  return text;
}

/** Parse a wall-clock date-time (`pattern` in date-fns tokens) as local time in `timeZone`; null when invalid or not round-tripping (e.g. 2024-02-30). */
export function parseLocal(text: string, pattern: string, timeZone: string): number | null {
  const ref = new TZDate(Date.UTC(2000, 0, 1), timeZone);
  const d = parse(text.trim(), pattern, ref);
  if (!isValid(d)) return null;
  if (format(d, pattern) !== text.trim()) return null;
  return d.getTime();
}

/** Checks an acquisition instant against `now`: null when acceptable, else the reason. */
export function acquisitionTimeProblem(ms: number, now: number): 'future' | 'before-1990' | 'invalid' | null {
  if (!Number.isFinite(ms)) return 'invalid';
  if (ms < EARLIEST_ACQUISITION) return 'before-1990';
  if (ms > now) return 'future';
  return null;
}

/** Add business days (Monday–Friday in `timeZone`), keeping the wall-clock time; public holidays are not known here. */
export function addBusinessDays(ms: number, days: number, timeZone = 'UTC'): number {
  let t = ms;
  let left = days;
  while (left > 0) {
    t = addDays(t, 1, timeZone);
    const wd = localClock(t, timeZone).weekday;
    if (wd !== 0 && wd !== 6) left--;
  }
  return t;
}

type WallClockFields = [year: number, month: number, day: number, hour: number, minute: number, second: number];

/** True when the fields name a real calendar date and time of day (month 1–12): not 2024-02-30, not 24:00. */
function realWallClock(...[year, month, day, hour, minute, second]: WallClockFields): boolean {
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 2024-02-30 over to March 1st: a rolled date is not the one written.
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/**
 * The first instant of a local day (month 1–12) in `timeZone`: for a date without a time. Null
 * when the date is not real (2024-02-30). A midnight in a DST gap or overlap resolves as
 * `fromWall` does: the first instant of that local day. Import parsing calls it for every row,
 * so it skips date-fns.
 */
export function startOfWallDay(year: number, month: number, day: number, timeZone: string): number | null {
  if (!realWallClock(year, month, day, 0, 0, 0)) return null;
  const wall = Date.UTC(year, month - 1, day);
  return timeZone === 'UTC' ? wall : fromWall(wall, timeZone);
}

export type ExactInstant = { ok: true; ms: number } | { ok: false; problem: 'invalid' | 'dst-gap' | 'dst-overlap' };

/**
 * The one instant at which the wall clock of `timeZone` shows a given date and time, or why
 * there is none. A time the clock skipped (spring gap: 2026-03-08 02:30 in New York) names no
 * instant: `dst-gap`. A time it showed twice (autumn overlap: 2026-11-01 01:30 in New York, at
 * 05:30Z and 06:30Z) names two: `dst-overlap`. Declared rule: neither is guessed (a wrong hour
 * moves a call across a calling window or a lead across a cohort day); the value must carry
 * an offset (`2026-11-01T01:30-04:00`) to be read. For times of day written by people.
 */
export function exactInstantOfWallClock(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  ms: number,
  timeZone: string,
): ExactInstant {
  if (!realWallClock(year, month, day, hour, minute, second)) return { ok: false, problem: 'invalid' };
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  if (timeZone === 'UTC') return { ok: true, ms: wall };
  // A day either side is clear of any change near `wall`: the offsets before and after it.
  const candidates = new Set([
    wall - zoneOffsetMs(wall - MS_PER_DAY, timeZone),
    wall - zoneOffsetMs(wall + MS_PER_DAY, timeZone),
  ]);
  const matches = [...candidates].filter((c) => toWall(c, timeZone) === wall);
  if (matches.length === 0) return { ok: false, problem: 'dst-gap' };
  if (matches.length > 1) return { ok: false, problem: 'dst-overlap' };
  return { ok: true, ms: matches[0]! };
}
