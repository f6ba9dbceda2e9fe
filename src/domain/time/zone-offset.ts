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

/** The offset over UTC day `day`: one number, or [from, offset] pairs when it changes that day. */
function offsetsOfDay(day: number, timeZone: string): DayOffsets {
  const start = day * MS_PER_DAY;
  const first = intlOffset(start, timeZone);
  if (first === intlOffset(start + MS_PER_DAY, timeZone)) return first;
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

/** Offset of `timeZone` from UTC at instant `ms`, in milliseconds (New York in winter: −5 h). */
export function zoneOffsetMs(ms: number, timeZone: string): number {
  if (timeZone === 'UTC') return 0;
  let zone = offsetCache.get(timeZone);
  if (!zone) offsetCache.set(timeZone, (zone = new Map()));
  const day = Math.floor(ms / MS_PER_DAY);
  let v = zone.get(day);
  if (v === undefined) {
    v = offsetsOfDay(day, timeZone);
    if (zone.size > 100_000) zone.clear();
    zone.set(day, v);
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
