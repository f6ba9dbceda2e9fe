/**
 * CSV of a displayed table (papaparse `unparse`). A cell that a spreadsheet would run as a
 * formula (starting with = + - @, tab, CR or NUL, also right after a line break) is
 * neutralised with a leading apostrophe (DESIGN.md §7); labels here can come from imported
 * source and campaign names.
 */
import Papa from 'papaparse';

export function neutralise(cell: string): string {
  const inner = cell.replace(/([\r\n])(?=[=+\-@\t\r\0])/g, "$1'");
  return /^[=+\-@\t\r\0]/.test(inner) ? `'${inner}` : inner;
}

/** The CSV text of a header and rows of display strings. */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return Papa.unparse({ fields: header.map(neutralise), data: rows.map((r) => r.map(neutralise)) }, { newline: '\r\n' });
}
