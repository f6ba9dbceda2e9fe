/**
 * The rejected-row report as CSV: line, column, reason and value, in the steward's language.
 * Values come from untrusted files, so cells that a spreadsheet would run as a formula are
 * neutralised (papaparse's escapeFormulae prefixes them with a quote mark) — except a plain
 * number such as +12133734253 or -5, which a spreadsheet reads as a number, not a formula.
 */
import Papa from 'papaparse';
import type { Rejection } from './rejection';

/** Starts like a formula: = @ tab CR, or + / - not followed by a plain number (also after a line break). */
const FORMULA = /(^|[\r\n])([=@\t\r]|[+-](?![\d\s().-]*$))/;

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
  const data = rows.map((r) => [String(r.line), r.column, labels.reasonText(r.reason), r.reason, r.value]);
  // A BOM so that Excel reads the UTF-8 (Chinese reasons, names) correctly.
  return `\uFEFF${Papa.unparse({ fields: [labels.line, labels.column, labels.reason, labels.code, labels.value], data }, { escapeFormulae: FORMULA, newline: '\r\n' })}`;
}
