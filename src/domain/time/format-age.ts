/** Short human ages ("14 mo", "3 d") for grid cells; the translator supplies the units. */
import { MS_PER_DAY, monthsBetween } from './calendar';

type T = (key: string, opts: { count: number }) => string;

/** An age as a translation key and count: days under two months, else months, else years. */
export interface AgeParts {
  key: 'age.days' | 'age.months' | 'age.years';
  count: number;
}

/** How long a duration is, in the unit a reader expects (`months` when the caller has the calendar months). */
export function durationParts(durationMs: number, months = Math.floor(durationMs / (30.44 * MS_PER_DAY))): AgeParts {
  const days = Math.floor(durationMs / MS_PER_DAY);
  if (days < 60) return { key: 'age.days', count: Math.max(0, days) };
  if (months < 24) return { key: 'age.months', count: months };
  return { key: 'age.years', count: Math.floor(months / 12) };
}

/** How long ago `ms` was, at `now`. */
export function ageParts(ms: number, now: number): AgeParts {
  return durationParts(now - ms, monthsBetween(ms, now));
}

/** How long ago `ms` was, at `now`, in words. */
export function formatAge(ms: number, now: number, t: T): string {
  const p = ageParts(ms, now);
  return t(p.key, { count: p.count });
}

/** A duration as days, months or years, in words. */
export function formatDuration(durationMs: number, t: T, months?: number): string {
  const p = durationParts(durationMs, months);
  return t(p.key, { count: p.count });
}
