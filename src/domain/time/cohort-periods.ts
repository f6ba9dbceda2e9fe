/**
 * Cohort periods: the key of the day, ISO week, month or quarter an instant falls in, in a
 * zone, and the instant range a key covers (a Berlin cohort day is 23 or 25 hours across DST).
 */
import { addDays as dfAddDays, isValid, parse, startOfISOWeek } from 'date-fns';
import { TZDate } from '@date-fns/tz';
import { MS_PER_DAY } from './time-units';
import { fromWall, toWall } from './zone-offset';

export type CohortGrain = 'day' | 'week' | 'month' | 'quarter';
export const COHORT_GRAINS: readonly CohortGrain[] = ['day', 'week', 'month', 'quarter'];

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function isoWeekOfWall(wall: number): { year: number; week: number } {
  const d = new Date(Math.floor(wall / MS_PER_DAY) * MS_PER_DAY);
  const dayNum = (d.getUTCDay() + 6) % 7;
  const thursday = d.getTime() + (3 - dayNum) * MS_PER_DAY;
  const year = new Date(thursday).getUTCFullYear();
  const jan1 = Date.UTC(year, 0, 1);
  return { year, week: 1 + Math.floor((thursday - jan1) / (7 * MS_PER_DAY)) };
}

/** Cohort key of an instant: `2026-03-14`, `2026-W11`, `2026-03` or `2026-Q1`, in `timeZone`. */
export function cohortKey(ms: number, grain: CohortGrain, timeZone: string): string {
  const wall = toWall(ms, timeZone);
  const d = new Date(wall);
  const y = d.getUTCFullYear();
  switch (grain) {
    case 'day':
      return `${y}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
    case 'week': {
      const w = isoWeekOfWall(wall);
      return `${w.year}-W${pad(w.week)}`;
    }
    case 'month':
      return `${y}-${pad(d.getUTCMonth() + 1)}`;
    case 'quarter':
      return `${y}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
  }
}

/** Wall-clock midnight (as a UTC-read number) that starts the period holding wall time `wall`. */
function wallPeriodStart(wall: number, grain: CohortGrain): number {
  const day = Math.floor(wall / MS_PER_DAY);
  const d = new Date(day * MS_PER_DAY);
  switch (grain) {
    case 'day':
      return day * MS_PER_DAY;
    case 'week':
      return (day - ((d.getUTCDay() + 6) % 7)) * MS_PER_DAY;
    case 'month':
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
    case 'quarter':
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - (d.getUTCMonth() % 3), 1);
  }
}

/** The wall-clock midnight that starts the period after the one starting at `wallStart`. */
function wallPeriodAfter(wallStart: number, grain: CohortGrain): number {
  if (grain === 'day') return wallStart + MS_PER_DAY;
  if (grain === 'week') return wallStart + 7 * MS_PER_DAY;
  const d = new Date(wallStart);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + (grain === 'month' ? 1 : 3), 1);
}

/**
 * Start instant of the period that contains `ms` (local midnight of the first day; where that
 * midnight fell in a DST gap — São Paulo until 2019 — the first instant of the day, 01:00). From
 * the cached zone offsets: a chart's axis asks for every period (540 days), and through date-fns'
 * TZDate each cost tens of µs (`cohort-periods.test.ts` holds both equal).
 */
export function periodStart(ms: number, grain: CohortGrain, timeZone: string): number {
  return fromWall(wallPeriodStart(toWall(ms, timeZone), grain), timeZone);
}

/** Start instant of the period after the one that contains `ms`. */
export function nextPeriodStart(ms: number, grain: CohortGrain, timeZone: string): number {
  const wallStart = wallPeriodStart(toWall(ms, timeZone), grain);
  // A day skipped whole (Apia, 2011-12-30) starts no period: its midnight reads as the next day's.
  return periodStart(fromWall(wallPeriodAfter(wallStart, grain), timeZone), grain, timeZone);
}

/** Half-open instant range [from, to) covered by a cohort key such as `2026-03` or `2026-W11`. */
export function cohortRange(key: string, timeZone: string): { from: number; to: number; grain: CohortGrain } | null {
  const grain = grainOfKey(key);
  if (!grain) return null;
  let local: Date;
  if (grain === 'quarter') {
    const [y, q] = key.split('-Q').map(Number);
    local = new TZDate(y!, (q! - 1) * 3, 1, timeZone);
  } else if (grain === 'week') {
    const [y, w] = key.split('-W').map(Number);
    // ISO week 1 contains Jan 4th.
    const jan4 = new TZDate(y!, 0, 4, timeZone);
    local = dfAddDays(startOfISOWeek(jan4), (w! - 1) * 7);
  } else {
    const parsed = parse(key, grain === 'day' ? 'yyyy-MM-dd' : 'yyyy-MM', new TZDate(0, timeZone));
    if (!isValid(parsed)) return null;
    local = parsed;
  }
  const from = periodStart(local.getTime(), grain, timeZone);
  // Keys that name no real period (`2025-W53` in a 52-week year, `2026-W00`) have no range.
  if (cohortKey(from, grain, timeZone) !== key) return null;
  return { from, to: nextPeriodStart(from, grain, timeZone), grain };
}

/** Which grain a cohort key is written in, or null when it is none. */
export function grainOfKey(key: string): CohortGrain | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(key)) return 'day';
  if (/^\d{4}-W\d{2}$/.test(key)) return 'week';
  if (/^\d{4}-\d{2}$/.test(key)) return 'month';
  if (/^\d{4}-Q[1-4]$/.test(key)) return 'quarter';
  return null;
}
