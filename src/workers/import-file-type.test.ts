/**
 * A file is read for what it is, not for what its name says: an image, an archive, a legacy
 * .xls or binary data chosen as a CSV is named before any preview; an .xlsx workbook is read
 * as a lead file or call log from the sheet the steward picks, with the sheet's row numbers.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { LeadsDb } from '../db/leads-db';
import { storedZip } from '../domain/import-export/stored-zip.test-kit';
import { ImportSession } from './import-session';
import { bytesOf, check, NOW, freshDatabases } from './import-test-kit';

const fresh = freshDatabases();

const PNG = Uint8Array.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0,
  0, 0,
]);
const XLS = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array<number>(504).fill(0)]);
const LEAD_REQUEST = {
  encoding: 'utf-8',
  delimiter: ',',
  region: 'US',
  defaultCampaign: null,
  defaultSource: 'web-forms',
  conflictRule: 'keep-existing',
  declaredAcquiredDay: null,
};

async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function opened(db: LeadsDb, bytes: Uint8Array, name: string) {
  const session = new ImportSession(db, () => NOW);
  expect((await session.open(new File([bytes as Uint8Array<ArrayBuffer>], name))).ok).toBe(true);
  return session;
}

describe('a file that is not what the import reads is named before any preview', () => {
  it.each([
    ['a PNG image renamed .csv', PNG, 'leads.csv', 'leads', 'png'],
    ['a ZIP archive', storedZip({ 'leads.csv': 'phone\n2133734253\n' }), 'leads.csv', 'leads', 'zip'],
    ['a legacy Excel 97–2003 workbook', XLS, 'leads.xls', 'calls', 'xls'],
    [
      'a header with a NUL byte in it',
      bytesOf('pho\u0000ne,name,acquired at\n2133734253,Ann,2026-01-10T09:00:00Z\n'),
      'leads.csv',
      'leads',
      'binary',
    ],
    ['a PNG chosen as an API payload', PNG, 'leads.json', 'api', 'png'],
  ] as const)('%s', async (_, bytes, name, kind, type) => {
    const db = fresh();
    const session = await opened(db, bytes, name);
    const inspected = await session.inspect(kind);
    expect(inspected.ok && inspected.value).toMatchObject({
      fileType: type,
      fileProblem: { code: 'wrong-type', fileType: type },
      headers: [],
      preview: [],
    });
    // A check the screen should not offer is refused the same way, and writes nothing.
    const request =
      kind === 'api'
        ? {
            kind,
            encoding: 'utf-8',
            region: 'US',
            defaultCampaign: null,
            defaultSource: 'web-forms',
            conflictRule: 'keep-existing',
          }
        : kind === 'calls'
          ? {
              kind,
              encoding: 'utf-8',
              delimiter: ',',
              region: 'US',
              defaultCampaign: null,
              mapping: { phone: 0, at: 1, outcome: 2 },
              time: { format: null, timeZone: 'UTC' },
            }
          : { kind, ...LEAD_REQUEST, mapping: { phone: 0, acquiredAt: 2 }, time: { format: null, timeZone: 'UTC' } };
    const analysed = await session.analyse(request);
    expect(analysed.ok && analysed.value.fileProblem).toEqual({ code: 'wrong-type', fileType: type });
    expect(await session.commit()).toEqual({ ok: false, error: 'nothing-to-commit' });
    expect(await db.leads.count()).toBe(0);
  });

  it('a real .xlsx chosen as an API payload is named as an Excel workbook', async () => {
    const session = await opened(
      fresh(),
      await workbook((wb) => wb.addWorksheet('Leads').addRow(['phone'])),
      'leads.json',
    );
    const inspected = await session.inspect('api');
    expect(inspected.ok && inspected.value.fileProblem).toEqual({ code: 'wrong-type', fileType: 'xlsx' });
  });

  it('a damaged workbook is reported as unreadable, not previewed as text', async () => {
    const broken = storedZip({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<not-a-workbook' });
    const inspected = await (await opened(fresh(), broken, 'leads.xlsx')).inspect('leads');
    expect(inspected.ok && inspected.value).toMatchObject({
      fileType: 'xlsx',
      fileProblem: { code: 'workbook-unreadable' },
      preview: [],
    });
  });
});

/** A workbook as people have them: an empty first sheet, a title row, numbers, dates, a formula, rich text, and a call log. */
const leadsWorkbook = () =>
  workbook((wb) => {
    wb.addWorksheet('Notes');
    const leads = wb.addWorksheet('Leads');
    leads.getCell('A1').value = 'Exported 2026-01-12';
    leads.getRow(3).values = ['Phone', 'Name', 'Acquired at', 'Score'];
    leads.getRow(4).values = [2133734253, 'Ann', new Date(Date.UTC(2026, 0, 10, 9, 30)), { formula: '1+1', result: 7 }];
    leads.getRow(5).values = ['12', 'Bob', new Date(Date.UTC(2026, 0, 10, 9, 30)), 1];
    leads.getRow(7).values = [
      '+1 213-373-4255',
      { richText: [{ text: 'Cy ' }, { font: { bold: true }, text: 'Lee' }] },
      new Date(Date.UTC(2026, 0, 5)),
      { formula: 'B7', result: undefined },
    ];
    leads.getCell('C4').numFmt = 'yyyy-mm-dd hh:mm';
    leads.getCell('C5').numFmt = 'yyyy-mm-dd hh:mm';
    leads.getCell('C7').numFmt = 'yyyy-mm-dd';
    const calls = wb.addWorksheet('Calls');
    calls.addRow(['Phone', 'Called at', 'Outcome']);
    calls.addRow(['2133734253', '2026-02-01T15:00:00Z', 'answered']);
  });

describe('an .xlsx workbook is read as a lead file or call log', () => {
  it('opens on the first sheet with rows, lists the sheets, and previews with the sheet’s row numbers', async () => {
    const session = await opened(fresh(), await leadsWorkbook(), 'crm export.xlsx');
    const inspected = await session.inspect('leads');
    if (!inspected.ok) throw new Error('inspect failed');
    const i = inspected.value;
    expect(i.fileType).toBe('xlsx');
    expect(i.workbook).toEqual({
      sheets: [
        { name: 'Notes', rows: 0 },
        { name: 'Leads', rows: 5 },
        { name: 'Calls', rows: 2 },
      ],
      sheet: 'Leads',
    });
    // The title row above the header is the sheet's first non-blank row: the steward sees it as the header and can fix the file.
    expect(i.headers).toEqual(['Exported 2026-01-12']);
    expect(i.fileProblem).toBeNull();
  });

  it('imports the rows of a sheet: numbers as digits, dates in the declared zone, formulas as their cached result, rejections at the sheet’s rows', async () => {
    const db = fresh();
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet('Leads');
      ws.getRow(2).values = ['Phone', 'Name', 'Acquired at', 'Score'];
      ws.getRow(3).values = [2133734253, 'Ann', new Date(Date.UTC(2026, 0, 10, 9, 30)), { formula: '1+1', result: 7 }];
      ws.getRow(4).values = ['12', 'Bob', new Date(Date.UTC(2026, 0, 10, 9, 30)), 1];
      ws.getRow(6).values = [
        '+1 213-373-4255',
        { richText: [{ text: 'Cy ' }, { font: { bold: true }, text: 'Lee' }] },
        new Date(Date.UTC(2026, 0, 5)),
        { formula: 'NOW()', result: undefined },
      ];
      ws.getRow(7).values = [
        { formula: '"2133734256"', result: '2133734256' },
        { formula: 'B3', result: 'Ann' },
        '2026-01-11 08:00',
        3,
      ];
      ws.getCell('C3').numFmt = 'yyyy-mm-dd hh:mm';
      ws.getCell('C4').numFmt = 'yyyy-mm-dd hh:mm';
      ws.getCell('C6').numFmt = 'yyyy-mm-dd';
    });
    const { session, inspection, summary } = await check(
      db,
      bytes,
      { time: { format: null, timeZone: 'America/New_York' }, mapping: { phone: 0, name: 1, acquiredAt: 2, tags: 3 } },
      'leads',
      'leads.xlsx',
    );
    expect(inspection.headers).toEqual(['Phone', 'Name', 'Acquired at', 'Score']);
    expect(inspection.preview.map((r) => [r.line, ...r.cells])).toEqual([
      [3, '2133734253', 'Ann', '2026-01-10T09:30:00', '7'],
      [4, '12', 'Bob', '2026-01-10T09:30:00', '1'],
      [6, '+1 213-373-4255', 'Cy Lee', '2026-01-05', ''],
      [7, '2133734256', 'Ann', '2026-01-11 08:00', '3'],
    ]);
    expect(summary.rejections.map((r) => `${r.line}:${r.column}:${r.reason}`)).toEqual(['4:Phone:phone-too-short']);
    expect((await session.commit()).ok).toBe(true);
    const leads = await db.leads.orderBy('phoneE164').toArray();
    expect(leads.map((l) => [l.phoneE164, l.name, l.acquiredAt, l.acquiredAtPrecision, l.tags])).toEqual([
      ['+12133734253', 'Ann', Date.UTC(2026, 0, 10, 14, 30), 'exact', ['7']],
      ['+12133734255', 'Cy Lee', Date.UTC(2026, 0, 5, 5), 'day', []],
      ['+12133734256', 'Ann', Date.UTC(2026, 0, 11, 13), 'exact', ['3']],
    ]);
    expect((await db.importBatches.toArray()).map((b) => [b.fileName, b.rowsRead, b.rejected])).toEqual([
      ['leads.xlsx', 4, 1],
    ]);
  });

  it('reads the sheet the steward chooses, here a call log on the third sheet', async () => {
    const db = fresh();
    const lead = await check(db, 'phone,acquired at\n2133734253,2026-01-10T09:00:00Z\n');
    expect((await lead.session.commit()).ok).toBe(true);
    const session = await opened(db, await leadsWorkbook(), 'dialler.xlsx');
    const inspected = await session.inspect('calls', undefined, undefined, 'Calls');
    if (!inspected.ok) throw new Error('inspect failed');
    expect([inspected.value.workbook?.sheet, inspected.value.headers, inspected.value.suggested]).toEqual([
      'Calls',
      ['Phone', 'Called at', 'Outcome'],
      { phone: 0, at: 1, outcome: 2 },
    ]);
    const request = {
      kind: 'calls',
      encoding: 'utf-8',
      delimiter: ',',
      sheet: 'Calls',
      region: 'US',
      defaultCampaign: null,
      mapping: inspected.value.suggested,
      time: { format: null, timeZone: 'UTC' },
    };
    const analysed = await session.analyse(request);
    expect(analysed.ok && analysed.value.counts).toMatchObject({ rowsRead: 1, valid: 1, toCreate: 1 });
    expect((await session.commit()).ok).toBe(true);
    expect((await db.calls.toArray()).map((c) => c.at)).toEqual([Date.UTC(2026, 1, 1, 15)]);
    const missing = await session.analyse({ ...request, sheet: 'Nope' });
    expect(missing.ok && missing.value.fileProblem).toEqual({ code: 'sheet-missing' });
  });
});
