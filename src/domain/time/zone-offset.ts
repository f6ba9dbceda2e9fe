/**
 * A zone's UTC offset at an instant, cached per zone per UTC day, and the wall-clock
 * conversions built on it. calendar.ts and cohort-periods.ts do their maths on these.
 */
import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE } from './time-units';

/*
 * Fast wall-clock maths. date-fns' TZDate costs 20–90 µs per operation, too slow for a
 * verdict or a cohort key over a million leads. A zone's UTC offset changes only at DST
 * transitions, a few days a year, so offsets are cached per zone per UTC day and wall-clock
 * fields come from plain UTC getters. On a day with a change the change is located to the
 * minute: not every zone changes on a whole UTC hour (St John's changes at 02:00 local,
 * 04:30 or 05:30 UTC). `calendar.test.ts` checks these paths against date-fns with fast-check.
 *
 * A day missing from the cache is filled with the rest of its UTC week: when the offset is the
 * same at the week's two ends, every day of it takes that offset (two Intl calls for seven days,
 * and the ends are shared with the weeks either side). A change and its undoing would hide
 * inside a week only if they fell less than seven days apart. Every zone Intl knows (418) was
 * scanned at each UTC midnight from 1970 to 2045: the closest pairs are exactly seven days apart
 * (Brazil's summer time cancelled a week after it began, October 2000; Gaza's rules for October
 * 2040), and a week's two ends cannot both fall outside such a pair. `zone-offset.test.ts` checks
 * those zones and the least regular others against Intl, every day of 2000–2040.
 * A cold judge of 10,000 leads acquired over two years made 3,852 Intl calls; a week at a time, 625.
 */
type DayOffsets = number | readonly (readonly [from: number, offset: number])[];
const offsetCache = new Map<string, Map<number, DayOffsets>>();
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Offset straight from Intl (slow), at a whole second. */
function intlOffset(ms: number, timeZone: string): number {
  const at = Math.floor(ms / 1000) * 1000;
  const p: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(at)) p[part.type] = Number(part.value);
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) - at;
}

/** Days per cache fill: a week, whose two ends decide whether the offset holds all through it. */
const WEEK_DAYS = 7;
/** The offset at the start of UTC day `day`, kept per zone: the ends of adjacent weeks are shared. */
const dayStarts = new Map<string, Map<number, number>>();

function offsetAtDayStart(day: number, timeZone: string): number {
  let starts = dayStarts.get(timeZone);
  if (!starts) dayStarts.set(timeZone, (starts = new Map()));
  let v = starts.get(day);
  if (v === undefined) {
    v = intlOffset(day * MS_PER_DAY, timeZone);
    if (starts.size > 100_000) starts.clear();
    starts.set(day, v);
  }
  return v;
}

/** The offset over UTC day `day`: one number, or [from, offset] pairs when it changes that day. */
function offsetsOfDay(day: number, timeZone: string): DayOffsets {
  const start = day * MS_PER_DAY;
  const first = offsetAtDayStart(day, timeZone);
  if (first === offsetAtDayStart(day + 1, timeZone)) return first;
  const changes: [number, number][] = [[start, first]];
  let prev = first;
  for (let h = 1; h <= 24; h++) {
    const next = intlOffset(start + h * MS_PER_HOUR, timeZone);
    if (next === prev) continue;
    // The change falls in the hour before: binary search for its first minute.
    let lo = start + (h - 1) * MS_PER_HOUR;
    let hi = start + h * MS_PER_HOUR;
    while (hi - lo > MS_PER_MINUTE) {
      const mid = lo + Math.floor((hi - lo) / MS_PER_MINUTE / 2) * MS_PER_MINUTE;
      if (intlOffset(mid, timeZone) === prev) lo = mid;
      else hi = mid;
    }
    changes.push([hi, next]);
    prev = next;
  }
  return changes;
}

/** Fill the cache with the UTC week holding `day`: one offset for all of it when its ends agree, else day by day. */
function fillWeek(zone: Map<number, DayOffsets>, day: number, timeZone: string): void {
  const from = Math.floor(day / WEEK_DAYS) * WEEK_DAYS;
  const steady = offsetAtDayStart(from, timeZone);
  const same = steady === offsetAtDayStart(from + WEEK_DAYS, timeZone);
  if (zone.size > 100_000) zone.clear();
  for (let d = from; d < from + WEEK_DAYS; d++) zone.set(d, same ? steady : offsetsOfDay(d, timeZone));
}

/** Offset of `timeZone` from UTC at instant `ms`, in milliseconds (New York in winter: −5 h). */
export function zoneOffsetMs(ms: number, timeZone: string): number {
  if (timeZone === 'UTC') return 0;
  let zone = offsetCache.get(timeZone);
  if (!zone) offsetCache.set(timeZone, (zone = new Map()));
  const day = Math.floor(ms / MS_PER_DAY);
  let v = zone.get(day);
  if (v === undefined) {
    fillWeek(zone, day, timeZone);
    v = zone.get(day)!;
  }
  if (typeof v === 'number') return v;
  let offset = v[0]![1];
  for (const [from, o] of v) if (ms >= from) offset = o;
  return offset;
}

/** The wall clock of `timeZone` at `ms`, as a UTC-based millisecond count (read it with UTC getters). */
export function toWall(ms: number, timeZone: string): number {
  return ms + zoneOffsetMs(ms, timeZone);
}

/**
 * The instant at which the wall clock of `timeZone` shows `wall`. A wall time that occurs
 * twice (autumn) resolves to the earlier instant; one that never occurs (spring gap)
 * resolves to the instant after the gap, as a clock moved forward would show it.
 */
export function fromWall(wall: number, timeZone: string): number {
  // A day either side is clear of any change near `wall`: the offsets before and after it.
  const before = wall - zoneOffsetMs(wall - MS_PER_DAY, timeZone);
  const after = wall - zoneOffsetMs(wall + MS_PER_DAY, timeZone);
  const earlier = Math.min(before, after);
  if (toWall(earlier, timeZone) === wall) return earlier;
  const later = Math.max(before, after);
  if (toWall(later, timeZone) === wall) return later;
  // In a spring gap the offset from before the change reads as the time after the gap.
  return before;
}
