/**
 * The rejected-row report as CSV: line, column, reason and value, in the steward's language.
 * Values and headers come from untrusted files, so they are neutralised the way every export
 * is (`neutraliseFormula`): a rejected E.164 number stays as it is.
 */
import Papa from 'papaparse';
import { neutraliseFormula } from './formula-escape';
import type { Rejection } from './rejection';

const isPhoneReason = (code: string) => code.startsWith('phone-') || code === 'number-unknown';

export interface ReportLabels {
  line: string;
  column: string;
  reason: string;
  code: string;
  value: string;
  /** The reason's text for a code. */
  reasonText: (code: string) => string;
}

export function rejectedReportCsv(rows: readonly Rejection[], labels: ReportLabels): string {
  const data = rows.map((r) => [
    String(r.line),
    neutraliseFormula(r.column),
    labels.reasonText(r.reason),
    r.reason,
    neutraliseFormula(r.value, isPhoneReason(r.reason)),
  ]);
  // A BOM so that Excel reads the UTF-8 (Chinese reasons, names) correctly.
  return `\uFEFF${Papa.unparse({ fields: [labels.line, labels.column, labels.reason, labels.code, labels.value], data }, { newline: '\r\n' })}`;
}
