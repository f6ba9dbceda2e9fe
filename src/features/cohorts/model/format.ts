/** Numbers, percentages, days and cohort labels in the current language (Intl), for screens and CSV alike. */
import type { CohortGrain } from '../../../domain/time/calendar';

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

export function makeFormatters(lang: string, timeZone: string, t: Translate): Formatters {
  const nf = new Intl.NumberFormat(lang);
  const pf = new Intl.NumberFormat(lang, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const df = new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const day = new Intl.DateTimeFormat(lang, { timeZone, year: 'numeric', month: 'short', day: 'numeric' });
  const month = new Intl.DateTimeFormat(lang, { timeZone, year: 'numeric', month: 'short' });
  const shortDay = new Intl.DateTimeFormat(lang, { timeZone, month: 'short', day: 'numeric' });
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
