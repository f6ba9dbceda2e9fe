/**
 * The engine's joined string columns: each row's string of a column joined into one (one
 * allocation, searched with native indexOf, stored and read back as one), with its offsets. What
 * each column holds of a lead, reading a row back, and joining rows again after a patch.
 * Every column but the numbers holds its rows packed one byte a character (one-byte-text.ts): the
 * search packs its needle, and every reader of a row unpacks it.
 */
import type { Lead } from '../lead';
import { copiedStarts, grownStarts, setStart, startAt, type StartColumn } from '../../columns/start-column';
import { oneByteCopy, packText, unpackText } from '../../columns/one-byte-text';
import { isCaseMark, markOf, writtenFrom } from '../../columns/written-case';
import { nameMarkOf, writtenParts, writtenRow, type WrittenParts } from '../../columns/written-row';
import type { LeadColumns } from './lead-columns';

/** The lower-cased haystack of a row: exactly the reference's `name\ncompany\nemail`, then '\n' (before packing). */
const rowText = (lead: Lead) => `${lead.name}\n${lead.company}\n${lead.email}`.toLowerCase() + '\n';
/** The e-mail as the search text holds it: its row's last line (after the name and company). */
const textEmail = (text: string) => text.slice(text.lastIndexOf('\n', text.length - 2) + 1, -1);
/** The name as the search text holds it (lower-cased): its row's first line. */
const textName = (text: string) => text.slice(0, Math.max(0, text.indexOf('\n')));
/** The company as the search text holds it: its row's second line ('' for a deleted row's '\n'). */
function textCompany(text: string): string {
  const from = text.indexOf('\n') + 1;
  const to = text.indexOf('\n', from);
  return to < 0 ? '' : text.slice(from, to);
}
/**
 * What the search text's lower-cased copy does not say of how the name, company and e-mail are
 * written (written-row.ts): the marks that write the name and company back (written-case.ts), and
 * the e-mail as written where the copy is not it. '' for most rows.
 */
function writtenOf(lead: Lead): string {
  const text = rowText(lead);
  return writtenRow({
    nameMark: markOf(lead.name, textName(text)),
    companyMark: markOf(lead.company, textCompany(text)),
    email: textEmail(text) === lead.email ? '' : lead.email,
  });
}

/** Not stripped to digits: an anonymised lead's hash (`hmac:3a1f…`) would then match digit searches. */
const rowPhone = (lead: Lead) => lead.phoneE164 + '\n';

/**
 * The joined string columns: each with its offsets, what a lead puts in it, and what a deleted
 * (or erased) row keeps there (its name, number and e-mail leave the columns, not only the results).
 */
export const JOINED = [
  { key: 'text', starts: 'textStart', of: (lead: Lead) => packText(rowText(lead)), gone: '\n', packed: true },
  // Numbers are ASCII (E.164, or an anonymised lead's `hmac:` hash): stored and read as they are
  // (the scrub and a list version hash them straight off this column).
  { key: 'phones', starts: 'phoneStart', of: rowPhone, gone: '\n', packed: false },
  // How the name, company and e-mail are written, where the search text does not say: mostly ''.
  // Packed part by part (written-row.ts): not unpacked as a whole.
  { key: 'writtenText', starts: 'writtenStart', of: writtenOf, gone: '', packed: false },
  { key: 'tagsText', starts: 'tagsStart', of: (lead: Lead) => packText(lead.tags.join(';')), gone: '', packed: true },
] as const;
export type JoinedText = (typeof JOINED)[number]['key'];
export type JoinedStarts = (typeof JOINED)[number]['starts'];
export type JoinedKey = JoinedText | JoinedStarts;
export const JOINED_KEYS = new Set<string>(JOINED.flatMap((j) => [j.key, j.starts]));
/** Each joined string column with its offsets column: what the snapshot's chunks cut and put back. */
export const JOINED_COLUMNS: readonly (readonly [JoinedText, JoinedStarts])[] = JOINED.map((j) => [j.key, j.starts]);

/**
 * A joined column that rows were appended to, as the pieces it was joined from: the column as it
 * was (flat), then each append's rows, with the first row and offset of each. Keyed by the column's
 * offsets, a new array each patch. V8 keeps `column + appended` as a rope and copies it whole on its
 * first read (the search text of 1M rows: 80–110 ms for the first block drawn after an import);
 * a row read through its piece copies nothing. Dropped once the columns are stored (`forgetPieces`),
 * when the stored chunks' cuts have made each column flat again.
 */
interface Piece {
  firstRow: number;
  offset: number;
  text: string;
}
const PIECES = new WeakMap<StartColumn, readonly Piece[]>();

/** What row `i` holds in the joined column `joined` (offsets `starts`), packed as stored. */
export function rowOf(joined: string, starts: StartColumn, i: number): string {
  const from = startAt(starts, i);
  const to = startAt(starts, i + 1);
  const pieces = PIECES.get(starts);
  if (pieces === undefined) return joined.slice(from, to);
  // The last piece starting at or before row i (a full read of a column costs rows × log pieces).
  let lo = 0;
  let hi = pieces.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (pieces[mid]!.firstRow <= i) lo = mid;
    else hi = mid - 1;
  }
  const { offset, text } = pieces[lo]!;
  return text.slice(from - offset, to - offset);
}

/** How many pieces a joined column with offsets `starts` is read from (1: the column whole). */
export const piecesOf = (starts: StartColumn): number => PIECES.get(starts)?.length ?? 1;

/** Read the joined columns of `cols` whole again (once stored: the store's cuts flattened them). */
export function forgetPieces(cols: Pick<LeadColumns, JoinedStarts>): void {
  for (const j of JOINED) PIECES.delete(cols[j.starts]);
}

const PACKED: ReadonlySet<string> = new Set(JOINED.filter((j) => j.packed).map((j) => j.key));

/** Row `i`'s string in a joined column, as the lead put it there (unpacked where the column is packed). */
export function joinedAt(cols: LeadColumns, key: JoinedText, starts: JoinedStarts, i: number): string {
  const row = rowOf(cols[key], cols[starts], i);
  return PACKED.has(key) ? unpackText(row) : row;
}

/** Row `i`'s search text, unpacked, and what it does not say of how the row is written. */
function writtenAt(cols: LeadColumns, i: number): { text: string } & WrittenParts {
  return {
    text: joinedAt(cols, 'text', 'textStart', i),
    ...writtenParts(rowOf(cols.writtenText, cols.writtenStart, i)),
  };
}

/** Row `i`'s name, company and e-mail as written (one read of its search text for the three). */
export function contactAt(cols: LeadColumns, i: number): { name: string; company: string; email: string } {
  const { text, nameMark, companyMark, email } = writtenAt(cols, i);
  return {
    name: writtenFrom(nameMark, textName(text)),
    company: writtenFrom(companyMark, textCompany(text)),
    email: email !== '' ? email : textEmail(text),
  };
}

/** Row `i`'s e-mail as written. */
export const emailAt = (cols: LeadColumns, i: number): string => contactAt(cols, i).email;
/** Row `i`'s name as written. */
export const nameAt = (cols: LeadColumns, i: number): string => contactAt(cols, i).name;
/** Row `i`'s company as written. */
export const companyAt = (cols: LeadColumns, i: number): string => contactAt(cols, i).company;

/**
 * A row's name as a sort by name compares it, from its rows of the search text and of the
 * `written` column, as stored: with `byCopy` (a collator that ignores case as lower-casing does),
 * the search text's lower-cased copy where the name is that copy in other case; else the name as
 * written. A million rows a sort: the copy is cut before it is unpacked, and never recased.
 */
export function nameToSort(packedText: string, writtenRow: string, byCopy = true): string {
  const mark = nameMarkOf(writtenRow);
  if (!isCaseMark(mark)) return writtenFrom(mark, '');
  // Cut packed: a packed unit never holds '\n'.
  const copy = unpackText(textName(packedText));
  return byCopy ? copy : writtenFrom(mark, copy);
}

/** Every row's name, as an array (a sort by name reads them all). */
export function namesOf(cols: LeadColumns): string[] {
  return Array.from({ length: cols.n }, (_, i) => nameAt(cols, i));
}

/** Join per-row strings into one haystack, writing each row's offset (and the end) into `starts`. */
export function joinRows(rows: readonly string[], starts: StartColumn): string {
  let len = 0;
  for (let i = 0; i < rows.length; i++) {
    setStart(starts, i, len);
    len += rows[i]!.length;
  }
  setStart(starts, rows.length, len);
  return oneByteCopy(rows.join(''));
}

/** `joined` (row offsets `starts`) kept up to row `first`, then `rows` joined after it: the new string and offsets. */
export function rejoinFrom(
  joined: string,
  starts: StartColumn,
  first: number,
  rows: readonly string[],
): { joined: string; starts: StartColumn } {
  const n = first + rows.length;
  // Rows appended only: the offsets grow into their buffer's room (room-to-grow.ts), the rows before
  // untouched (a reader of the columns before the patch sees its own offsets). Else a new column.
  const appendOnly = first === starts.length - 1;
  const out = appendOnly ? grownStarts(starts, n + 1) : copiedStarts(starts, first + 1, n + 1);
  const from = startAt(starts, first);
  let len = from;
  // Forward from row `first` (its own offset written again: the same), as start-column.ts asks.
  for (let k = 0; k < rows.length; k++) {
    setStart(out, first + k, len);
    len += rows[k]!.length;
  }
  setStart(out, n, len);
  // One byte a character when `rows` are (the rows kept are slices of the column; a patch copies its own).
  const appended = rows.join('');
  if (appendOnly) {
    // Appended only: its rows are read from the pieces (PIECES), not from the rope they make.
    const before = PIECES.get(starts) ?? [{ firstRow: 0, offset: 0, text: joined }];
    PIECES.set(out, [...before, { firstRow: first, offset: from, text: appended }]);
  }
  return { joined: joined.slice(0, from) + appended, starts: out };
}
