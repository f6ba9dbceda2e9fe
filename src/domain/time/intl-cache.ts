/**
 * Intl formatters are costly to build (tens of µs each) and cheap to use: one per locale, zone
 * and style, built once and kept. Every cell, chart and export formats through these.
 */
const dateCache = new Map<string, Intl.DateTimeFormat>();
const numberCache = new Map<string, Intl.NumberFormat>();

/** A cached `Intl.DateTimeFormat` for `locale` (and `timeZone`, the runtime's own when omitted). */
export function cachedDateFormat(
  locale: string,
  options: Intl.DateTimeFormatOptions,
  timeZone?: string,
): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone ?? ''}|${JSON.stringify(options)}`;
  let f = dateCache.get(key);
  if (!f) {
    const zoned = timeZone ? { ...options, timeZone } : options;
    f = new Intl.DateTimeFormat(locale, zoned);
    // A 24-hour clock writes its hour in two digits (en-GB 02:15, zh-CN 02:15); ICU gives "2:15" for hour 'numeric'.
    const cycle = f.resolvedOptions().hourCycle;
    if (options.hour === 'numeric' && (cycle === 'h23' || cycle === 'h24'))
      f = new Intl.DateTimeFormat(locale, { ...zoned, hour: '2-digit' });
    dateCache.set(key, f);
  }
  return f;
}

/** A cached `Intl.NumberFormat` for `locale`. */
export function cachedNumberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = numberCache.get(key);
  if (!f) numberCache.set(key, (f = new Intl.NumberFormat(locale, options)));
  return f;
}
