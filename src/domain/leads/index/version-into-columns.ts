/**
 * A DNC list version laid onto the engine's columns, instead of a rebuild from the tables (about
 * 85 s at 1M on the test machine). A new version V of an active list L (not the internal list,
 * which is consulted live) moves the verdict in two ways (verdict.ts, dnc.ts):
 *
 * - **Every lead is stale for L.** The check state asks, for each active list's version in force,
 *   whether the lead was checked against it; no check can name V before V was imported. So every
 *   live lead that is not anonymised gets the `dnc-check-stale` reason, loses "callable", and the
 *   grid's DNC state turns "stale" unless a listing stands. Nothing else the judgement reads
 *   moved: its key stays, and its next-change instant may stay (earlier is only extra work).
 *   A check made after V's import (a lead written, a scrub) is caught up after this: the written
 *   leads are judged again, and a scrub is laid with the lists as they are now.
 * - **The numbers V adds or removes are listed or lifted.** Those leads are judged again as
 *   written leads; the change log names them by lead (a small diff, looked up as it is written)
 *   or by their numbers' hashes (a file's worth), which `idsWithPhoneHashes` finds in the
 *   columns' own numbers.
 */
import { FLAG_ANONYMIZED, FLAG_CALLABLE, FLAG_DELETED } from '../../columns/lead-flags';
import { hash32 } from '../../columns/hash-strings';
import { startAt } from '../../columns/start-column';
import { reasonBit } from '../../compliance/verdict-bits';
import type { DncListState } from '../../compliance/verdict-types';
import { DNC_FILTER_STATES } from '../lead-filter';
import { DNC_STATUSES } from '../lead';
import type { LeadColumns } from './lead-columns';

const STALE = reasonBit('dnc-check-stale');
const LISTED_REASON = reasonBit('dnc-listed');
const DNC = {
  listed: DNC_FILTER_STATES.indexOf('listed'),
  unchecked: DNC_FILTER_STATES.indexOf('unchecked'),
  stale: DNC_FILTER_STATES.indexOf('stale'),
};
const UNCHECKED = DNC_STATUSES.indexOf('unchecked');

/**
 * What versions `added` (new since the columns' version) do to every lead's check at `at`:
 * - `'later'` when one of them becomes known only after `at` (imported while the engine opened,
 *   its instant older than the import): a fresh judgement would have every lead due at that
 *   moment, which laying cannot say row by row: the caller rebuilds;
 * - `'stale'` when one of them, known by `at`, is of an active list that needs a check (not the
 *   internal list): the version in force is then it or a later one, which no check names yet;
 * - `'none'` otherwise (an inactive list's, the internal list's).
 */
export function versionsEffect(
  lists: readonly DncListState[],
  added: readonly number[],
  at: number,
): 'none' | 'stale' | 'later' {
  const ids = new Set(added);
  let effect: 'none' | 'stale' = 'none';
  for (const l of lists)
    for (const v of l.versions) {
      if (!ids.has(v.id)) continue;
      if (Math.max(v.publishedAt, v.importedAt) > at) return 'later';
      if (l.active && l.kind !== 'internal') effect = 'stale';
    }
  return effect;
}

/**
 * Every live row that is not anonymised made stale for a list whose new version no check names
 * yet: the reason, "callable" and the DNC state, as a fresh judgement gives them. The number of
 * rows laid; `onLaid(row)` hears each.
 */
export function layVersionOntoColumns(cols: LeadColumns, onLaid: (row: number) => void = () => {}): number {
  let laid = 0;
  for (let i = 0; i < cols.n; i++) {
    const flags = cols.flags[i]!;
    if (flags & (FLAG_DELETED | FLAG_ANONYMIZED)) continue;
    const reasons = cols.reasons[i]! | STALE;
    cols.reasons[i] = reasons;
    cols.flags[i] = flags & ~FLAG_CALLABLE;
    // As dncFilterState reads it: a listing wins, then a lead never checked, then staleness.
    cols.dnc[i] = reasons & LISTED_REASON ? DNC.listed : cols.dncStatus[i] === UNCHECKED ? DNC.unchecked : DNC.stale;
    laid++;
    onLaid(i);
  }
  return laid;
}

/** The ids of the live rows whose stored number hashes (hash32) to one of `hashes`: a superset of those it names. */
export function idsWithPhoneHashes(cols: LeadColumns, hashes: readonly Uint32Array[]): number[] {
  const wanted = new Set<number>();
  for (const part of hashes) for (const h of part) wanted.add(h);
  const out: number[] = [];
  if (wanted.size === 0) return out;
  const { phones, phoneStart, flags, ids } = cols;
  for (let i = 0; i < cols.n; i++) {
    if (flags[i]! & FLAG_DELETED) continue;
    // Each number is followed by a one-character separator.
    if (wanted.has(hash32(phones, startAt(phoneStart, i), startAt(phoneStart, i + 1) - 1))) out.push(ids[i]!);
  }
  return out;
}
