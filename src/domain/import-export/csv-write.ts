/** CSV out: RFC 4180 quoting through papaparse, CRLF line ends, optional UTF-8 BOM for Excel. */
import Papa from 'papaparse';

export interface CsvOptions {
  delimiter: ',' | ';' | '\t' | '|';
  bom: boolean;
}

/** One CSV record with its CRLF; every cell is quoted only when needed. */
export function csvLine(cells: readonly string[], options: CsvOptions): string {
  // In a one-column file an empty cell would be an empty line, which readers skip: quote it.
  const quotes = cells.length === 1 ? (value: unknown) => value === '' : false;
  return (
    Papa.unparse([[...cells]], { delimiter: options.delimiter, newline: '\r\n', quotes, escapeFormulae: false }) +
    '\r\n'
  );
}

/** The start of a CSV document: the BOM when asked for, then the header record. */
export function csvHead(header: readonly string[], options: CsvOptions): string {
  return (options.bom ? '\uFEFF' : '') + csvLine(header, options);
}

/** A CSV document (string) of a header row and rows. */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[], options: CsvOptions): string {
  return csvHead(header, options) + rows.map((r) => csvLine(r, options)).join('');
}
