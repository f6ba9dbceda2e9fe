/**
 * A one-sheet XLSX workbook written as a stream: the sheet's rows go through fflate's streaming
 * deflate as they come, and the zip's bytes are handed to `onData` in pieces, so a call list of a
 * million rows never exists as one string or one array of rows. Every text cell is an inline
 * string (never a formula or a number), so leading zeros and '+' survive; instants are real date
 * cells (a serial number shown through a date format, xlsx-date.ts); the header row is bold and frozen.
 */
import { Zip, ZipDeflate, strToU8 } from 'fflate';
import { XLSX_DATE_FORMAT } from './xlsx-date';

/** A cell: text, or a date as its Excel serial (style 2: the date number format). */
export type XlsxCell = string | { serial: number };

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const STATIC_PARTS: [string, string][] = [
  [
    '[Content_Types].xml',
    `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
  ],
  [
    '_rels/.rels',
    `${XML}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  ],
  [
    'xl/_rels/workbook.xml.rels',
    `${XML}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
  ],
  [
    'xl/styles.xml',
    `${XML}<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="${XLSX_DATE_FORMAT}"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="49" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`,
  ],
];

/** Characters XML 1.0 cannot hold at all (controls other than tab, LF, CR; lone surrogates; U+FFFE/F). */
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- the control characters are what this removes
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Cell text as XML character data: escaped, and stripped of what XML cannot carry. */
export function xmlText(value: string): string {
  return value.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The spreadsheet column name of a 0-based index: 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** One `<row>`: inline-string cells and date cells; row numbers are 1-based, style 1 is the bold header. */
export function rowXml(rowNumber: number, cells: readonly XlsxCell[], style: 0 | 1 = 0): string {
  let xml = `<row r="${rowNumber}">`;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i]!;
    const ref = `${columnName(i)}${rowNumber}`;
    if (typeof cell !== 'string') {
      if (Number.isFinite(cell.serial)) xml += `<c r="${ref}" s="2"><v>${cell.serial}</v></c>`;
      continue;
    }
    xml += `<c r="${ref}" t="inlineStr"${style ? ' s="1"' : ''}><is><t xml:space="preserve">${xmlText(cell)}</t></is></c>`;
  }
  return `${xml}</row>`;
}

export interface XlsxStream {
  /** Append a data row (after the header). */
  addRow(cells: readonly XlsxCell[]): void;
  /** Close the sheet and the zip; every byte has been handed to `onData` when this returns. */
  finish(): void;
}

/** Start a workbook with `header`; its bytes go to `onData` in order as they are compressed. */
export function createXlsxStream(
  header: readonly string[],
  onData: (bytes: Uint8Array) => void,
  sheetName = 'Leads',
): XlsxStream {
  let failure: Error | null = null;
  const zip = new Zip((err, data) => {
    if (err) failure = err;
    else onData(data);
  });
  for (const [name, text] of STATIC_PARTS) {
    const part = new ZipDeflate(name, { level: 6 });
    zip.add(part);
    part.push(strToU8(text), true);
  }
  const workbook = new ZipDeflate('xl/workbook.xml', { level: 6 });
  zip.add(workbook);
  workbook.push(
    strToU8(
      `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="${xmlText(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    true,
  );

  // Level 1: the sheet is most of the bytes and most of the time; a little size for a lot of speed.
  const sheet = new ZipDeflate('xl/worksheets/sheet1.xml', { level: 1 });
  zip.add(sheet);
  let pending = '';
  let rowNumber = 1;
  const flush = (final: boolean) => {
    sheet.push(strToU8(pending), final);
    pending = '';
  };
  pending = `${XML}<worksheet xmlns="${MAIN}"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetData>${rowXml(rowNumber, header, 1)}`;
  const check = () => {
    if (failure) throw failure;
  };
  return {
    addRow(cells) {
      pending += rowXml(++rowNumber, cells);
      if (pending.length > 1 << 20) flush(false);
      check();
    },
    finish() {
      pending += '</sheetData></worksheet>';
      flush(true);
      zip.end();
      check();
    },
  };
}
