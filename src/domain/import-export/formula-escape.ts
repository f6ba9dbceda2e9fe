/**
 * Spreadsheet formula injection: Excel, LibreOffice and Google Sheets read a cell that starts
 * with = + - @ (or tab, CR, NUL, which some of them strip first) as a formula, also after
 * leading spaces and on any line of a multi-line cell. Such cells get a leading apostrophe
 * on the offending line, which spreadsheets show as text. An E.164 number in a phone column
 * (`+8613812345678`) is left alone so it stays dialable.
 */
const TRIGGER = /^[ ]*[=+\-@\t\r\0]/;
const E164 = /^\+[1-9]\d{6,14}$/;

/** True when a spreadsheet would read `line` as the start of a formula. */
export function isFormulaLike(line: string): boolean {
  return TRIGGER.test(line);
}

/** The cell made safe for spreadsheets. `isPhone`: this is the phone column. */
export function neutraliseFormula(value: string, isPhone = false): string {
  if (isPhone && E164.test(value)) return value;
  if (!/[=+\-@\t\r\0]/.test(value)) return value;
  return value
    .split('\n')
    .map((line) => (isFormulaLike(line) ? `'${line}` : line))
    .join('\n');
}
