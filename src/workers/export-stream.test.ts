/**
 * The streamed export against the whole-world path it replaced: the same rows in the order
 * asked, only callable leads in a call list, the same exclusions; XLSX readable by a spreadsheet
 * library; the audit entry written (with the file's SHA-256) before the file is handed back; and
 * a call list asked for a past instant still honours a DNC addition made since.
 */
import 'fake-indexeddb/auto';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { loadComplianceWorld } from '../db/repos/compliance-world-repo';
import { closeAll, dbWith, demoSlice, NOW } from '../db/repos/compliance-test-fixture';
import { addToInternalDnc } from '../db/repos/dnc-repo';
import { readDataVersion } from '../db/repos/engine-snapshot-repo';
import { listExports } from '../db/repos/export-repo';
import { catalogNames } from '../db/repos/catalog-repo';
import { createJudge } from '../domain/compliance/judge';
import { countExclusions } from '../domain/import-export/call-list';
import { EXPORT_COLUMNS, exportValue, type ExportColumn } from '../domain/import-export/export-columns';
import { exportLeadsFromColumns } from '../domain/leads/index/export-lead-from-columns';
import { neutraliseFormula } from '../domain/import-export/formula-escape';
import { MS_PER_DAY } from '../domain/time/calendar';
import { buildExport, previewCallList, type ExportRequest } from './export-build';
import { engineAnswer } from './export-test-kit';

afterAll(closeAll);

const COLUMNS: ExportColumn[] = ['phone', 'name', 'source', 'acquiredAt', 'dncStatus', 'callable', 'reasons'];

const request = (
  ids: Int32Array,
  kind: ExportRequest['kind'],
  format: ExportRequest['format'],
  at = NOW,
): ExportRequest => ({
  ids,
  kind,
  format,
  columns: COLUMNS,
  time: { timeZone: 'America/New_York', pattern: 'iso' },
  csv: { delimiter: ',', bom: false },
  at,
  fileName: `list.${format}`,
  filter: { q: 'test' },
});

/** The ids in a scrambled but fixed order, as a grid sort would give them. */
function scrambled(ids: number[]): Int32Array {
  return Int32Array.from([...ids].sort((a, b) => ((a * 7919) % 104729) - ((b * 7919) % 104729)));
}

const csvRows = async (blob: Blob) =>
  Papa.parse<string[]>(await blob.text(), { newline: '\r\n', skipEmptyLines: true }).data;

/** Every cell of the first sheet as text (dates as ISO), row by row. */
async function xlsxRows(blob: Blob): Promise<string[][]> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await blob.arrayBuffer());
  const rows: string[][] = [];
  wb.worksheets[0]!.eachRow({ includeEmpty: true }, (row) =>
    rows.push((row.values as unknown[]).slice(1).map((v) => (v instanceof Date ? v.toISOString() : String(v ?? '')))),
  );
  return rows;
}

describe('streamed export', () => {
  it('writes the same call list as judging the whole world at once, in the order asked, over many chunks', async () => {
    const db = await dbWith(demoSlice(25));
    const ids = scrambled((await db.leads.toCollection().primaryKeys()) as number[]);
    expect(ids.length).toBeGreaterThan(500);
    const out = await buildExport(db, request(ids, 'call-list', 'csv'), () => undefined, { now: NOW, chunk: 97 });

    const { leads, world, settings } = await loadComplianceWorld(db);
    const judge = createJudge(world, settings);
    const byId = new Map(leads.map((l) => [l.id, l]));
    const names = await catalogNames(db);
    const judged = Array.from(ids, (id) => ({ lead: byId.get(id)!, v: judge(byId.get(id)!, NOW).verdict }));
    const expected = judged
      .filter((j) => j.v.callable)
      .map((j) =>
        COLUMNS.map((c) =>
          neutraliseFormula(
            exportValue(j.lead, c, { time: { timeZone: 'America/New_York', pattern: 'iso' }, verdict: j.v, names }),
            c === 'phone',
          ),
        ),
      );
    // Sources are written by name, and the names are not the ids (else this would prove nothing).
    expect(judged.some((j) => names.sources.get(j.lead.sourceId) !== j.lead.sourceId)).toBe(true);
    // Anti-vacuity: the list keeps some leads and excludes others.
    expect(expected.length).toBeGreaterThan(20);
    expect(expected.length).toBeLessThan(ids.length - 20);

    const rows = await csvRows(out.blob);
    expect(rows[0]).toEqual(COLUMNS);
    expect(rows.slice(1)).toEqual(expected);
    expect(out.rows).toBe(expected.length);
    expect(out.exclusions).toEqual(countExclusions(judged.map((j) => j.v)));
    const preview = await previewCallList(db, ids, NOW, { now: NOW, chunk: 101 });
    expect(preview.exclusions).toEqual(out.exclusions);
  });

  it("writes the same call list from the engine's cached verdicts as from judging every lead, without reading a history", async () => {
    const { db, ids, bits } = await engineAnswer(scrambled);
    expect(bits).not.toBeNull();
    const judged = await buildExport(db, request(ids, 'call-list', 'csv'), () => undefined, { now: NOW, chunk: 97 });
    const dataVersion = await readDataVersion(db);
    // An answer given before a write the engine had not applied is not trusted: the leads are judged.
    const stale = await buildExport(
      db,
      {
        ...request(ids, 'call-list', 'csv'),
        judged: { at: NOW, bits: new Uint16Array(ids.length), dataVersion: 'older' },
      },
      () => undefined,
      { now: NOW, chunk: 97 },
    );
    expect(await csvRows(stale.blob)).toEqual(await csvRows(judged.blob));
    // Reading a history (calls, consents, DNC entries) would go through these: make any such read fail loudly.
    const refuse = () => {
      throw new Error('a history was read');
    };
    for (const table of [db.calls, db.consents, db.dncEntries])
      Object.assign(table, { where: refuse, toCollection: refuse, toArray: refuse, bulkGet: refuse });
    const fromEngine = await buildExport(
      db,
      { ...request(ids, 'call-list', 'csv'), judged: { at: NOW, bits, dataVersion } },
      () => undefined,
      { now: NOW, chunk: 97 },
    );
    expect(await csvRows(fromEngine.blob)).toEqual(await csvRows(judged.blob));
    expect(fromEngine.exclusions).toEqual(judged.exclusions);
    expect(fromEngine.rows).toBeGreaterThan(20);
    const preview = await previewCallList(db, ids, NOW, { now: NOW }, { at: NOW, bits, dataVersion });
    expect(preview).toMatchObject({ engine: true, exclusions: judged.exclusions });
  });

  it("writes the same file, every column, CSV and XLSX, from the engine's columns as from the table, reading no lead", async () => {
    const { db, ids, index, bits } = await engineAnswer(scrambled);
    const dataVersion = await readDataVersion(db);
    index.dataVersion = dataVersion;
    for (const format of ['csv', 'xlsx'] as const)
      for (const kind of ['leads', 'call-list'] as const) {
        const ask: ExportRequest = {
          ...request(ids, kind, format),
          columns: [...EXPORT_COLUMNS],
          judged: { at: NOW, bits, dataVersion },
        };
        const fromTable = await buildExport(db, ask, () => undefined, { now: NOW, chunk: 97 });
        expect(fromTable.leadsFromEngine).toBe(0);
        const asked: string[] = [];
        const engineLeads = async (chunk: Int32Array, version: string) => {
          asked.push(version);
          return version === index.dataVersion ? exportLeadsFromColumns(index.cols, chunk) : null;
        };
        const leads = db.leads;
        const refuse = () => {
          throw new Error('a lead was read from the table');
        };
        Object.assign(db, { leads: { ...leads, where: refuse, bulkGet: refuse, toArray: refuse } });
        try {
          const fromColumns = await buildExport(db, ask, () => undefined, { now: NOW, chunk: 97, engineLeads });
          expect(fromColumns.leadsFromEngine).toBe(ids.length);
          expect(asked.every((v) => v === dataVersion)).toBe(true);
          if (format === 'csv') expect(await csvRows(fromColumns.blob)).toEqual(await csvRows(fromTable.blob));
          else expect(await xlsxRows(fromColumns.blob)).toEqual(await xlsxRows(fromTable.blob));
          expect(fromColumns.rows).toBe(fromTable.rows);
        } finally {
          Object.assign(db, { leads });
        }
      }
    // An engine that moved on to another version is not asked twice for nothing: its null sends every chunk to the table.
    const moved = await buildExport(
      db,
      { ...request(ids, 'leads', 'csv'), judged: { at: NOW, bits, dataVersion } },
      () => undefined,
      { now: NOW, chunk: 97, engineLeads: async () => null },
    );
    expect(moved.leadsFromEngine).toBe(0);
    expect(moved.rows).toBe(ids.length);
  });

  it(
    'records the export, with the SHA-256 of the bytes handed over, before handing them over',
    { timeout: 60_000 },
    async () => {
      // Every 3rd demo lead: ids close enough together that each chunk is read as one range of keys.
      const db = await dbWith(demoSlice(3));
      const ids = scrambled((await db.leads.toCollection().primaryKeys()) as number[]);
      const out = await buildExport(db, request(ids, 'leads', 'csv'), () => undefined, { now: NOW, chunk: 1_000 });
      const rows = await csvRows(out.blob);
      const byId = new Map(
        ((await db.leads.toArray()) as { id: number; phoneE164: string }[]).map((l) => [l.id, l.phoneE164]),
      );
      expect(rows.slice(1).map((r) => r[0])).toEqual(Array.from(ids, (id) => byId.get(id)));
      const [entry] = await listExports(db);
      expect(entry!.seq).toBe(out.auditSeq);
      expect((entry!.after as { sha256: string; rows: number }).sha256).toBe(out.sha256);
      expect((entry!.after as { rows: number }).rows).toBe(ids.length);
      const digest = Buffer.from(await crypto.subtle.digest('SHA-256', await out.blob.arrayBuffer())).toString('hex');
      expect(out.sha256).toBe(digest);
    },
  );

  it("writes an XLSX a spreadsheet library reads back cell for cell, header first, instants as real dates on the zone's wall clock", async () => {
    const db = await dbWith(demoSlice(100));
    const ids = scrambled((await db.leads.toCollection().primaryKeys()) as number[]);
    const csv = await csvRows(
      (await buildExport(db, request(ids, 'leads', 'csv'), () => undefined, { now: NOW, chunk: 50 })).blob,
    );
    const out = await buildExport(db, request(ids, 'leads', 'xlsx'), () => undefined, { now: NOW, chunk: 50 });
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await out.blob.arrayBuffer());
    const sheet = wb.getWorksheet('Leads')!;
    const rows: string[][] = [];
    const at = COLUMNS.indexOf('acquiredAt');
    // A date cell reads back as a Date holding the wall-clock time (Excel has no zones): compare with the CSV's local part.
    const text = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 19) : String(v ?? ''));
    sheet.eachRow({ includeEmpty: true }, (row) => rows.push(COLUMNS.map((_, i) => text(row.getCell(i + 1).value))));
    expect(rows).toEqual(csv.map((r, k) => (k === 0 ? r : r.map((c, i) => (i === at ? c.slice(0, 19) : c)))));
    expect(sheet.getRow(2).getCell(at + 1).value).toBeInstanceOf(Date);
    expect(sheet.getRow(2).getCell(at + 1).numFmt).toBe('yyyy-mm-dd hh:mm:ss');
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
  });

  it('judges a call list asked for a past instant with everything known now: a later DNC addition is honoured', async () => {
    const db = await dbWith(demoSlice(25));
    const ids = Int32Array.from((await db.leads.toCollection().primaryKeys()) as number[]);
    const yesterday = NOW - MS_PER_DAY;
    const before = await csvRows(
      (await buildExport(db, request(ids, 'call-list', 'csv', yesterday), () => undefined, { now: NOW })).blob,
    );
    const phone = before[1]![0]!;
    expect(phone).toMatch(/^\+\d+$/);
    // The person asks not to be called: added to the internal list now.
    await addToInternalDnc(db, { phone, defaultRegion: 'US' }, NOW);
    const out = await buildExport(db, request(ids, 'call-list', 'csv', yesterday), () => undefined, { now: NOW + 1 });
    const after = await csvRows(out.blob);
    expect(after.map((r) => r[0])).not.toContain(phone);
    expect(after.length).toBe(before.length - 1);
    expect(out.at).toBe(NOW + 1);
    expect(out.exclusions?.byReason['dnc-listed']).toBeGreaterThan(0);
  });
});
