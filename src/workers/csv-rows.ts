/**
 * The header and rows of a file, read in chunks with pacing, progress and cancel: a CSV text,
 * or a workbook sheet already read into rows. Both feed the same mapping and row checks.
 */
import { CsvReader, type CsvFileError, type CsvRow } from '../domain/import-export/csv-reader';
import { uniqueHeaders } from '../domain/import-export/column-mapping';
import type { Delimiter } from '../domain/import-export/delimiter';
import { ImportCancelledError } from '../db/repos/import-commit';
import type { RowAccumulator, RowResult } from '../domain/import-export/import-analysis';
import { ProgressMeter, type CancelToken, type ProgressListener } from './import-progress';

const CHUNK = 2_000;

export interface CsvScan {
  headers: string[];
  fileError: CsvFileError | null;
  rows: number;
}

export type RowSource =
  { kind: 'text'; text: string; delimiter: Delimiter } | { kind: 'sheet'; rows: readonly CsvRow[] };

/** Reads rows of a sheet the way `CsvReader` reads a text. */
class SheetReader {
  private next = 0;
  readonly fileError = null;
  constructor(private readonly rows: readonly CsvRow[]) {}
  get length(): number {
    return this.rows.length;
  }
  get position(): number {
    return this.next;
  }
  read(max: number): CsvRow[] {
    const out = this.rows.slice(this.next, this.next + max);
    this.next += out.length;
    return out;
  }
}

const readerOf = (source: RowSource) =>
  source.kind === 'text' ? new CsvReader(source.text, source.delimiter) : new SheetReader(source.rows);

/** Feed every data row to `onRow`; the first non-blank row is the header. */
export async function scanRows(
  source: RowSource,
  meter: ProgressMeter,
  cancel: CancelToken,
  onRow: (row: CsvRow, headers: string[]) => void,
): Promise<CsvScan> {
  const reader = readerOf(source);
  const first = reader.read(1)[0];
  const headers = first ? uniqueHeaders(first.cells) : [];
  let rows = 0;
  meter.report(0, reader.length, 0, true);
  while (first) {
    const chunk = reader.read(CHUNK);
    if (chunk.length === 0) break;
    for (const row of chunk) onRow(row, headers);
    rows += chunk.length;
    meter.report(reader.position, reader.length, rows);
    await meter.pace();
    if (cancel.cancelled) throw new ImportCancelledError();
  }
  meter.report(reader.length, reader.length, rows, true);
  return { headers, fileError: reader.fileError, rows };
}

/**
 * The "checking" step: every data row validated into `acc`, with a row context built once from
 * the header. `exampleColumn` is the column whose cell illustrates a question to the steward.
 */
export function checkRows<C, T>(
  source: RowSource,
  listener: ProgressListener | undefined,
  cancel: CancelToken,
  acc: RowAccumulator<T>,
  contextOf: (headers: string[]) => C,
  validate: (row: CsvRow, ctx: C) => RowResult<T>,
  exampleColumn: number | undefined,
): Promise<CsvScan> {
  let ctx: { value: C } | null = null;
  return scanRows(source, new ProgressMeter('checking', listener), cancel, (row, headers) => {
    ctx ??= { value: contextOf(headers) };
    acc.add(row, validate(row, ctx.value), exampleColumn === undefined ? '' : (row.cells[exampleColumn] ?? ''));
  });
}

/** The first rows for the preview (cells cut to a readable length). */
export function previewRows(
  source: RowSource,
  count: number,
): {
  headers: string[];
  rawHeaders: string[];
  rows: { line: number; cells: string[] }[];
  fileError: CsvFileError | null;
} {
  const reader = readerOf(source);
  const [first, ...rest] = reader.read(count + 1);
  const cut = (s: string) => (s.length > 200 ? `${s.slice(0, 200)}…` : s);
  return {
    headers: first ? uniqueHeaders(first.cells) : [],
    rawHeaders: first ? first.cells : [],
    rows: rest.map((r) => ({ line: r.line, cells: r.cells.map(cut) })),
    fileError: reader.fileError,
  };
}
