/**
 * CSV of a displayed table (papaparse `unparse`). Labels here can come from imported source
 * and campaign names, so every cell goes through the one formula neutraliser (DESIGN.md §7).
 * No column here is a phone column: a cell like `+1…` is neutralised too.
 */
import Papa from 'papaparse';
import { neutraliseFormula } from '../../../domain/import-export/formula-escape';

/** The CSV text of a header and rows of display strings. */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const cell = (value: string) => neutraliseFormula(value);
  return Papa.unparse(
    { fields: header.map(cell), data: rows.map((r) => r.map(cell)) },
    { newline: '\r\n', escapeFormulae: false },
  );
}
