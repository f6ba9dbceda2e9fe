/**
 * The header row of an export: the column names in the reader's language, each time column
 * naming the zone its values are written in ("Acquired at (Asia/Shanghai)"); or, for scripts
 * that read the file back, the machine header row of stable column keys.
 */
import type { ExportColumn } from './export-columns';

/** Columns holding an instant: written in the export's zone, which their header names. */
export const TIME_COLUMNS: ReadonlySet<ExportColumn> = new Set<ExportColumn>([
  'acquiredAt',
  'createdAt',
  'lastContactAt',
  'dncCheckedAt',
]);

/**
 * The header cells for `columns`. `label` gives a column's name in the user's language;
 * `machine` writes the keys instead (the same in every language and release).
 */
export function exportHeader(
  columns: readonly ExportColumn[],
  label: (column: ExportColumn) => string,
  timeZone: string,
  machine = false,
): string[] {
  if (machine) return [...columns];
  return columns.map((c) => (TIME_COLUMNS.has(c) ? `${label(c)} (${timeZone})` : label(c)));
}
