/**
 * Every stored lead's id and number, read off the engine's columns for a DNC scrub. Walking the
 * phone index for a million leads (its keys and their primary keys, a chunk at a time) took 34 s
 * of a 56 s scrub on the test machine; the columns hold the same numbers, as stored, in one
 * string. Packed to cross to the compliance worker: the ids as one typed array and the numbers
 * as one string, each followed by '\n', in row order; deleted rows left out.
 */
import { FLAG_DELETED } from '../../columns/lead-flags';
import type { LeadColumns } from './lead-columns';
import { startAt } from '../../columns/start-column';

export interface PackedLeadPhones {
  /** The ids of the stored leads, in row order. */
  ids: Int32Array;
  /** The stored number of each (E.164, or an anonymised lead's hash), in the order of `ids`, each followed by '\n'. */
  phones: string;
}

/** The stored leads' ids and numbers; the phone string of every row is sliced by runs of live rows, not split. */
export function leadPhonesFromColumns(cols: LeadColumns): PackedLeadPhones {
  const { n, flags, phoneStart } = cols;
  let live = 0;
  for (let i = 0; i < n; i++) if (!(flags[i]! & FLAG_DELETED)) live++;
  if (live === n) return { ids: cols.ids.slice(0, n), phones: cols.phones.slice(0, startAt(phoneStart, n)) };
  const ids = new Int32Array(live);
  const parts: string[] = [];
  let k = 0;
  for (let i = 0; i < n;) {
    if (flags[i]! & FLAG_DELETED) {
      i++;
      continue;
    }
    const from = i;
    while (i < n && !(flags[i]! & FLAG_DELETED)) ids[k++] = cols.ids[i++]!;
    parts.push(cols.phones.slice(startAt(phoneStart, from), startAt(phoneStart, i)));
  }
  return { ids, phones: parts.join('') };
}

/** Call `visit` with each packed lead's id and number, in order. */
export function forEachLeadPhone(packed: PackedLeadPhones, visit: (id: number, phone: string) => void): void {
  let at = 0;
  for (let i = 0; i < packed.ids.length; i++) {
    const end = packed.phones.indexOf('\n', at);
    if (end < 0) throw new Error('packed lead phones: fewer numbers than ids');
    visit(packed.ids[i]!, packed.phones.slice(at, end));
    at = end + 1;
  }
  if (at !== packed.phones.length) throw new Error('packed lead phones: more numbers than ids');
}
