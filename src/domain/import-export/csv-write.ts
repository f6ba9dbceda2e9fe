/** CSV out: RFC 4180 quoting through papaparse, CRLF line ends, optional UTF-8 BOM for Excel. */
import Papa from 'papaparse';

export interface CsvOptions {
  delimiter: ',' | ';' | '\t' | '|';
  bom: boolean;
}

/**
 * A cell papaparse would quote, by its rules: a quote, CR, LF or BOM in it, the delimiter, or a
 * space at either end. One pattern per delimiter.
 */
const QUOTED_BY_DELIMITER: Record<CsvOptions['delimiter'], RegExp> = {
  ',': /["\r\n\uFEFF,]|^ | $/,
  ';': /["\r\n\uFEFF;]|^ | $/,
  '\t': /["\r\n\uFEFF\t]|^ | $/,
  '|': /["\r\n\uFEFF|]|^ | $/,
};

/** One CSV record with its CRLF; every cell is quoted only when needed. */
export function csvLine(cells: readonly string[], options: CsvOptions): string {
  // Most rows need no quoting at all (an export writes a million): joined as they are, the same
  // text papaparse writes (csv-write.test.ts holds them equal), at a tenth of the cost.
  if (cells.length > 1) {
    const quoted = QUOTED_BY_DELIMITER[options.delimiter];
    let plain = true;
    for (const cell of cells) {
      if (quoted.test(cell)) {
        plain = false;
        break;
      }
    }
    if (plain) return cells.join(options.delimiter) + '\r\n';
  }
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
