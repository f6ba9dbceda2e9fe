/**
 * Checking a call log without writing: rows validated, each call matched to its lead by id or
 * number (an unknown number is reported, never invented), repeats within the file and calls
 * already stored counted.
 */
import { validateCallRow, type CallRowContext, type PreparedCall } from '../domain/import-export/call-row-validation';
import {
  RowAccumulator,
  SHOWN_PROBLEMS,
  blockedSummary,
  summaryOfRows,
  type AnalysisSummary,
  type FileProblem,
} from '../domain/import-export/import-analysis';
import type { CallRequest } from '../domain/import-export/import-request';
import { rejection, type Rejection } from '../domain/import-export/rejection';
import { callKey } from '../domain/leads/call-key';
import type { LeadsDb } from '../db/leads-db';
import type { CallImportPlan } from '../db/repos/call-import-repo';
import { callKeysOfLeads, leadsById, leadsByPhone } from '../db/repos/import-lookup-repo';
import { checkRows } from './csv-rows';
import type { ImportFile } from './import-file';
import { ProgressMeter, type CancelToken, type ProgressListener } from './import-progress';
import { isFileProblem, plannedRowsFile, rowSourceOf } from './row-source';

export interface CallAnalysis {
  summary: AnalysisSummary;
  plan: CallImportPlan | null;
  /** Every rejection, for the downloadable report. */
  report: Rejection[];
}

const blocked = (fileProblem: FileProblem): CallAnalysis => ({
  summary: blockedSummary('calls', fileProblem),
  plan: null,
  report: [],
});

export async function analyseCallLog(
  db: LeadsDb,
  file: ImportFile,
  req: CallRequest,
  now: number,
  listener: ProgressListener | undefined,
  cancel: CancelToken,
): Promise<CallAnalysis> {
  const source = await rowSourceOf(file, req);
  if (isFileProblem(source)) return blocked(source);
  if (req.mapping.phone === undefined && req.mapping.leadId === undefined)
    return blocked({ code: 'mapping-phone-required' });
  if (req.mapping.at === undefined) return blocked({ code: 'mapping-time-required' });
  if (req.mapping.outcome === undefined) return blocked({ code: 'mapping-outcome-required' });
  const acc = new RowAccumulator<PreparedCall>();
  const contextOf = (headers: string[]): CallRowContext => ({
    headers,
    mapping: req.mapping,
    defaultRegion: req.region,
    now,
    time: req.time,
    defaultCampaign: req.defaultCampaign,
  });
  const scan = await checkRows(source, listener, cancel, acc, contextOf, validateCallRow, req.mapping.at);
  if (scan.fileError) return blocked({ code: scan.fileError.code, line: scan.fileError.line });
  const summary = summaryOfRows('calls', acc);
  if (summary.asks.length > 0 || acc.rowsRead === 0) return { summary, plan: null, report: acc.rejections };

  new ProgressMeter('matching', listener).report(0, 1, acc.rowsRead, true);
  const byPhone = await leadsByPhone(db, [...new Set(acc.accepted.flatMap((c) => (c.phoneE164 ? [c.phoneE164] : [])))]);
  const byId = await leadsById(db, [...new Set(acc.accepted.flatMap((c) => (c.leadId !== null ? [c.leadId] : [])))]);
  const unknown: Rejection[] = [];
  const resolved: (PreparedCall & { leadId: number })[] = [];
  const header = (f: 'phone' | 'leadId') => scan.headers[req.mapping[f] ?? -1] ?? f;
  for (const c of acc.accepted) {
    const lead = c.leadId !== null ? byId.get(c.leadId) : byPhone.get(c.phoneE164!);
    if (lead) resolved.push({ ...c, leadId: lead.id });
    else
      unknown.push(
        c.leadId !== null
          ? rejection(c.line, header('leadId'), 'lead-unknown', String(c.leadId))
          : rejection(c.line, header('phone'), 'number-unknown', c.phoneE164!),
      );
  }
  const seen = new Set<string>();
  const calls = resolved.filter((c) => {
    const key = callKey(c);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const stored = await callKeysOfLeads(db, [...new Set(calls.map((c) => c.leadId))]);
  const already = calls.filter((c) => stored.has(callKey(c))).length;
  const rejections = [...acc.rejections, ...unknown].sort((a, b) => a.line - b.line);
  const rejected = acc.rejectedRows + unknown.length;
  summary.counts = {
    ...summary.counts,
    valid: resolved.length,
    rejected,
    duplicatesInFile: resolved.length - calls.length,
    matchedExisting: already,
    toCreate: calls.length - already,
    leadsAffected: new Set(calls.map((c) => c.leadId)).size,
  };
  summary.rejections = rejections.slice(0, SHOWN_PROBLEMS);
  summary.problemCount = rejections.length;
  const plan: CallImportPlan = {
    ...plannedRowsFile(file, req, scan.headers),
    rowsRead: acc.rowsRead,
    rejected,
    warnings: acc.warnings.length,
    duplicatesInFile: resolved.length - calls.length,
    calls,
  };
  return { summary, plan: calls.length > already ? plan : null, report: rejections };
}
