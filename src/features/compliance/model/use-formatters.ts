import { useTranslation } from 'react-i18next';
import { cachedNumberFormat } from '../../../domain/time/intl-cache';
import { DATE, DATE_TIME } from '../../../domain/time/date-styles';
import { localeDateFormat } from '../../../i18n/use-date-format';

/** Number and date formatters in the current language and the browser's region; dates in the zone given (default: the browser's). */
export function useFormatters() {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  const number = cachedNumberFormat(lang);
  return {
    number: (n: number) => number.format(n),
    dateTime: (ms: number, timeZone?: string) => localeDateFormat(lang, DATE_TIME, timeZone).format(ms),
    date: (ms: number, timeZone?: string) => localeDateFormat(lang, DATE, timeZone).format(ms),
    /** A `yyyy-MM-dd` key as a readable date (read as UTC: the key is already local). */
    dayKey: (key: string, style: 'medium' | 'long' = 'medium') =>
      localeDateFormat(lang, { dateStyle: style }, 'UTC').format(Date.parse(`${key}T00:00:00Z`)),
    /** A `yyyy-MM-dd` key as month and day only ("Dec 1", "12月1日"). */
    monthDay: (key: string) =>
      localeDateFormat(lang, { month: 'short', day: 'numeric' }, 'UTC').format(Date.parse(`${key}T00:00:00Z`)),
  };
}
