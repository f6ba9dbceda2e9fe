/**
 * Cells of an Excel worksheet as the text a CSV export of it would hold, so a workbook goes
 * through the same mapping and row checks as a CSV file. Values arrive as exceljs gives them
 * (described structurally here, so the domain does not depend on the reader):
 * - a formula gives its cached result, the value Excel last showed; it is never evaluated;
 * - a date is ISO 8601 *without* an offset (`2026-01-10T09:30:00`, or `2026-01-10` for a
 *   date-only format at midnight): Excel stores wall-clock times with no zone, so the
 *   steward's declared zone applies, exactly as for a CSV value;
 * - a number is its digits (`2133734253`, never `2.13E+09`), so phone numbers survive;
 * - rich text and hyperlinks give their text; an error cell its code (`#N/A`).
 */
import type { CsvRow } from './csv-reader';

const pad = (n: number) => String(n).padStart(2, '0');

/** True when an Excel number format shows a time of day (h or s outside quoted text). */
function formatShowsTime(numFmt: string | undefined): boolean {
  return !!numFmt && /[hs]/i.test(numFmt.replace(/"[^"]*"|\[[^\]]*\]|\\./g, ''));
}

function dateText(d: Date, numFmt: string | undefined): string {
  // Excel keeps times as binary fractions of a day: round to the second it displays.
  const ms = Math.round(d.getTime() / 1000) * 1000;
  if (!Number.isFinite(ms)) return '';
  const t = new Date(ms);
  const day = `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
  const midnight = ms % 86_400_000 === 0;
  if (midnight && !formatShowsTime(numFmt)) return day;
  return `${day}T${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}`;
}

/** The text of one cell value. */
export function cellText(value: unknown, numFmt?: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  // `String` writes whole numbers below 1e21 as plain digits.
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value, numFmt);
  if (typeof value !== 'object') return '';
  const v = value as Record<string, unknown>;
  if (Array.isArray(v.richText))
    return v.richText
      .map((run: unknown) => (run && typeof run === 'object' ? cellText((run as { text?: unknown }).text) : ''))
      .join('');
  if ('formula' in v || 'sharedFormula' in v) return cellText(v.result, numFmt);
  if ('hyperlink' in v || 'text' in v) return cellText(v.text, numFmt);
  if (typeof v.error === 'string') return v.error;
  return '';
}

/**
 * Rows of a sheet as read (cells by 1-based column, holes undefined) to CSV-like rows: blank
 * rows skipped, each row as wide as the header row (trailing empty cells dropped; a row with
 * text beyond the header keeps it, so the row checks report it as ragged). `line` stays the
 * sheet's row number, so the rejected-row report points at the row the steward sees in Excel.
 */
export function sheetRows(rows: readonly { line: number; cells: readonly (string | undefined)[] }[]): CsvRow[] {
  const filled = rows
    .map((r) => ({ line: r.line, cells: Array.from(r.cells, (c) => c ?? '') }))
    .filter((r) => r.cells.some((c) => c.trim() !== ''));
  const header = filled[0];
  if (!header) return [];
  let width = header.cells.length;
  while (width > 0 && header.cells[width - 1]!.trim() === '') width--;
  return filled.map((r) => {
    let end = r.cells.length;
    while (end > width && r.cells[end - 1]!.trim() === '') end--;
    const cells = r.cells.slice(0, end);
    while (cells.length < width) cells.push('');
    return { line: r.line, cells };
  });
}
