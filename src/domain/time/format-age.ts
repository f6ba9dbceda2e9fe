/** Short human ages ("14 mo", "3 d") for grid cells; the translator supplies the units. */
import { MS_PER_DAY, monthsBetween } from './calendar';

type T = (key: string, opts: { count: number }) => string;

/** How long ago `ms` was, at `now`: days under two months, else months, else years. */
export function formatAge(ms: number, now: number, t: T): string {
  return formatDuration(now - ms, t, monthsBetween(ms, now));
}

/** A duration as days, months or years (`months` when the caller has the calendar months). */
export function formatDuration(durationMs: number, t: T, months = Math.floor(durationMs / (30.44 * MS_PER_DAY))): string {
  const days = Math.floor(durationMs / MS_PER_DAY);
  if (days < 60) return t('age.days', { count: Math.max(0, days) });
  if (months < 24) return t('age.months', { count: months });
  return t('age.years', { count: Math.floor(months / 12) });
}
