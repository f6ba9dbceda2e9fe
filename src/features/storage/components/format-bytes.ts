/** Bytes as megabytes (or gigabytes from 1 GB) in the reader's language; a dash when unknown. */
export function formatBytes(bytes: number | null, locale: string): string {
  if (bytes === null) return '—';
  const [value, unit] = bytes >= 1e9 ? [bytes / 1e9, 'gigabyte'] : [bytes / 1e6, 'megabyte'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, maximumFractionDigits: 1 }).format(value);
}
