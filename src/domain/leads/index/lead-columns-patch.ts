/**
 * The engine's columns after writes: rows written again in place, new leads appended into the
 * columns' room, deleted rows flagged, and each joined string column joined again from its first
 * changed row only.
 */
import type { Lead } from '../lead';
import type { LeadDerived } from '../lead-filter';
import { FLAG_DELETED } from '../../columns/lead-flags';
import { grown } from '../../columns/room-to-grow';
import { grownInstants, setInstant } from '../../columns/instant-column';
import { oneByteCopy } from '../../columns/one-byte-text';
import { INSTANT_KEYS } from './lead-column-keys';
import { JOINED, JOINED_KEYS, rejoinFrom, rowOf, type JoinedKey } from './lead-columns-joined';
import { writeRow, type LeadColumns } from './lead-columns';

/**
 * A lead written again (row index) or for the first time (row null), with its judgement — or
 * 'kept' for a row written again whose judged fields and history did not change.
 */
export interface RowChange {
  row: number | null;
  lead: Lead;
  derived: LeadDerived | 'kept';
}

/**
 * Apply changes to the columns: rows written again in place, new leads appended (typed arrays
 * grown by copy), deleted rows flagged (queries skip them). The joined search strings are
 * rebuilt only when a row's name, company, e-mail, number or tags changed or rows were added,
 * each from its first changed row.
 * Returns the columns to use from now on (the same object when nothing grew).
 */
export function patchLeadColumns(
  cols: LeadColumns,
  changes: readonly RowChange[],
  deletedRows: readonly number[],
): LeadColumns {
  const added = changes.filter((c) => c.row === null).length;
  let out = cols;
  if (added > 0) {
    const n = cols.n + added;
    // Each column grown into the room its buffer left (room-to-grow.ts): no copy of a million rows.
    const grownRows: LeadColumns = { ...cols, n };
    for (const key of Object.keys(cols) as (keyof LeadColumns)[]) {
      const column = cols[key];
      if (ArrayBuffer.isView(column) && !JOINED_KEYS.has(key))
        Object.assign(grownRows, { [key]: grown(column as Float64Array, n) });
    }
    for (const key of INSTANT_KEYS) grownRows[key] = grownInstants(cols[key], n);
    const joined = Object.fromEntries(
      JOINED.flatMap((j) => [
        [j.key, cols[j.key]],
        [j.starts, cols[j.starts]],
      ]),
    );
    out = { ...grownRows, ...(joined as Pick<LeadColumns, JoinedKey>), extraTags: cols.extraTags, dict: cols.dict };
  }
  // Tags rows held before this patch wrote them again or deleted them: retired below if no row holds them now.
  const tagsLeft = new Set<number>();
  // Per row whose strings changed (or that is new), its strings in JOINED's order.
  const stringsOf = new Map<number, string[]>();
  let next = cols.n;
  for (const c of changes) {
    const i = c.row ?? next++;
    // A row anonymised (a retention purge) may leave tags only it had: retired below. Not for
    // every edit: a tag taken off its last lead by hand keeps its code for the next one.
    if (c.row !== null && c.lead.anonymizedAt !== undefined) tagCodesOf(out, c.row, tagsLeft);
    writeRow(out, i, c.lead, c.derived);
    // Each one byte a character (one-byte-text.ts), so the column joined again stays so.
    const strings = JOINED.map((j) => oneByteCopy(j.of(c.lead)));
    const same = c.row !== null && JOINED.every((j, k) => rowOf(cols[j.key], cols[j.starts], i) === strings[k]);
    // The row's last write wins (a row written twice in one patch, back to what it held: nothing to join).
    if (same) stringsOf.delete(i);
    else stringsOf.set(i, strings);
  }
  for (const i of deletedRows) {
    // A deleted (or erased) row keeps only its id and flags: its tags, strings (below) and every
    // other column leave the columns, and so the snapshot stored from them. Its cached judgement's
    // key, its dates and its codes together would let its number be found again by trying every one.
    tagCodesOf(out, i, tagsLeft);
    blankRow(out, i);
    out.flags[i] = FLAG_DELETED;
    stringsOf.set(
      i,
      JOINED.map((j) => j.gone),
    );
  }
  if (stringsOf.size > 0) {
    const n = out.n;
    const next: Partial<Pick<LeadColumns, JoinedKey>> = {};
    JOINED.forEach((j, k) => {
      // Per column, rows before its first changed one keep their strings: the joined prefix is
      // reused as it is, so an import (rows appended) joins only its own rows, not a million
      // again; a column no row changed (tags edited, names not) is kept whole.
      let first = n;
      for (const [i, strings] of stringsOf)
        if (i < first && (i >= cols.n || strings[k] !== rowOf(cols[j.key], cols[j.starts], i))) first = i;
      if (first === n) return;
      const rows = new Array<string>(n - first);
      for (let i = first; i < n; i++) rows[i - first] = stringsOf.get(i)?.[k] ?? rowOf(cols[j.key], cols[j.starts], i);
      const { joined, starts } = rejoinFrom(cols[j.key], cols[j.starts], first, rows);
      Object.assign(next, { [j.key]: joined, [j.starts]: starts });
    });
    out = { ...out, ...next };
  }
  retireUnheldTags(out, tagsLeft);
  return out;
}

/** Row `i` with nothing but its id and flags: instants NaN, every other column 0, no tags. */
function blankRow(cols: LeadColumns, i: number): void {
  for (const key of INSTANT_KEYS) setInstant(cols[key], i, NaN);
  for (const key of Object.keys(cols) as (keyof LeadColumns)[]) {
    if (key === 'ids' || key === 'flags' || JOINED_KEYS.has(key)) continue;
    const column = cols[key];
    if (ArrayBuffer.isView(column)) (column as Uint32Array)[i] = 0;
  }
  cols.extraTags.delete(i);
}

/** Adds the tag codes row `i` holds to `into`. */
function tagCodesOf(cols: LeadColumns, i: number, into: Set<number>): void {
  const bits = cols.tagBits[i]!;
  for (let b = 0; b < 32; b++) if ((bits >>> b) & 1) into.add(b + 1);
  for (const code of cols.extraTags.get(i) ?? []) into.add(code);
}

/**
 * The tags of `codes` that no row present holds any more are retired from the dictionary
 * (dictionary.ts): a tag only an erased or purged lead had does not outlive it in the columns or
 * in the snapshot stored from them, as after a build from the tables. One pass over the rows'
 * tag bits (and the few rows with more tags than bits), only when a patch rewrote or deleted rows
 * that had tags.
 */
function retireUnheldTags(cols: LeadColumns, codes: Set<number>): void {
  if (codes.size === 0) return;
  let bitsWanted = 0;
  for (const code of codes) if (code >= 1 && code <= 32) bitsWanted |= 1 << (code - 1);
  let bitsHeld = 0;
  for (let i = 0; i < cols.n && (bitsHeld & bitsWanted) !== bitsWanted; i++)
    if (!(cols.flags[i]! & FLAG_DELETED)) bitsHeld |= cols.tagBits[i]!;
  for (let b = 0; b < 32; b++) if ((bitsHeld >>> b) & 1) codes.delete(b + 1);
  for (const [i, extra] of cols.extraTags)
    if (!(cols.flags[i]! & FLAG_DELETED)) for (const code of extra) codes.delete(code);
  for (const code of codes) cols.dict.tags.retire(code);
}
