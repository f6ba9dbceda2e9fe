/** CSV out: RFC 4180 quoting through papaparse, CRLF line ends, optional UTF-8 BOM for Excel. */
import Papa from 'papaparse';

export interface CsvOptions {
  delimiter: ',' | ';' | '\t' | '|';
  bom: boolean;
}

/** A CSV document (string) of a header row and rows; every cell is quoted only when needed. */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[], options: CsvOptions): string {
  // In a one-column file an empty cell would be an empty line, which readers skip: quote it.
  const quotes = header.length === 1 ? (value: unknown) => value === '' : false;
  const write = (data: string[][]) => Papa.unparse(data, { delimiter: options.delimiter, newline: '\r\n', quotes, escapeFormulae: false });
  const lines = [write([[...header]])];
  if (rows.length) lines.push(write(rows.map((r) => [...r])));
  return (options.bom ? '\uFEFF' : '') + lines.join('\r\n') + '\r\n';
}
