/**
 * A name or company as written, kept as how to write its lower-cased copy back (the engine's search
 * text holds that copy already, decision 046): most rows then keep no second copy of their name.
 *
 * The mark is '' when each word starts with a capital and the rest is lower case ("Maria Garcia",
 * "Acme Corp", "O'Brien-Smith"; and text with no case at all, "华信科技", or nothing), '\x01' when
 * it is written all in lower case, '\x02' all in capitals, and otherwise the text as written (behind
 * '\x00' when it is empty or begins with one of those three characters). A mark is chosen only when writing
 * the copy back gives exactly the text (`markOf` checks), so every text comes back as it was.
 */

const LOWER = '\x01';
const UPPER = '\x02';
const ESCAPE = '\x00';

/** A word starts at the text's start and after a space, a hyphen, an apostrophe, '(' or '.'. */
const WORD_START = /(^|[\s\-'(.])(\p{Ll})/gu;

/** `lower` with each word's first letter in capitals (by the expression: any text). */
export const capitalisedByExpression = (lower: string) =>
  WORD_START[Symbol.replace](lower, (_, before: string, letter: string) => before + letter.toUpperCase());

/** Whether an ASCII code unit ends a word: whitespace (as `\s` has it), a hyphen, an apostrophe, '(' or '.'. */
const endsWord = (c: number) => c === 32 || c === 45 || c === 39 || c === 40 || c === 46 || (c >= 9 && c <= 13);

/**
 * `lower` with each word's first letter in capitals: ASCII by hand (twice as fast over a column of
 * a million names), anything else by the expression.
 */
export function capitalised(lower: string): string {
  let out = '';
  let from = 0;
  let wordStart = true;
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (c >= 0x80) return capitalisedByExpression(lower);
    if (wordStart && c >= 97 && c <= 122) {
      out += lower.slice(from, i) + String.fromCharCode(c - 32);
      from = i + 1;
    }
    wordStart = endsWord(c);
  }
  return from === 0 ? lower : out + lower.slice(from);
}

/** The mark that writes `written` back from `lower` (the copy the search text holds of it). */
export function markOf(written: string, lower: string): string {
  if (capitalised(lower) === written) return '';
  if (lower === written) return LOWER;
  if (lower.toUpperCase() === written) return UPPER;
  // '' and a text beginning with a mark's character are escaped: '' alone is the capitals' mark.
  return written === '' || written.charCodeAt(0) <= 2 ? ESCAPE + written : written;
}

/** Whether `mark` only changes the case of the copy (a mark that is not the text itself; any packing leaves these as they are). */
export const isCaseMark = (mark: string) => mark === '' || mark === LOWER || mark === UPPER;

/** The text as written, from its mark and its lower-cased copy. */
export function writtenFrom(mark: string, lower: string): string {
  if (mark === '') return capitalised(lower);
  if (mark === LOWER) return lower;
  if (mark === UPPER) return lower.toUpperCase();
  return mark.charCodeAt(0) === 0 ? mark.slice(1) : mark;
}
