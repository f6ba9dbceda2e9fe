/**
 * Spreadsheet formula injection: Excel, LibreOffice and Google Sheets read a cell that starts
 * with = + - @ (or tab or NUL, which some of them strip first) as a formula, also after
 * leading spaces and on any line of a multi-line cell — and a CR alone breaks a line as
 * much as LF or CRLF does. Such lines get a leading apostrophe, which spreadsheets show as
 * text. An E.164 number in a phone column (`+8613812345678`) is left alone so it stays
 * dialable. This is the only neutraliser: every CSV and XLSX writer calls it, and
 * `formula-cases.ts` is the one table their tests share.
 */
const TRIGGER = /^[ ]*[=+\-@\t\r\0]/;
const E164 = /^\+[1-9]\d{6,14}$/;
/** Line breaks as spreadsheets see them; the capture keeps them in `split`'s output. */
const LINE_BREAK = /(\r\n|\r|\n)/;

/** True when a spreadsheet would read `line` as the start of a formula. */
export function isFormulaLike(line: string): boolean {
  return TRIGGER.test(line);
}

/** The cell made safe for spreadsheets. `isPhone`: this is the phone column. */
export function neutraliseFormula(value: string, isPhone = false): string {
  if (isPhone && E164.test(value)) return value;
  // One line (most cells; dates hold '-' and '+' past their start): only its start matters.
  if (!/[\r\n]/.test(value)) return isFormulaLike(value) ? `'${value}` : value;
  // Odd indexes are the line breaks themselves; even ones are lines.
  return value
    .split(LINE_BREAK)
    .map((part, i) => (i % 2 === 0 && isFormulaLike(part) ? `'${part}` : part))
    .join('');
}
