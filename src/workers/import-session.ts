/**
 * One import wizard's work, off the main thread: open a file (or download a payload), inspect
 * it (its real type, encoding, delimiter or sheet, preview, suggested mapping), check it,
 * commit it as one batch, and roll batches back. Results are plain objects (never thrown errors) because they cross the
 * worker boundary. The class has no comlink in it, so Vitest drives it directly.
 */
import { CALL_FIELDS, duplicateHeaders, LEAD_FIELDS, suggestMapping } from '../domain/import-export/column-mapping';
import { detectDelimiter, type Delimiter } from '../domain/import-export/delimiter';
import type { Encoding } from '../domain/import-export/encoding';
import type { FileType } from '../domain/import-export/file-signature';
import type { AnalysisSummary, FileProblem, ImportKind } from '../domain/import-export/import-analysis';
import type { ImportBatch } from '../domain/import-export/import-batch';
import { analyseRequestSchema } from '../domain/import-export/import-request';
import { rejectedReportCsv, type ReportLabels } from '../domain/import-export/rejected-report';
import type { Rejection } from '../domain/import-export/rejection';
import type { LeadsDb } from '../db/leads-db';
import { commitCallImport, type CallImportPlan } from '../db/repos/call-import-repo';
import { ImportCancelledError } from '../db/repos/import-commit';
import { commitLeadImport, type LeadImportPlan } from '../db/repos/import-repo';
import { RollbackError, rollbackImportBatch, type RollbackRefusal } from '../db/repos/import-rollback-repo';
import { isQuotaError } from '../db/storage-errors';
import { analyseCallLog } from './call-analysis';
import { previewRows, type RowSource } from './csv-rows';
import { ImportFile, type FileLike } from './import-file';
import { downloadImport, type OpenProblem } from './import-download';
import { CancelToken, commitHooks, type ProgressListener } from './import-progress';
import { analyseApiPayload, analyseLeadFile } from './lead-analysis';
import { parsePayload } from '../domain/import-export/api-payload';
import { pickSheet } from './row-source';
import { languageRegion, suggestRegion, type RegionSuggestion } from '../domain/import-export/region-suggestion';

/** Data rows read at inspection for the country suggestion (the numbers' shares need no more). */
const REGION_SAMPLE_ROWS = 500;

export interface Inspection {
  fileName: string;
  size: number;
  sha256: string;
  detectedEncoding: Encoding;
  bom: boolean;
  encoding: Encoding;
  undecodable: boolean;
  detectedDelimiter: Delimiter;
  delimiterConfident: boolean;
  delimiter: Delimiter;
  /** What the bytes are, whatever the name says. */
  fileType: FileType;
  headers: string[];
  /** Header names more than one column uses (columns 1-based): the mapping step names them. */
  duplicateHeaders: { name: string; columns: number[] }[];
  preview: { line: number; cells: string[] }[];
  suggested: Partial<Record<string, number>>;
  fileProblem: FileProblem | null;
  payload?: { format: 'json-array' | 'ndjson'; records: number };
  /** An .xlsx workbook: its sheets (rows = non-blank rows, header included) and the one read. */
  workbook?: { sheets: { name: string; rows: number }[]; sheet: string };
}

export type { OpenProblem };

export type Result<T, E extends string = string> =
  { ok: true; value: T } | { ok: false; error: E; message?: string; detail?: number[] };

function errorResult(e: unknown): Result<never> {
  if (e instanceof ImportCancelledError || (e as Error)?.name === 'ImportCancelledError')
    return { ok: false, error: 'cancelled' };
  // A full disk usually shows only when the transaction commits (its requests all succeeded).
  if (isQuotaError(e)) return { ok: false, error: 'quota' };
  return { ok: false, error: 'failed', message: e instanceof Error ? e.message : String(e) };
}

export class ImportSession {
  private file: ImportFile | null = null;
  private plan: { kind: 'leads' | 'api'; plan: LeadImportPlan } | { kind: 'calls'; plan: CallImportPlan } | null = null;
  private report: Rejection[] = [];
  /** The first data rows and header of the last inspection, for the country suggestion. */
  private sample: { headers: string[]; rows: string[][]; encoding: Encoding } | null = null;
  private cancelToken = new CancelToken();

  constructor(
    private readonly db: LeadsDb,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Take a file; refuses an empty or oversized one before reading it. */
  async open(
    file: FileLike,
  ): Promise<Result<{ fileName: string; size: number }, OpenProblem['code']> & { problem?: OpenProblem }> {
    this.reset();
    const opened = await ImportFile.open(file);
    if (!opened.ok) return { ok: false, error: opened.problem.code, problem: opened.problem };
    this.file = opened.file;
    return { ok: true, value: { fileName: file.name, size: file.size } };
  }

  /** Download a payload from an http(s) URL; the server's refusal or a CORS block is reported. */
  async openUrl(
    url: string,
  ): Promise<Result<{ fileName: string; size: number }, OpenProblem['code']> & { problem?: OpenProblem }> {
    this.reset();
    const got = await downloadImport(url);
    if (!got.ok) return { ok: false, error: got.problem.code, problem: got.problem };
    this.file = got.file;
    return { ok: true, value: { fileName: got.file.name, size: got.file.size } };
  }

  /**
   * Encoding, delimiter (or sheet), preview and suggested mapping; `encoding`/`delimiter`/`sheet`
   * override the detected ones. A file that is not what this import reads (an image, an
   * archive, a legacy .xls, binary data) is named here, before any preview.
   */
  async inspect(
    kind: ImportKind,
    encoding?: Encoding,
    delimiter?: Delimiter,
    sheet?: string,
  ): Promise<Result<Inspection>> {
    const file = this.file;
    if (!file) return { ok: false, error: 'no-file' };
    this.plan = null;
    this.sample = null;
    const type = file.type;
    const readable = type === 'text' || (type === 'xlsx' && kind !== 'api');
    const enc = encoding ?? file.guess.encoding;
    const text = type === 'text' ? file.text(enc) : null;
    const detected = text === null ? { delimiter: ',' as Delimiter, confident: false } : detectDelimiter(text);
    const delim = delimiter ?? detected.delimiter;
    const base = {
      fileName: file.name,
      size: file.size,
      sha256: file.sha256,
      detectedEncoding: file.guess.encoding,
      bom: file.guess.bom,
      encoding: enc,
      undecodable: type === 'text' && text === null,
      detectedDelimiter: detected.delimiter,
      delimiterConfident: detected.confident,
      delimiter: delim,
      fileType: type,
      headers: [],
      duplicateHeaders: [],
      preview: [],
      suggested: {},
    };
    if (!readable) return { ok: true, value: { ...base, fileProblem: { code: 'wrong-type', fileType: type } } };
    let source: RowSource;
    let workbook: Inspection['workbook'];
    if (type === 'xlsx') {
      const sheets = await file.sheets();
      if (!sheets) return { ok: true, value: { ...base, fileProblem: { code: 'workbook-unreadable' } } };
      const chosen = pickSheet(sheets, sheet);
      if (!chosen)
        return {
          ok: true,
          value: { ...base, fileProblem: { code: sheets.length === 0 ? 'no-rows' : 'sheet-missing' } },
        };
      workbook = { sheets: sheets.map((s) => ({ name: s.name, rows: s.rows.length })), sheet: chosen.name };
      source = { kind: 'sheet', rows: chosen.rows };
    } else if (text === null) {
      return { ok: true, value: { ...base, fileProblem: { code: 'undecodable' } } };
    } else if (kind === 'api') {
      const payload = parsePayload(text);
      const preview = text
        .split(/\r\n|\r|\n/, 8)
        .map((line, i) => ({ line: i + 1, cells: [line.length > 300 ? `${line.slice(0, 300)}…` : line] }));
      return {
        ok: true,
        value: {
          ...base,
          preview,
          fileProblem: payload.ok ? null : { code: 'not-json' },
          ...(payload.ok ? { payload: { format: payload.format, records: payload.records.length } } : {}),
        },
      };
    } else source = { kind: 'text', text, delimiter: delim };
    const { headers, rawHeaders, rows: sampled, fileError } = previewRows(source, REGION_SAMPLE_ROWS);
    const rows = sampled.slice(0, 10);
    this.sample = { headers: rawHeaders, rows: sampled.map((r) => r.cells), encoding: enc };
    // Suggestions read the headers as written: "phone (column 3)" is a label, not a header.
    const suggested = suggestMapping(rawHeaders, kind === 'calls' ? CALL_FIELDS : LEAD_FIELDS);
    const fileProblem: FileProblem | null = fileError ?? (headers.length === 0 ? { code: 'no-rows' } : null);
    return {
      ok: true,
      value: {
        ...base,
        headers,
        duplicateHeaders: duplicateHeaders(rawHeaders),
        preview: rows,
        suggested,
        fileProblem,
        ...(workbook ? { workbook } : {}),
      },
    };
  }

  /**
   * Which country the numbers of column `phoneColumn` (0-based) read best in, among `candidates`,
   * against `current`; from the rows read at inspection and the file's language. Null before one.
   */
  suggestRegion(phoneColumn: number, candidates: readonly string[], current: string): RegionSuggestion | null {
    const sample = this.sample;
    if (!sample || phoneColumn < 0 || phoneColumn >= sample.headers.length) return null;
    const language = languageRegion(sample.encoding, sample.headers);
    return suggestRegion(
      sample.rows.map((r) => r[phoneColumn] ?? ''),
      candidates,
      current,
      language,
    );
  }

  /** Check the whole file as requested; nothing is written. */
  async analyse(request: unknown, listener?: ProgressListener): Promise<Result<AnalysisSummary>> {
    const file = this.file;
    if (!file) return { ok: false, error: 'no-file' };
    const parsed = analyseRequestSchema.safeParse(request);
    if (!parsed.success) return { ok: false, error: 'invalid-request', message: parsed.error.message };
    this.plan = null;
    this.report = [];
    const cancel = (this.cancelToken = new CancelToken());
    try {
      const req = parsed.data;
      const now = this.clock();
      if (req.kind === 'calls') {
        const r = await analyseCallLog(this.db, file, req, now, listener, cancel);
        this.plan = r.plan ? { kind: 'calls', plan: r.plan } : null;
        this.report = r.report;
        return { ok: true, value: r.summary };
      }
      const r =
        req.kind === 'leads'
          ? await analyseLeadFile(this.db, file, req, now, listener, cancel)
          : await analyseApiPayload(this.db, file, req, now, listener, cancel);
      this.plan = r.plan ? { kind: req.kind, plan: r.plan } : null;
      this.report = r.report;
      return { ok: true, value: r.summary };
    } catch (e) {
      return errorResult(e);
    }
  }

  /** Write the checked file as one batch: all of it, or (cancelled, failed) nothing. */
  async commit(listener?: ProgressListener): Promise<Result<ImportBatch>> {
    const plan = this.plan;
    if (!plan) return { ok: false, error: 'nothing-to-commit' };
    const cancel = (this.cancelToken = new CancelToken());
    const hooks = commitHooks(cancel, listener);
    try {
      const batch =
        plan.kind === 'calls'
          ? await commitCallImport(this.db, plan.plan, hooks, this.clock())
          : await commitLeadImport(this.db, plan.plan, hooks, this.clock());
      this.plan = null;
      return { ok: true, value: batch };
    } catch (e) {
      return errorResult(e);
    }
  }

  /** Stop the running check or commit; a commit's transaction aborts and writes nothing. */
  cancel(): void {
    this.cancelToken.cancelled = true;
  }

  /** The rejected-row report of the last check, as CSV in the steward's language. */
  rejectedReport(labels: Omit<ReportLabels, 'reasonText'> & { reasons: Record<string, string> }): string {
    return rejectedReportCsv(this.report, { ...labels, reasonText: (code) => labels.reasons[code] ?? code });
  }

  async rollback(batchId: number): Promise<Result<ImportBatch, RollbackRefusal | 'failed'>> {
    try {
      return { ok: true, value: await rollbackImportBatch(this.db, batchId, this.clock()) };
    } catch (e) {
      if (e instanceof RollbackError) return { ok: false, error: e.code, detail: e.detail };
      return { ok: false, error: 'failed', message: e instanceof Error ? e.message : String(e) };
    }
  }

  private reset(): void {
    this.file = null;
    this.sample = null;
    this.plan = null;
    this.report = [];
  }
}
