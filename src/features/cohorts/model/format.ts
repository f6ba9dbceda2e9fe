/** Numbers, percentages, days and cohort labels in the current language (Intl), for screens and CSV alike. */
import type { CohortGrain } from '../../../domain/time/calendar';
import { cachedDateFormat, cachedNumberFormat } from '../../../domain/time/intl-cache';

export interface Formatters {
  lang: string;
  count: (n: number) => string;
  pct: (x: number | null) => string;
  days: (x: number | null) => string;
  interval: (low: number | null, high: number | null) => string;
  /** A cohort key such as `2026-W11` as a localised label ("Week 11, 2026", "2026年第11周"). */
  cohort: (key: string, start: number, grain: CohortGrain) => string;
  date: (ms: number) => string;
}

type Translate = (key: string, options?: Record<string, unknown>) => string;

const PERCENT: Intl.NumberFormatOptions = { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 };
const ONE_DECIMAL: Intl.NumberFormatOptions = { minimumFractionDigits: 1, maximumFractionDigits: 1 };
const DAY: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'short', day: 'numeric' };
const MONTH: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'short' };
const SHORT_DAY: Intl.DateTimeFormatOptions = { month: 'short', day: 'numeric' };

export function makeFormatters(lang: string, timeZone: string, t: Translate): Formatters {
  // Built once per language and zone (intl-cache.ts): every answer made six of them again, a
  // third of the page's own work when a control changed.
  const nf = cachedNumberFormat(lang);
  const pf = cachedNumberFormat(lang, PERCENT);
  const df = cachedNumberFormat(lang, ONE_DECIMAL);
  const day = cachedDateFormat(lang, DAY, timeZone);
  const month = cachedDateFormat(lang, MONTH, timeZone);
  const shortDay = cachedDateFormat(lang, SHORT_DAY, timeZone);
  const pct = (x: number | null) => (x === null ? '—' : pf.format(x));
  return {
    lang,
    count: (n) => nf.format(n),
    pct,
    days: (x) => (x === null ? '—' : t('cohorts.daysValue', { value: df.format(x) })),
    interval: (low, high) => (low === null || high === null ? '—' : `${pct(low)} – ${pct(high)}`),
    cohort(key, start, grain) {
      if (grain === 'day') return day.format(start);
      if (grain === 'month') return month.format(start);
      const [year, part] = key.split(/-[WQ]/);
      if (grain === 'quarter') return t('cohorts.quarterLabel', { quarter: Number(part), year: Number(year) });
      return t('cohorts.weekLabel', { week: Number(part), year: Number(year), date: shortDay.format(start) });
    },
    date: (ms) => day.format(ms),
  };
}
