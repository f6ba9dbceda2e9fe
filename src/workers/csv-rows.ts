/** The header and rows of a CSV text, read in chunks with pacing, progress and cancel. */
import { CsvReader, type CsvFileError, type CsvRow } from '../domain/import-export/csv-reader';
import { uniqueHeaders } from '../domain/import-export/column-mapping';
import type { Delimiter } from '../domain/import-export/delimiter';
import { ImportCancelledError } from '../db/repos/import-repo';
import type { CancelToken, ProgressMeter } from './import-progress';

const CHUNK = 2_000;

export interface CsvScan {
  headers: string[];
  fileError: CsvFileError | null;
  rows: number;
}

/** Feed every data row to `onRow`; the first non-blank row is the header. */
export async function scanCsv(text: string, delimiter: Delimiter, meter: ProgressMeter, cancel: CancelToken, onRow: (row: CsvRow, headers: string[]) => void): Promise<CsvScan> {
  const reader = new CsvReader(text, delimiter);
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

/** The first rows for the preview (cells cut to a readable length). */
export function previewCsv(text: string, delimiter: Delimiter, count: number): { headers: string[]; rows: { line: number; cells: string[] }[]; fileError: CsvFileError | null } {
  const reader = new CsvReader(text, delimiter);
  const [first, ...rest] = reader.read(count + 1);
  const cut = (s: string) => (s.length > 200 ? `${s.slice(0, 200)}…` : s);
  return {
    headers: first ? uniqueHeaders(first.cells) : [],
    rows: rest.map((r) => ({ line: r.line, cells: r.cells.map(cut) })),
    fileError: reader.fileError,
  };
}
