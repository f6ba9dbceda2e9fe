/**
 * An .xlsx workbook's sheets as rows of text. exceljs (already the export's writer) reads it,
 * loaded only when a workbook is chosen so CSV imports never download it. exceljs keeps each
 * formula's cached result and never evaluates a formula, which is what we want: the values
 * the steward saw in Excel, and nothing run from the file.
 */
import type { CsvRow } from '../domain/import-export/csv-reader';
import { cellText, sheetRows } from '../domain/import-export/sheet-cells';

export interface Sheet {
  name: string;
  /** Non-blank rows, the header first; `line` is the sheet's row number. */
  rows: CsvRow[];
}

/** Every worksheet of the workbook in `bytes`, in the workbook's order; throws when it cannot be read. */
export async function readWorkbookSheets(bytes: Uint8Array): Promise<Sheet[]> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  // exceljs types the argument as a Node Buffer; its zip reader takes an ArrayBuffer too.
  await wb.xlsx.load(buffer as unknown as Parameters<typeof wb.xlsx.load>[0]);
  return wb.worksheets.map((ws) => {
    const raw: { line: number; cells: (string | undefined)[] }[] = [];
    ws.eachRow({ includeEmpty: false }, (row, line) => {
      const cells: (string | undefined)[] = [];
      row.eachCell({ includeEmpty: false }, (cell, column) => {
        // A merged range's other cells repeat its value in exceljs; the sheet shows it once.
        if (cell.isMerged && cell.master !== cell) return;
        cells[column - 1] = cellText(cell.value, cell.numFmt);
      });
      raw.push({ line, cells });
    });
    return { name: ws.name, rows: sheetRows(raw) };
  });
}
