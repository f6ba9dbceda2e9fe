/**
 * The engine's joined string columns: each row's string of a column joined into one (one
 * allocation, searched with native indexOf, stored and read back as one), with its offsets. What
 * each column holds of a lead, reading a row back, and joining rows again after a patch.
 * Every column but the numbers holds its rows packed one byte a character (one-byte-text.ts): the
 * search packs its needle, and every reader of a row unpacks it.
 */
import type { Lead } from '../lead';
import { grown, withRoom } from '../../columns/room-to-grow';
import { oneByteCopy, packText, unpackText } from '../../columns/one-byte-text';
import { isCaseMark, markOf, writtenFrom } from '../../columns/written-case';
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
/** How to write the name and company back from the search text's lower-cased copies (written-case.ts). */
const nameMark = (lead: Lead) => markOf(lead.name, textName(rowText(lead)));
const companyMark = (lead: Lead) => markOf(lead.company, textCompany(rowText(lead)));
/** The e-mail as written, kept only where the search text does not already hold it so. */
const emailException = (lead: Lead) => (textEmail(rowText(lead)) === lead.email ? '' : lead.email);

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
  // How to write the name and company back from the search text: mostly '' (written-case.ts).
  { key: 'nameText', starts: 'nameStart', of: (lead: Lead) => packText(nameMark(lead)), gone: '', packed: true },
  {
    key: 'companyText',
    starts: 'companyStart',
    of: (lead: Lead) => packText(companyMark(lead)),
    gone: '',
    packed: true,
  },
  {
    key: 'emailText',
    starts: 'emailStart',
    of: (lead: Lead) => packText(emailException(lead)),
    gone: '',
    packed: true,
  },
  { key: 'tagsText', starts: 'tagsStart', of: (lead: Lead) => packText(lead.tags.join(';')), gone: '', packed: true },
] as const;
export type JoinedText = (typeof JOINED)[number]['key'];
export type JoinedStarts = (typeof JOINED)[number]['starts'];
export type JoinedKey = JoinedText | JoinedStarts;
export const JOINED_KEYS = new Set<string>(JOINED.flatMap((j) => [j.key, j.starts]));
/** Each joined string column with its offsets column: what the snapshot's chunks cut and put back. */
export const JOINED_COLUMNS: readonly (readonly [JoinedText, JoinedStarts])[] = JOINED.map((j) => [j.key, j.starts]);

/** What row `i` holds in the joined column `key` (offsets `starts`), packed as stored. */
export const rowOf = (joined: string, starts: Uint32Array, i: number) => joined.slice(starts[i], starts[i + 1]);

const PACKED: ReadonlySet<string> = new Set(JOINED.filter((j) => j.packed).map((j) => j.key));

/** Row `i`'s string in a joined column, as the lead put it there (unpacked where the column is packed). */
export function joinedAt(cols: LeadColumns, key: JoinedText, starts: JoinedStarts, i: number): string {
  const row = rowOf(cols[key], cols[starts], i);
  return PACKED.has(key) ? unpackText(row) : row;
}

/** Row `i`'s e-mail as written. */
export function emailAt(cols: LeadColumns, i: number): string {
  const exception = joinedAt(cols, 'emailText', 'emailStart', i);
  return exception !== '' ? exception : textEmail(joinedAt(cols, 'text', 'textStart', i));
}

/** Row `i`'s name as written. */
export function nameAt(cols: LeadColumns, i: number): string {
  return writtenFrom(joinedAt(cols, 'nameText', 'nameStart', i), textName(joinedAt(cols, 'text', 'textStart', i)));
}
/** Row `i`'s company as written. */
export function companyAt(cols: LeadColumns, i: number): string {
  const text = joinedAt(cols, 'text', 'textStart', i);
  return writtenFrom(joinedAt(cols, 'companyText', 'companyStart', i), textCompany(text));
}

/**
 * A row's name as a sort by name compares it, from its rows of the search text and of the name
 * marks, packed as stored: the search text's lower-cased copy where the name is that copy in other
 * case (the sort's collator ignores case), else the name as written. A million rows a sort: the
 * copy is cut before it is unpacked, and never recased.
 */
export function nameToSort(packedText: string, packedMark: string): string {
  if (!isCaseMark(packedMark)) return writtenFrom(unpackText(packedMark), '');
  const end = packedText.indexOf('\n');
  return unpackText(packedText.slice(0, Math.max(0, end)));
}

/** Every row's name, as an array (a sort by name reads them all). */
export function namesOf(cols: LeadColumns): string[] {
  return Array.from({ length: cols.n }, (_, i) => nameAt(cols, i));
}

/** Join per-row strings into one haystack, writing each row's offset (and the end) into `starts`. */
export function joinRows(rows: readonly string[], starts: Uint32Array): string {
  let len = 0;
  for (let i = 0; i < rows.length; i++) {
    starts[i] = len;
    len += rows[i]!.length;
  }
  starts[rows.length] = len;
  return oneByteCopy(rows.join(''));
}

/** `joined` (row offsets `starts`) kept up to row `first`, then `rows` joined after it: the new string and offsets. */
export function rejoinFrom(
  joined: string,
  starts: Uint32Array,
  first: number,
  rows: readonly string[],
): { joined: string; starts: Uint32Array } {
  const n = first + rows.length;
  // Rows appended only: the offsets grow into their buffer's room (room-to-grow.ts), the rows before
  // untouched (a reader of the columns before the patch sees its own offsets). Else a new array.
  const out = first === starts.length - 1 ? grown(starts, n + 1) : withRoom(Uint32Array, n + 1);
  if (out.buffer !== starts.buffer) out.set(starts.subarray(0, first + 1));
  let len = starts[first]!;
  for (let k = 0; k < rows.length; k++) {
    out[first + k] = len;
    len += rows[k]!.length;
  }
  out[n] = len;
  // One byte a character when `rows` are (the rows kept are slices of the column; a patch copies its own).
  return { joined: joined.slice(0, starts[first]) + rows.join(''), starts: out };
}
