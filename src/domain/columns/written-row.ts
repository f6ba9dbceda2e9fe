/**
 * One row of the engine's `written` column: how a lead's name, company and e-mail are written where
 * the search text's lower-cased copy does not say it (decision 046). For most rows that is nothing,
 * and the row is ''; one column and one offset a row, not three.
 *
 * Otherwise the row holds the name's mark, the company's mark (written-case.ts) and the e-mail as
 * written (or '' where the copy holds it so), each packed one byte a character (one-byte-text.ts),
 * the two marks each behind four characters that give its packed length (a byte each, so the row
 * stays one byte a character; four bytes say any string's length).
 */
import { packText, unpackText } from './one-byte-text';

export interface WrittenParts {
  nameMark: string;
  companyMark: string;
  email: string;
}

const LENGTH_CHARS = 4;

const lengthChars = (n: number) =>
  String.fromCharCode((n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff);

const lengthAt = (row: string, at: number) =>
  ((row.charCodeAt(at) << 24) >>> 0) +
  (row.charCodeAt(at + 1) << 16) +
  (row.charCodeAt(at + 2) << 8) +
  row.charCodeAt(at + 3);

/** The row of three parts ('' when all three are ''). */
export function writtenRow({ nameMark, companyMark, email }: WrittenParts): string {
  if (nameMark === '' && companyMark === '' && email === '') return '';
  const name = packText(nameMark);
  const company = packText(companyMark);
  return lengthChars(name.length) + name + lengthChars(company.length) + company + packText(email);
}

/** The name's mark of a row, unpacked (what a sort by name reads of a million rows). */
export function nameMarkOf(row: string): string {
  if (row === '') return '';
  return unpackText(row.slice(LENGTH_CHARS, LENGTH_CHARS + lengthAt(row, 0)));
}

/** The three parts of a row, unpacked. */
export function writtenParts(row: string): WrittenParts {
  if (row === '') return { nameMark: '', companyMark: '', email: '' };
  const companyAt = LENGTH_CHARS + lengthAt(row, 0);
  const emailAt = companyAt + LENGTH_CHARS + lengthAt(row, companyAt);
  return {
    nameMark: unpackText(row.slice(LENGTH_CHARS, companyAt)),
    companyMark: unpackText(row.slice(companyAt + LENGTH_CHARS, emailAt)),
    email: unpackText(row.slice(emailAt)),
  };
}
