import { useTranslation } from 'react-i18next';
import { cachedDateFormat } from '../domain/time/intl-cache';
import { displayLocale } from './display-locale';

/**
 * A date formatter for the UI language refined by the browser's region (an English UI in an
 * en-GB browser writes 02/12/2026 and 24-hour time, in en-US 12/2/2026 and 12-hour), built once
 * per locale, zone and style and shared by every screen. Styles: domain/time/date-styles.ts.
 */
export function localeDateFormat(
  uiLanguage: string,
  options: Intl.DateTimeFormatOptions,
  timeZone?: string,
): Intl.DateTimeFormat {
  return cachedDateFormat(displayLocale(uiLanguage), options, timeZone);
}

/** The same, for a component: follows the UI language as it changes. */
export function useDateFormat(options: Intl.DateTimeFormatOptions, timeZone?: string): Intl.DateTimeFormat {
  const { i18n } = useTranslation();
  return localeDateFormat(i18n.language, options, timeZone);
}
