/**
 * Intl formatters are costly to build (tens of µs each) and cheap to use: one per locale, zone
 * and style, built once and kept. Every cell, chart and export formats through these.
 */
const dateCache = new Map<string, Intl.DateTimeFormat>();
const numberCache = new Map<string, Intl.NumberFormat>();

/** A cached `Intl.DateTimeFormat` for `locale` (and `timeZone`, the runtime's own when omitted). */
export function cachedDateFormat(locale: string, options: Intl.DateTimeFormatOptions, timeZone?: string): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone ?? ''}|${JSON.stringify(options)}`;
  let f = dateCache.get(key);
  if (!f) dateCache.set(key, (f = new Intl.DateTimeFormat(locale, timeZone ? { ...options, timeZone } : options)));
  return f;
}

/** A cached `Intl.NumberFormat` for `locale`. */
export function cachedNumberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = numberCache.get(key);
  if (!f) numberCache.set(key, (f = new Intl.NumberFormat(locale, options)));
  return f;
}
