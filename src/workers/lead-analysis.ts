/**
 * Checking a lead file or API payload without writing: every row validated, numbers merged
 * within the file, matched against stored leads and DNC lists, new sources and campaigns
 * listed. The result is the summary the steward sees and the plan a commit writes.
 */
import { validateApiRecord } from '../domain/import-export/api-record-validation';
import { parsePayload } from '../domain/import-export/api-payload';
import { campaignSpans, planCatalog } from '../domain/import-export/catalog-resolution';
import { mergeValues } from '../domain/import-export/field-merge';
import { dedupeWithinFile } from '../domain/import-export/file-dedupe';
import {
  RowAccumulator,
  blockedSummary,
  summaryOfRows,
  type AnalysisSummary,
  type FileProblem,
} from '../domain/import-export/import-analysis';
import type { ApiRequest, LeadRequest } from '../domain/import-export/import-request';
import { acquisitionsOf, campaignMentions, type PreparedLead } from '../domain/import-export/prepared-lead';
import type { Rejection } from '../domain/import-export/rejection';
import { validateLeadRow, type LeadRowContext } from '../domain/import-export/row-validation';
import { acquisitionTimeProblem, startOfWallDay } from '../domain/time/calendar';
import type { LeadsDb } from '../db/leads-db';
import { leadsByPhone, listedPhones, loadImportContext } from '../db/repos/import-lookup-repo';
import type { LeadImportPlan } from '../db/repos/import-repo';
import { ImportCancelledError } from '../db/repos/import-commit';
import { checkRows } from './csv-rows';
import type { ImportFile } from './import-file';
import { ProgressMeter, type CancelToken, type ProgressListener } from './import-progress';
import { isFileProblem, plannedRowsFile, rowSourceOf } from './row-source';

export interface LeadAnalysis {
  summary: AnalysisSummary;
  plan: LeadImportPlan | null;
  /** Every rejection, for the downloadable report. */
  report: Rejection[];
}

const blocked = (kind: AnalysisSummary['kind'], fileProblem: FileProblem): LeadAnalysis => ({
  summary: blockedSummary(kind, fileProblem),
  plan: null,
  report: [],
});

/** Start of the declared day in the declared (else the organisation's) zone, or null when not a real past day. */
function declaredInstant(day: string, zone: string, now: number): number | null {
  const [y, m, d] = day.split('-').map(Number);
  const ms = startOfWallDay(y!, m!, d!, zone);
  return ms === null || acquisitionTimeProblem(ms, now) ? null : ms;
}

/** After the rows: merge within the file, look up the database, build summary and plan. */
async function finish(
  db: LeadsDb,
  acc: RowAccumulator<PreparedLead>,
  base: Omit<LeadImportPlan, 'rowsRead' | 'rejected' | 'warnings' | 'duplicatesInFile' | 'conflictsInFile' | 'leads'>,
  kind: AnalysisSummary['kind'],
  listener: ProgressListener | undefined,
  cancel: CancelToken,
): Promise<LeadAnalysis> {
  const summary = summaryOfRows(kind, acc);
  if (summary.asks.length > 0 || acc.rowsRead === 0) return { summary, plan: null, report: acc.rejections };
  const meter = new ProgressMeter('matching', listener);
  meter.report(0, 1, acc.rowsRead, true);
  const file = dedupeWithinFile(acc.accepted, base.conflictRule);
  const phones = file.leads.map((l) => l.phoneE164);
  const [existing, listed, context] = await Promise.all([
    leadsByPhone(db, phones),
    listedPhones(db, phones),
    loadImportContext(db),
  ]);
  if (cancel.cancelled) throw new ImportCancelledError();
  let conflicts = file.conflicts;
  for (const lead of file.leads) {
    const stored = existing.get(lead.phoneE164);
    if (stored) conflicts += mergeValues(stored, lead, base.conflictRule).conflicts;
  }
  const catalog = planCatalog(
    new Set(acquisitionsOf(file.leads).map((a) => a.sourceRef)),
    campaignSpans(campaignMentions(file.leads)),
    context,
    kind === 'api' ? 'api' : 'other',
  );
  summary.counts = {
    ...summary.counts,
    valid: acc.accepted.length,
    duplicatesInFile: file.duplicatesInFile,
    matchedExisting: existing.size,
    toCreate: file.leads.length - existing.size,
    conflicts,
    onDncList: listed.size,
  };
  summary.newSources = catalog.newSources.map((s) => s.name);
  summary.newCampaigns = catalog.newCampaigns.map((c) => c.name);
  meter.report(1, 1, acc.rowsRead, true);
  const plan: LeadImportPlan = {
    ...base,
    rowsRead: acc.rowsRead,
    rejected: acc.rejectedRows,
    warnings: acc.warnings.length,
    duplicatesInFile: file.duplicatesInFile,
    conflictsInFile: file.conflicts,
    leads: file.leads,
  };
  return { summary, plan: file.leads.length > 0 ? plan : null, report: acc.rejections };
}

/** Check a CSV/TSV lead file or a sheet of an .xlsx workbook. */
export async function analyseLeadFile(
  db: LeadsDb,
  file: ImportFile,
  req: LeadRequest,
  now: number,
  listener: ProgressListener | undefined,
  cancel: CancelToken,
): Promise<LeadAnalysis> {
  const source = await rowSourceOf(file, req);
  if (isFileProblem(source)) return blocked('leads', source);
  if (req.mapping.phone === undefined) return blocked('leads', { code: 'mapping-phone-required' });
  if (req.mapping.source === undefined && !req.defaultSource) return blocked('leads', { code: 'source-required' });
  const { settings } = await loadImportContext(db);
  const zone = req.time.timeZone ?? settings.orgTimeZone;
  let declaredAcquiredAt: number | null = null;
  if (req.mapping.acquiredAt === undefined) {
    if (!req.declaredAcquiredDay) return blocked('leads', { code: 'acquisition-required' });
    declaredAcquiredAt = declaredInstant(req.declaredAcquiredDay, zone, now);
    if (declaredAcquiredAt === null) return blocked('leads', { code: 'declared-date-invalid' });
  }
  const acc = new RowAccumulator<PreparedLead>();
  const contextOf = (headers: string[]): LeadRowContext => ({
    headers,
    mapping: req.mapping,
    defaultRegion: req.region,
    orgTimeZone: settings.orgTimeZone,
    now,
    time: req.time,
    declaredAcquiredAt,
    defaultSource: req.defaultSource,
    defaultCampaign: req.defaultCampaign,
  });
  const scan = await checkRows(source, listener, cancel, acc, contextOf, validateLeadRow, req.mapping.acquiredAt);
  if (scan.fileError) return blocked('leads', { code: scan.fileError.code, line: scan.fileError.line });
  return finish(
    db,
    acc,
    {
      kind: 'leads',
      ...plannedRowsFile(file, req, scan.headers),
      ...(req.declaredAcquiredDay && req.mapping.acquiredAt === undefined
        ? { declaredAcquiredDay: req.declaredAcquiredDay }
        : {}),
      ...(req.defaultSource ? { defaultSourceId: req.defaultSource } : {}),
      conflictRule: req.conflictRule,
    },
    'leads',
    listener,
    cancel,
  );
}

/** Check an API payload (JSON array or NDJSON). */
export async function analyseApiPayload(
  db: LeadsDb,
  file: ImportFile,
  req: ApiRequest,
  now: number,
  listener: ProgressListener | undefined,
  cancel: CancelToken,
): Promise<LeadAnalysis> {
  if (file.type !== 'text') return blocked('api', { code: 'wrong-type', fileType: file.type });
  const text = file.text(req.encoding);
  if (text === null) return blocked('api', { code: 'undecodable' });
  const payload = parsePayload(text);
  if (!payload.ok) return blocked('api', { code: 'not-json', ...(payload.line ? { line: payload.line } : {}) });
  const { settings } = await loadImportContext(db);
  const acc = new RowAccumulator<PreparedLead>();
  for (const r of payload.rejections) acc.add({ line: r.line }, { ok: false, rejections: [r] });
  const meter = new ProgressMeter('checking', listener);
  const ctx = {
    defaultRegion: req.region,
    orgTimeZone: settings.orgTimeZone,
    now,
    defaultSource: req.defaultSource,
    defaultCampaign: req.defaultCampaign,
  };
  for (const [i, record] of payload.records.entries()) {
    acc.add(record, validateApiRecord(record, ctx));
    meter.report(i + 1, payload.records.length, i + 1);
    await meter.pace();
    if (cancel.cancelled) throw new ImportCancelledError();
  }
  return finish(
    db,
    acc,
    {
      kind: 'api',
      fileName: file.name,
      sha256: file.sha256,
      encoding: req.encoding,
      conflictRule: req.conflictRule,
      ...(req.defaultSource ? { defaultSourceId: req.defaultSource } : {}),
    },
    'api',
    listener,
    cancel,
  );
}
