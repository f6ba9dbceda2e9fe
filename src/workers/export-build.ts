/**
 * Building an export file off the main thread, streamed: the leads are judged a chunk at a time
 * (judged-chunks.ts) with the one judge, each row's bytes are kept compactly, and the file is
 * then written in the order asked as a Blob of parts (CSV bytes, or an XLSX zip deflated as it
 * goes), hashed as it is written. No array of a million rows or a million verdicts exists at
 * once. The export's audit entry is written before the file is handed back, so no byte leaves
 * the worker unrecorded.
 */
import type { LeadsDb } from '../db/leads-db';
import { BlobSink, ByteStore, ranked } from './export-bytes';
import { changesSince } from '../db/repos/change-log-repo';
import { readDataVersion } from '../db/repos/engine-snapshot-repo';
import { indexInAscending } from '../domain/leads/index/row-of-id';
import { recordExport } from '../db/repos/export-repo';
import { catalogNames } from '../db/repos/catalog-repo';
import { JUDGE_CHUNK, readLeadsOf } from '../db/repos/judged-chunks';
import { callingHoursAt } from '../domain/compliance/calling-hours';
import type { Judge } from '../domain/compliance/judge';
import { callZone } from '../domain/compliance/call-zone';
import type { Verdict } from '../domain/compliance/verdict-types';
import { callListInstant, countExclusion, EXPORT_BUSY, noExclusions } from '../domain/import-export/call-list';
import { csvHead, csvLine } from '../domain/import-export/csv-write';
import { exportValue, type ExportColumn, type ExportLead } from '../domain/import-export/export-columns';
import { TIME_COLUMNS } from '../domain/import-export/export-header';
import { excelSerial } from '../domain/import-export/xlsx-date';
import { neutraliseFormula } from '../domain/import-export/formula-escape';
import { createXlsxStream, type XlsxCell } from '../domain/import-export/xlsx-stream';
import { hhmm } from '../domain/time/hhmm';
import {
  bitsByRank,
  callListLists,
  chunksReadAhead,
  engineInstant,
  engineVerdicts,
  judgeAll,
  versionIdsAt,
} from './export-verdicts';

export { previewCallList } from './export-verdicts';
export type { BuildOptions, EngineVerdicts, ExportProgress, ExportRequest, ExportResult } from './export-types';
import type { BuildOptions, ExportProgress, ExportRequest, ExportResult } from './export-types';

/** Separates a row's cells while it waits to become XLSX XML (XML cannot carry U+0000, so no cell holds it). */
const CELL_SEP = '\u0000';
/** Starts an XLSX date cell's serial while the row waits (XML cannot carry U+0001 either, so no text cell starts with it). */
const DATE_MARK = '\u0001';
const xlsxCell = (text: string): XlsxCell => (text.startsWith(DATE_MARK) ? { serial: Number(text.slice(1)) } : text);

/** How many times a file is built before giving up on leads that keep changing under it. */
export const MAX_BUILDS = 3;

/**
 * Build the file, record it in the audit trail, then hand it over. A file is released only if
 * nothing a lead's row or verdict depends on was written while it was built (an agent's DNC
 * request in another tab, a withdrawal, an erasure): else it is built again, from the tables and
 * at a new instant — judged at the old one, a DNC addition made since would not count
 * (callListInstant). After MAX_BUILDS builds it fails with `export-busy`. A call list that relies
 * on a DNC copy older than its jurisdiction allows fails with `export-stale-copies` unless the
 * request carries an override (the screen asks for one; the worker does not trust the screen).
 */
export async function buildExport(
  db: LeadsDb,
  req: ExportRequest,
  onProgress: ExportProgress,
  options: BuildOptions = {},
): Promise<ExportResult> {
  const { now, ...rest } = options;
  const clock = options.clock ?? (now !== undefined ? () => now : Date.now);
  let ask = req;
  for (let build = 1; ; build++) {
    const built = await buildOnce(db, ask, onProgress, clock, rest);
    if (built !== 'changed') return built;
    if (build === MAX_BUILDS) throw new Error(EXPORT_BUSY);
    // The engine's answer no longer holds: the leads are read and judged here.
    const { judged: _stale, ...fromTables } = ask;
    ask = fromTables;
  }
}

/**
 * Whether anything the rows or verdicts of the leads `sorted` (ascending) depend on was written
 * since data version `version` (null: none was ever written): a write that named other leads
 * only does not count (a team's calls on other leads do not send a filtered list round again).
 */
async function movedUnder(db: LeadsDb, version: string | null, sorted: Int32Array): Promise<boolean> {
  if ((await readDataVersion(db)) === version) return false;
  const changes = await changesSince(db, version);
  if (changes === 'unreachable' || changes.full) return true;
  for (const id of changes.leadIds) if (indexInAscending(sorted, sorted.length, id) >= 0) return true;
  return false;
}

/** One build: the result, or 'changed' when a write landed since the data it was built from. */
async function buildOnce(
  db: LeadsDb,
  req: ExportRequest,
  onProgress: ExportProgress,
  clock: () => number,
  { chunk: chunkSize = JUDGE_CHUNK, engineLeads }: BuildOptions,
): Promise<ExportResult | 'changed'> {
  const t0 = performance.now();
  // The data the file is built from: the engine's answer holds only for the data it had applied
  // (a write since, and the leads are judged here instead); the tables, as they are now. The
  // version is read before the clock: a write stamped after the instant is then after the
  // version too, and the check below sees it.
  const since = req.judged ? req.judged.dataVersion : await readDataVersion(db);
  const now = clock();
  const { sorted, rankOf } = ranked(req.ids);
  if (req.judged && (await movedUnder(db, since, sorted))) return 'changed';
  // The leads of a chunk: off the engine's columns when it holds the version it answered at (no
  // IndexedDB read), else from the table.
  const version = req.judged?.dataVersion ?? null;
  let fromColumns = 0;
  const readLeads = async (chunk: Int32Array): Promise<ExportLead[]> => {
    const held = engineLeads && version !== null ? await engineLeads(chunk.slice(), version) : null;
    if (held) fromColumns += held.length;
    return held ?? readLeadsOf(db, chunk);
  };
  const needsVerdict =
    req.kind === 'call-list' || req.columns.some((c) => c === 'callable' || c === 'reasons' || c === 'callWindow');
  const at = engineInstant(req.judged, now) ?? callListInstant(req.at, now);
  // A call list over an over-age DNC copy is refused before a lead is judged (callListLists).
  const lists = req.kind === 'call-list' ? await callListLists(db, at, req.override) : undefined;
  const fromEngine = req.judged?.at === at ? bitsByRank(req.judged, rankOf) : null;
  const n = sorted.length;
  // Each lead's row, by rank: which chunk's bytes, where, how long (0 = not in the file).
  const start = new Uint32Array(n);
  const length = new Uint32Array(n);
  const chunks: Uint8Array[] = [];
  let store = new ByteStore();
  let storeChunk = -1;
  const exclusions = req.kind === 'call-list' ? noExclusions() : null;
  const xlsx = req.format === 'xlsx';
  const encodeRow = (cells: string[]) => (req.format === 'csv' ? csvLine(cells, req.csv) : cells.join(CELL_SEP));
  const names = await catalogNames(db);
  // One cell: an XLSX instant as a date cell (the serial on the export zone's wall clock), else text made safe.
  const cellOf = (lead: ExportLead, c: ExportColumn, ctx: Parameters<typeof exportValue>[2]): string => {
    if (xlsx && TIME_COLUMNS.has(c)) {
      const ms = lead[c as 'acquiredAt'] as number | undefined;
      return ms === undefined ? '' : DATE_MARK + String(excelSerial(ms, req.time.timeZone));
    }
    const text = neutraliseFormula(exportValue(lead, c, ctx), c === 'phone');
    return xlsx ? text.replaceAll(CELL_SEP, '').replaceAll(DATE_MARK, '') : text;
  };

  const keepRow = (lead: ExportLead, v: Verdict | undefined, rank: number, judge: Pick<Judge, 'rulesFor'> | null) => {
    const chunk = Math.floor(rank / chunkSize);
    if (chunk !== storeChunk) {
      if (storeChunk >= 0) chunks[storeChunk] = store.seal();
      store = new ByteStore();
      storeChunk = chunk;
    }
    let callWindow: string | undefined;
    if (judge && req.columns.includes('callWindow')) {
      const zone = callZone(lead.timeZone, judge.rulesFor(lead.region).timeZone);
      const w = callingHoursAt(at, zone, judge.rulesFor(lead.region).callingHours).window;
      callWindow = w.to > w.from ? `${hhmm(w.from)}–${hhmm(w.to)} ${zone}` : '';
    }
    const ctx = {
      time: req.time,
      names,
      ...(v ? { verdict: v } : {}),
      ...(callWindow !== undefined ? { callWindow } : {}),
    };
    const cells = req.columns.map((c) => cellOf(lead, c, ctx));
    start[rank] = store.used;
    length[rank] = store.append(encodeRow(cells));
  };

  let dncVersionIds: number[] = [];
  if (needsVerdict) {
    const visit = (lead: ExportLead, v: Verdict, rank: number, judge: Pick<Judge, 'rulesFor'>) => {
      if (exclusions) countExclusion(exclusions, v);
      if (req.kind === 'call-list' && !v.callable) return;
      keepRow(lead, v, rank, judge);
    };
    const { shared } = fromEngine
      ? await engineVerdicts(db, sorted, fromEngine, chunkSize, onProgress, readLeads, visit, lists)
      : await judgeAll(db, sorted, at, chunkSize, onProgress, visit);
    dncVersionIds = versionIdsAt(shared.world.dncLists, at);
  } else {
    for await (const { from, chunk, leads } of chunksReadAhead(sorted, chunkSize, readLeads)) {
      const rankOfId = new Map<number, number>();
      for (let k = 0; k < chunk.length; k++) rankOfId.set(chunk[k]!, from + k);
      for (const lead of leads) keepRow(lead, undefined, rankOfId.get(lead.id)!, null);
      onProgress(Math.min(n, from + chunkSize));
    }
  }
  if (storeChunk >= 0) chunks[storeChunk] = store.seal();

  // Write the rows in the order asked.
  const sink = new BlobSink();
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  let rows = 0;
  const rowBytes = (p: number) => {
    const k = rankOf[p]!;
    const len = length[k]!;
    if (len === 0) return null;
    const s = start[k]!;
    return chunks[Math.floor(k / chunkSize)]!.subarray(s, s + len);
  };
  let file: { blob: Blob; sha256: string };
  if (req.format === 'csv') {
    sink.write(
      encoder.encode(
        csvHead(
          (req.header ?? req.columns).map((h) => neutraliseFormula(h)),
          req.csv,
        ),
      ),
    );
    for (let p = 0; p < n; p++) {
      const bytes = rowBytes(p);
      if (!bytes) continue;
      sink.write(bytes);
      rows++;
    }
    file = sink.finish('text/csv;charset=utf-8');
  } else {
    const book = createXlsxStream(
      (req.header ?? req.columns).map((h) => neutraliseFormula(h)),
      (bytes) => sink.write(bytes),
    );
    for (let p = 0; p < n; p++) {
      const bytes = rowBytes(p);
      if (!bytes) continue;
      book.addRow(decoder.decode(bytes).split(CELL_SEP).map(xlsxCell));
      rows++;
    }
    book.finish();
    file = sink.finish('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  }
  chunks.length = 0;

  // A write landed while the file was built: build it again, at a new instant. Checked in the
  // audit entry's own transaction, so no write can land between the check and the entry.
  const entry = await recordExport(
    db,
    {
      kind: req.kind,
      format: req.format,
      fileName: req.fileName,
      filter: req.filter,
      columns: req.columns,
      rows,
      sha256: file.sha256,
      dncVersionIds,
      at,
      exclusions: exclusions ? (exclusions.byReason as Record<string, number>) : null,
      ...(req.override ? { override: req.override } : {}),
    },
    { unless: () => movedUnder(db, since, sorted) },
  );
  if (entry === null) return 'changed';
  const chainHead = (entry.before as { chainHead: { hash: string } }).chainHead.hash;
  return {
    blob: file.blob,
    fileName: req.fileName,
    sha256: file.sha256,
    rows,
    exclusions,
    dncVersionIds,
    at,
    ms: performance.now() - t0,
    leadsFromEngine: fromColumns,
    auditSeq: entry.seq,
    chainHead,
  };
}
