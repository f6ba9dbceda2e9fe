import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { FORMULA_CASES } from './formula-cases';
import { rejectedReportCsv, type ReportLabels } from './rejected-report';

const LABELS: ReportLabels = {
  line: 'Line',
  column: 'Column',
  reason: 'Reason',
  code: 'Code',
  value: 'Value',
  reasonText: (code) => `text of ${code}`,
};

describe('rejected-row report: formulas neutralised like every writer', () => {
  it.each(FORMULA_CASES)('$input (phone column: $phone)', ({ input, expected, phone }) => {
    // A phone reason marks the value as a phone number; the column header is never one.
    const reason = phone ? 'phone-invalid' : 'name-missing';
    const csv = rejectedReportCsv([{ line: 2, column: phone ? 'Phone' : input, reason, value: input }], LABELS);
    const [header, row] = Papa.parse<string[]>(csv.slice(1), { newline: '\r\n' }).data;
    expect(header).toEqual(['Line', 'Column', 'Reason', 'Code', 'Value']);
    expect(row).toEqual(['2', phone ? 'Phone' : expected, `text of ${reason}`, reason, expected]);
  });
});
