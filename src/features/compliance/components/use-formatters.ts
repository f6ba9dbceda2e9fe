import { useTranslation } from 'react-i18next';

/** Number and date formatters in the current language; dates in the zone given (default: the browser's). */
export function useFormatters() {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  const number = new Intl.NumberFormat(lang);
  return {
    number: (n: number) => number.format(n),
    dateTime: (ms: number, timeZone?: string) => new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short', ...(timeZone ? { timeZone } : {}) }).format(ms),
    date: (ms: number, timeZone?: string) => new Intl.DateTimeFormat(lang, { dateStyle: 'medium', ...(timeZone ? { timeZone } : {}) }).format(ms),
    /** A `yyyy-MM-dd` key as a readable date (read as UTC: the key is already local). */
    dayKey: (key: string, style: 'medium' | 'long' = 'medium') => new Intl.DateTimeFormat(lang, { dateStyle: style, timeZone: 'UTC' }).format(Date.parse(`${key}T00:00:00Z`)),
    /** A `yyyy-MM-dd` key as month and day only ("Dec 1", "12月1日"). */
    monthDay: (key: string) => new Intl.DateTimeFormat(lang, { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(Date.parse(`${key}T00:00:00Z`)),
  };
}
