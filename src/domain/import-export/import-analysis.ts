/**
 * What a check of a file found, before anything is written: the counts the steward sees,
 * the rejected rows with line, column and reason, warnings, and the declarations still
 * needed (a date format or a zone) before the file can be read at all.
 */
import type { FileType } from './file-signature';
import { rejection, type Rejection } from './rejection';

/** The warning of a text cell a spreadsheet would read as a formula. */
export const FORMULA_LIKE = 'formula-like';

export type AskProblem = 'format-required' | 'zone-required';

export interface Ask {
  problem: AskProblem;
  count: number;
  firstLine: number;
  example: string;
}

export type ImportKind = 'leads' | 'calls' | 'api';

export interface AnalysisCounts {
  rowsRead: number;
  valid: number;
  rejected: number;
  /** Rows merged into an earlier row of the same number (leads) or repeated calls. */
  duplicatesInFile: number;
  /** Distinct numbers already stored (leads), or calls already stored (calls). */
  matchedExisting: number;
  /** Leads (or calls) the commit will create. */
  toCreate: number;
  conflicts: number;
  warnings: number;
  /** Numbers on an active Do-Not-Call list: imported, and blocked by the verdict. */
  onDncList: number;
  /** Leads whose call facts a call log updates. */
  leadsAffected: number;
  /** Accepted rows whose name or company a spreadsheet would read as a formula (a warning each). */
  formulaLike: number;
}

export const EMPTY_COUNTS: AnalysisCounts = {
  rowsRead: 0,
  valid: 0,
  rejected: 0,
  duplicatesInFile: 0,
  matchedExisting: 0,
  toCreate: 0,
  conflicts: 0,
  warnings: 0,
  onDncList: 0,
  leadsAffected: 0,
  formulaLike: 0,
};

export interface FileProblem {
  code:
    | 'unbalanced-quote'
    | 'undecodable'
    | 'empty-file'
    | 'no-rows'
    | 'file-too-large'
    | 'not-json'
    | 'mapping-phone-required'
    | 'mapping-time-required'
    | 'mapping-outcome-required'
    | 'acquisition-required'
    | 'declared-date-invalid'
    | 'source-required'
    | 'wrong-type'
    | 'workbook-unreadable'
    | 'sheet-missing';
  line?: number;
  /** `wrong-type`: what the file really is (a PNG image, an Excel workbook, binary data…). */
  fileType?: FileType;
}

export interface AnalysisSummary {
  kind: ImportKind;
  fileProblem: FileProblem | null;
  asks: Ask[];
  counts: AnalysisCounts;
  /** The first rejections (all of them are in the downloadable report). */
  rejections: Rejection[];
  /** How many rejections the report holds. */
  problemCount: number;
  warnings: Rejection[];
  newSources: string[];
  newCampaigns: string[];
}

/** How many rejections and warnings travel to the screen; the report holds all. */
export const SHOWN_PROBLEMS = 200;

/** `warnings`: the row is taken, and the steward is told what looked wrong in it. */
export type RowResult<T> =
  { ok: true; value: T; warnings?: Rejection[] } | { ok: false; rejections: Rejection[]; ask?: AskProblem };

/** Collects row results as a file is read. */
export class RowAccumulator<T> {
  rowsRead = 0;
  rejectedRows = 0;
  /** Accepted rows with a formula-like name or company. */
  formulaLikeRows = 0;
  readonly accepted: T[] = [];
  readonly rejections: Rejection[] = [];
  readonly warnings: Rejection[] = [];
  private readonly asks = new Map<AskProblem, Ask>();

  add(row: { line: number; strayQuote?: true }, result: RowResult<T>, example = ''): void {
    this.rowsRead++;
    if (row.strayQuote) this.warnings.push(rejection(row.line, '', 'stray-quote'));
    if (result.ok) {
      this.accepted.push(result.value);
      if (result.warnings?.length) {
        this.warnings.push(...result.warnings);
        if (result.warnings.some((w) => w.reason === FORMULA_LIKE)) this.formulaLikeRows++;
      }
      return;
    }
    if (result.ask) {
      const ask = this.asks.get(result.ask);
      if (ask) ask.count++;
      else this.asks.set(result.ask, { problem: result.ask, count: 1, firstLine: row.line, example });
    }
    if (result.rejections.length > 0) {
      this.rejectedRows++;
      this.rejections.push(...result.rejections);
    }
  }

  allAsks(): Ask[] {
    return [...this.asks.values()];
  }
}

/** The summary of a file that was not read (or not past its first problem): nothing counted. */
export function blockedSummary(kind: ImportKind, fileProblem: FileProblem): AnalysisSummary {
  return {
    kind,
    fileProblem,
    asks: [],
    counts: EMPTY_COUNTS,
    rejections: [],
    problemCount: 0,
    warnings: [],
    newSources: [],
    newCampaigns: [],
  };
}

/** The summary of the rows as read, before any lookup: counts, what must be asked, the first problems. */
export function summaryOfRows(kind: ImportKind, acc: RowAccumulator<unknown>): AnalysisSummary {
  return {
    kind,
    fileProblem: acc.rowsRead === 0 ? { code: 'no-rows' } : null,
    asks: acc.allAsks(),
    counts: {
      ...EMPTY_COUNTS,
      rowsRead: acc.rowsRead,
      rejected: acc.rejectedRows,
      warnings: acc.warnings.length,
      formulaLike: acc.formulaLikeRows,
    },
    rejections: acc.rejections.slice(0, SHOWN_PROBLEMS),
    problemCount: acc.rejections.length,
    warnings: acc.warnings.slice(0, SHOWN_PROBLEMS),
    newSources: [],
    newCampaigns: [],
  };
}
