/**
 * A size in the reader's language, in decimal SI units (1 kB = 1,000 bytes): the units
 * `Intl.NumberFormat` names, and the ones browsers report storage quota in. One convention for
 * every screen: a file's size, the import limit, storage used and its quota.
 */
const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/** 1536 → "1.5 kB", 268,435,456 → "268.4 MB"; a dash when unknown. */
export function formatBytes(bytes: number | null, locale: string): string {
  if (bytes === null || !Number.isFinite(bytes)) return '—';
  let unit = 0;
  let value = bytes;
  // Move up while the shown figure (one decimal) would read 1,000 or more.
  while (
    unit < UNITS.length - 1 &&
    Math.round(Math.abs(value) * (unit === 0 ? 1 : 10)) >= (unit === 0 ? 1000 : 10_000)
  ) {
    value /= 1000;
    unit++;
  }
  // Bytes as "B" in every language (English's short unit is "byte", also for 999).
  if (unit === 0) return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value)} B`;
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: UNITS[unit],
    unitDisplay: 'short',
    maximumFractionDigits: 1,
  }).format(value);
}
