/**
 * The lead export's CSV and XLSX writers against the shared formula table: every cell a
 * spreadsheet could run is neutralised, and an E.164 number in the phone column stays as it is.
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { stampNewLead } from '../db/repos/leads-repo';
import { deleteFreshDatabases, freshDb } from '../db/test-databases';
import { FORMULA_CASES } from '../domain/import-export/formula-cases';
import type { NewLead } from '../domain/leads/lead';
import { buildExport, type ExportRequest } from './export-build';

deleteFreshDatabases();
const NOW = Date.UTC(2026, 10, 29, 17, 0);

/** One lead per case: the case's text in the phone column for phone cases, else in the name. */
async function seeded() {
  const db = freshDb();
  const leads = FORMULA_CASES.map((c, i): NewLead => ({
    phoneE164: c.phone ? c.input : `+1213373${String(4000 + i)}`,
    phoneRaw: '',
    region: 'US',
    timeZone: 'America/Los_Angeles',
    name: c.phone ? 'Ada' : c.input,
    company: '',
    email: '',
    tags: [],
    sourceId: 'referrals',
    acquiredAt: NOW - 86_400_000,
    acquiredAtPrecision: 'exact',
    entryMethod: 'manual',
  }));
  const ids = (await db.leads.bulkAdd(
    leads.map((l) => stampNewLead(l, NOW)),
    { allKeys: true },
  )) as number[];
  const expected = FORMULA_CASES.map((c, i) => [
    c.phone ? c.expected : leads[i]!.phoneE164,
    c.phone ? 'Ada' : c.expected,
  ]);
  return { db, ids: Int32Array.from(ids), expected };
}

const request = (ids: Int32Array, format: 'csv' | 'xlsx'): ExportRequest => ({
  ids,
  kind: 'leads',
  format,
  columns: ['phone', 'name'],
  time: { timeZone: 'UTC', pattern: 'iso' },
  csv: { delimiter: ',', bom: false },
  at: NOW,
  fileName: `leads.${format}`,
  filter: {},
});

describe('lead export writers neutralise formulas like every writer', () => {
  it('CSV: every case of the shared table', async () => {
    const { db, ids, expected } = await seeded();
    const out = await buildExport(db, request(ids, 'csv'), () => undefined);
    const parsed = Papa.parse<string[]>(new TextDecoder().decode(await out.blob.arrayBuffer()), {
      newline: '\r\n',
      skipEmptyLines: false,
    }).data;
    expect(parsed.slice(1, 1 + expected.length)).toEqual(expected);
  });

  it('XLSX: every case of the shared table, each cell written as text', async () => {
    const { db, ids, expected } = await seeded();
    const out = await buildExport(db, request(ids, 'xlsx'), () => undefined);
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await out.blob.arrayBuffer());
    const rows: unknown[][] = [];
    wb.getWorksheet('Leads')!.eachRow({ includeEmpty: true }, (row) =>
      rows.push([row.getCell(1).value ?? '', row.getCell(2).value ?? '']),
    );
    // XML has no NUL and reads every CR as LF: compare what a spreadsheet will see.
    const asXml = (cell: string) => cell.replace(/\r\n?/g, '\n').replaceAll('\0', '');
    expect(rows.slice(1)).toEqual(expected.map((r) => r.map(asXml)));
  });
});
