/** Where a lead file's or call log's rows come from: its decoded text, or the chosen sheet of a workbook. */
import { mappingToHeaders, type ColumnMapping } from '../domain/import-export/column-mapping';
import type { Delimiter } from '../domain/import-export/delimiter';
import type { Encoding } from '../domain/import-export/encoding';
import type { FileProblem } from '../domain/import-export/import-analysis';
import type { LeadRequest } from '../domain/import-export/import-request';
import type { RowSource } from './csv-rows';
import type { ImportFile } from './import-file';
import type { Sheet } from './xlsx-sheets';

/** The sheet a workbook opens on: the named one, else the first with rows, else the first. */
export function pickSheet(sheets: readonly Sheet[], name?: string): Sheet | undefined {
  if (name !== undefined) return sheets.find((s) => s.name === name);
  return sheets.find((s) => s.rows.length > 0) ?? sheets[0];
}

/** The rows to read, or the file-level problem that stops reading (wrong type, undecodable, unreadable workbook). */
export async function rowSourceOf(
  file: ImportFile,
  reading: { encoding: Encoding; delimiter: Delimiter; sheet?: string | undefined },
): Promise<RowSource | FileProblem> {
  if (file.type === 'xlsx') {
    const sheets = await file.sheets();
    if (!sheets) return { code: 'workbook-unreadable' };
    const sheet = pickSheet(sheets, reading.sheet);
    return sheet ? { kind: 'sheet', rows: sheet.rows } : { code: 'sheet-missing' };
  }
  if (file.type !== 'text') return { code: 'wrong-type', fileType: file.type };
  const text = file.text(reading.encoding);
  return text === null ? { code: 'undecodable' } : { kind: 'text', text, delimiter: reading.delimiter };
}

type TimeDeclaration = LeadRequest['time'];

export const isFileProblem = (s: RowSource | FileProblem): s is FileProblem => 'code' in s;

/** What an import plan records of a file read as rows: name, hash, reading, the mapping as header text and the time declaration. */
export function plannedRowsFile(
  file: ImportFile,
  req: { encoding: Encoding; delimiter: Delimiter; mapping: ColumnMapping; time: TimeDeclaration },
  headers: readonly string[],
) {
  return {
    fileName: file.name,
    sha256: file.sha256,
    encoding: req.encoding,
    delimiter: req.delimiter,
    mapping: mappingToHeaders(headers, req.mapping),
    timeDeclaration: req.time,
  };
}
