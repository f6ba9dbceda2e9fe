/**
 * The one table of formula-injection cases. `formula-escape.test.ts` checks `neutraliseFormula`
 * against it, and every CSV and XLSX writer's test writes these cells and reads them back, so
 * no writer can drift from the one neutraliser again.
 */
export interface FormulaCase {
  input: string;
  /** The cell a writer must produce. */
  expected: string;
  /** The case is about the phone column (E.164 numbers stay dialable there). */
  phone?: boolean;
}

export const FORMULA_CASES: readonly FormulaCase[] = [
  { input: '=HYPERLINK("http://x","y")', expected: `'=HYPERLINK("http://x","y")` },
  { input: ' =HYPERLINK("http://x","y")', expected: `' =HYPERLINK("http://x","y")` },
  { input: '+1+1', expected: `'+1+1` },
  { input: '-2+3', expected: `'-2+3` },
  { input: '@SUM(A1)', expected: `'@SUM(A1)` },
  { input: '\t=1', expected: `'\t=1` },
  { input: '\0=1', expected: `'\0=1` },
  { input: '  =1+1', expected: `'  =1+1` },
  // A CR is a line break to spreadsheets, alone or before LF: each line is checked.
  { input: '\r=1', expected: `\r'=1` },
  { input: 'a\r=cmd', expected: `a\r'=cmd` },
  { input: 'a\r\n=cmd', expected: `a\r\n'=cmd` },
  { input: 'line one\n=cmd|calc', expected: `line one\n'=cmd|calc` },
  { input: 'ok\n  @x', expected: `ok\n'  @x` },
  { input: 'Alice', expected: 'Alice' },
  { input: 'a=b', expected: 'a=b' },
  { input: '', expected: '' },
  { input: '王伟', expected: '王伟' },
  { input: 'Trade show — Expo', expected: 'Trade show — Expo' },
  { input: '1,234', expected: '1,234' },
  { input: '+12125550123', expected: `'+12125550123` },
  { input: '+12125550123', expected: '+12125550123', phone: true },
  { input: '+8613812345678', expected: '+8613812345678', phone: true },
  { input: '+1=cmd', expected: `'+1=cmd`, phone: true },
  { input: ' +12125550123', expected: `' +12125550123`, phone: true },
  { input: '=1+1', expected: `'=1+1`, phone: true },
];
