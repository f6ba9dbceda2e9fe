/**
 * Building an export file off the main thread: read the leads in chunks, judge each with the
 * one verdict function when the export needs it (call lists always do), neutralise formulas,
 * and write CSV or XLSX bytes with their SHA-256.
 */
import type { LeadsDb } from '../db/leads-db';
import { loadComplianceWorld } from '../db/repos/compliance-world-repo';
import { getLeadsByIds, loadWorldFor, pickInOrder } from '../db/repos/lead-history-repo';
import { getSettings } from '../db/repos/settings-repo';
import { sha256HexBytes } from '../domain/audit/audit-hash';
import { callingHoursAt } from '../domain/compliance/calling-hours';
import { historyFor, rulesByRegion, type ComplianceWorld } from '../domain/compliance/compliance-world';
import { verdict } from '../domain/compliance/verdict';
import type { Verdict } from '../domain/compliance/verdict-types';
import { countExclusions, staleListCopies, type Exclusions, type StaleListCopy } from '../domain/import-export/call-list';
import { toCsv, type CsvOptions } from '../domain/import-export/csv-write';
import { exportValue, type ExportColumn, type ExportTimeFormat } from '../domain/import-export/export-columns';
import { neutraliseFormula } from '../domain/import-export/formula-escape';
import type { Lead } from '../domain/leads/lead';

export interface ExportRequest {
  ids: Int32Array;
  kind: 'leads' | 'call-list';
  format: 'csv' | 'xlsx';
  columns: ExportColumn[];
  time: ExportTimeFormat;
  csv: CsvOptions;
  /** The instant call-list verdicts are judged at. */
  at: number;
  fileName: string;
}

export interface ExportResult {
  bytes: ArrayBuffer;
  fileName: string;
  sha256: string;
  rows: number;
  exclusions: Exclusions | null;
  dncVersionIds: number[];
  ms: number;
}

const CHUNK = 20_000;
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/**
 * The leads of `ids`, in that order. Read in chunks of ascending ids, so each chunk is one narrow
 * range of keys (chunks in the grid's sort order would each span, and re-read, the whole table).
 */
async function readLeads(db: LeadsDb, ids: Int32Array, onProgress: (done: number) => void): Promise<Lead[]> {
  const sorted = Int32Array.from(ids).sort();
  const byId = new Map<number, Lead>();
  for (let i = 0; i < sorted.length; i += CHUNK) {
    for (const lead of await getLeadsByIds(db, Array.from(sorted.subarray(i, i + CHUNK)))) byId.set(lead.id, lead);
    onProgress(Math.min(sorted.length, i + CHUNK));
  }
  return pickInOrder(byId, ids);
}

/** From this many leads, one read of everything beats indexed reads of each lead's history. */
const FULL_WORLD_FROM = 5_000;

/**
 * The leads asked for (in order) and a world for them: for a few, the leads and then their
 * history by index; for many, one read of everything in one transaction, whose leads are the
 * ones asked (no second read of the same leads), with DNC entries for their numbers only.
 */
async function leadsAndWorld(db: LeadsDb, ids: Int32Array, onProgress: (done: number) => void): Promise<{ leads: Lead[]; world: ComplianceWorld }> {
  if (ids.length < FULL_WORLD_FROM) {
    const leads = await readLeads(db, ids, onProgress);
    return { leads, world: await loadWorldFor(db, leads) };
  }
  const loaded = await loadComplianceWorld(db, new Set(ids));
  const leads = pickInOrder(new Map(loaded.leads.map((l) => [l.id, l])), ids);
  onProgress(ids.length);
  return { leads, world: loaded.world };
}

/** Verdicts (and exclusion counts) for a would-be call list, without writing anything. */
export async function judge(db: LeadsDb, ids: Int32Array, at: number, onProgress: (done: number) => void = () => undefined) {
  const [settings, { leads, world }] = await Promise.all([getSettings(db), leadsAndWorld(db, ids, onProgress)]);
  const rulesFor = rulesByRegion(settings);
  const verdicts: Verdict[] = leads.map((l) => verdict(l, historyFor(world, l), rulesFor(l.region), at));
  const stale: StaleListCopy[] = staleListCopies(world.dncLists, rulesFor('US'), at);
  const versionIds = world.dncLists.flatMap((l) => l.versions.filter((v) => v.publishedAt <= at && v.importedAt <= at).map((v) => v.id));
  return { leads, verdicts, exclusions: countExclusions(verdicts), stale, versionIds, rulesFor };
}

/** Build the file. */
export async function buildExport(db: LeadsDb, req: ExportRequest, onProgress: (done: number) => void): Promise<ExportResult> {
  const t0 = performance.now();
  const needsVerdict = req.kind === 'call-list' || req.columns.some((c) => c === 'callable' || c === 'reasons' || c === 'callWindow');
  let leads: Lead[];
  let verdicts: (Verdict | undefined)[] = [];
  let exclusions: Exclusions | null = null;
  let dncVersionIds: number[] = [];
  let rulesFor: ReturnType<typeof rulesByRegion> | null = null;
  if (needsVerdict) {
    const judged = await judge(db, req.ids, req.at, onProgress);
    ({ leads, verdicts, rulesFor } = judged);
    dncVersionIds = judged.versionIds;
    if (req.kind === 'call-list') {
      exclusions = judged.exclusions;
      const keep = verdicts.map((v) => v?.callable === true);
      leads = leads.filter((_, i) => keep[i]);
      verdicts = verdicts.filter((_, i) => keep[i]);
    }
  } else {
    leads = await readLeads(db, req.ids, onProgress);
  }
  const rows = leads.map((lead, i) => {
    let callWindow: string | undefined;
    if (rulesFor && req.columns.includes('callWindow')) {
      const w = callingHoursAt(req.at, lead.timeZone, rulesFor(lead.region).callingHours).window;
      callWindow = w.to > w.from ? `${hhmm(w.from)}–${hhmm(w.to)} ${lead.timeZone}` : '';
    }
    const v = verdicts[i];
    return req.columns.map((c) => neutraliseFormula(exportValue(lead, c, { time: req.time, ...(v ? { verdict: v } : {}), ...(callWindow !== undefined ? { callWindow } : {}) }), c === 'phone'));
  });
  const bytes = req.format === 'csv' ? new TextEncoder().encode(toCsv(req.columns, rows, req.csv)) : await toXlsx(req.columns, rows);
  return { bytes: bytes.buffer as ArrayBuffer, fileName: req.fileName, sha256: sha256HexBytes(bytes), rows: rows.length, exclusions, dncVersionIds, ms: performance.now() - t0 };
}

async function toXlsx(header: readonly string[], rows: string[][]): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Leads');
  sheet.addRow([...header]).font = { bold: true };
  // Every cell is written as text (never a formula or a number), so leading zeros and '+' survive.
  for (const r of rows) sheet.addRow(r);
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
