/**
 * A DNC scrub laid onto the engine's columns, instead of a rebuild from the tables (71 s at 1M on
 * the test machine: every lead, call and consent read again). A scrub changes, for each lead it
 * covers (scrub-overlay.ts), the lead's DNC check — its moment, the versions and its stored status
 * — and nothing else the judgement reads: the listing itself comes from the list entries, the
 * consent, retention, staleness and frequency from the lead's other fields and history. So each
 * covered row's cached judgement changes only where the check enters it (verdict.ts): the
 * `dnc-check-stale` reason, with "callable" and the grid's DNC state read from the reasons, and
 * the instant the check goes stale again. That check state is the same for every lead of a region
 * (one check, the scrub's, under the region's rules), so it is worked out once per region.
 *
 * Exact, by the overlay's own rule: a row is covered when its lead was stored by the scrub's
 * moment, has an id the scrub read, and its check (as the columns hold it: its own, or the previous
 * scrub's, which is earlier; a previous scrub of the same moment is not laid over, see someCheckedAt) is older. An anonymised lead is not judged here: whether the scrub
 * covers it depends on when it was anonymised, which the columns do not hold; its id is given
 * to the caller to read and judge as any written lead. The next-change instant is kept if it is
 * earlier (it may have been the old check's staleness): a row judged again too early is judged
 * again, never wrongly.
 */
import { FLAG_ANONYMIZED, FLAG_CALLABLE, FLAG_DELETED, FLAG_LISTED } from '../../columns/lead-flags';
import type { DncCheckState } from '../../compliance/dnc';
import type { ScrubOverlay } from '../../compliance/scrub-overlay';
import { reasonBit } from '../../compliance/verdict-bits';
import { BLOCKING_REASONS } from '../../compliance/verdict-types';
import { DNC_FILTER_STATES } from '../lead-filter';
import { DNC_STATUSES } from '../lead';
import { joinedAt, type LeadColumns } from './lead-columns';
import { judgedFieldText, keyOfJudgedText } from '../../compliance/verdict-inputs';
import { JUDGED_FIELDS, type JudgedLead } from '../../compliance/judge';
import { instantAt, setInstant } from '../../columns/instant-column';

type JudgedField = keyof JudgedLead;

const STALE = reasonBit('dnc-check-stale');
const LISTED_REASON = reasonBit('dnc-listed');
const BLOCKING = BLOCKING_REASONS.reduce((bits, code) => bits | reasonBit(code), 0);
const DNC = {
  listed: DNC_FILTER_STATES.indexOf('listed'),
  stale: DNC_FILTER_STATES.indexOf('stale'),
  clear: DNC_FILTER_STATES.indexOf('clear'),
};
const STATUS = { listed: DNC_STATUSES.indexOf('listed'), clear: DNC_STATUSES.indexOf('clear') };

/** Does the scrub cover row `i` (the overlay's rule, read off the columns)? Deleted rows never. */
function covers(cols: LeadColumns, i: number, scrub: ScrubOverlay): boolean {
  if (cols.flags[i]! & FLAG_DELETED) return false;
  // A check moment of NaN (never checked) is older than any scrub.
  return (
    cols.ids[i]! <= scrub.lastLeadId &&
    instantAt(cols.createdAt, i) <= scrub.at &&
    !(instantAt(cols.dncCheckedAt, i) >= scrub.at)
  );
}

/**
 * Whether a live row's check moment is exactly `at`: its own check, or one laid by an earlier
 * scrub of the same moment, which the columns cannot tell apart (the overlay covers a lead whose
 * own check is older, whatever a scrub laid). A scrub of that moment is then not laid but rebuilt
 * from the tables.
 */
export function someCheckedAt(cols: LeadColumns, at: number): boolean {
  for (let i = 0; i < cols.n; i++)
    if (instantAt(cols.dncCheckedAt, i) === at && !(cols.flags[i]! & FLAG_DELETED)) return true;
  return false;
}

/**
 * The anonymised leads `scrub` may cover, to be read and judged as written leads (whether it
 * does depends on when each was anonymised, which the columns do not hold). Nothing is written:
 * the caller reads them first, then lays the scrub on in the same task as it patches them.
 */
export function anonymisedToReread(cols: LeadColumns, scrub: ScrubOverlay): number[] {
  const out: number[] = [];
  for (let i = 0; i < cols.n; i++)
    if (cols.flags[i]! & FLAG_ANONYMIZED && covers(cols, i, scrub)) out.push(cols.ids[i]!);
  return out;
}

const orUndefined = (v: number) => (Number.isNaN(v) ? undefined : v);

/**
 * Lay `scrub` onto `cols` in place (anonymised rows left: see anonymisedToReread); the number of
 * rows laid. `checkOf(region)` is the DNC check state at the judging instant of a lead of that
 * region checked once, by the scrub; `onLaid(row)` hears each row laid. Each laid row's key of
 * what its judgement read (verdict-inputs.ts) is that of the lead as the scrub's check leaves it,
 * so a later write that changes none of it keeps the judgement, as before the scrub.
 */
export function layScrubOntoColumns(
  cols: LeadColumns,
  scrub: ScrubOverlay,
  checkOf: (region: string) => Pick<DncCheckState, 'stale' | 'staleFrom'>,
  onLaid: (row: number) => void = () => {},
): number {
  const byRegion = new Map<number, Pick<DncCheckState, 'stale' | 'staleFrom'>>();
  // Each judged field's text for row i as the scrub leaves it (verdict-inputs.ts), in JUDGED_FIELDS
  // order; the texts many rows share are made once: a million keys are a second of string work otherwise.
  const regionText: string[] = [];
  const zoneText: string[] = [];
  const status = { listed: judgedFieldText('listed'), clear: judgedFieldText('clear') };
  const [none, checkedAt, versions] = [undefined, scrub.at, scrub.versionIds].map(judgedFieldText);
  const textOf: Record<JudgedField, (i: number) => string> = {
    id: (i) => judgedFieldText(cols.ids[i]!),
    phoneE164: (i) => judgedFieldText(joinedAt(cols, 'phones', 'phoneStart', i).slice(0, -1)),
    region: (i) => (regionText[cols.region[i]!] ??= judgedFieldText(cols.dict.region.values[cols.region[i]!]!)),
    timeZone: (i) => (zoneText[cols.zone[i]!] ??= judgedFieldText(cols.dict.zone.values[cols.zone[i]!]!)),
    acquiredAt: (i) => judgedFieldText(instantAt(cols.acquiredAt, i)),
    createdAt: (i) => judgedFieldText(instantAt(cols.createdAt, i)),
    verifiedAt: (i) => judgedFieldText(orUndefined(instantAt(cols.verifiedAt, i))),
    lastContactAt: (i) => judgedFieldText(orUndefined(instantAt(cols.lastContactAt, i))),
    anonymizedAt: () => none!,
    dncStatus: (i) => (scrub.listed.has(cols.ids[i]!) ? status.listed : status.clear),
    dncCheckedAt: () => checkedAt!,
    dncCheckedVersions: () => versions!,
  };
  const parts = JUDGED_FIELDS.map((f) => textOf[f]);
  let laid = 0;
  for (let i = 0; i < cols.n; i++) {
    const flags = cols.flags[i]!;
    if (flags & FLAG_ANONYMIZED || !covers(cols, i, scrub)) continue;
    const code = cols.region[i]!;
    const region = cols.dict.region.values[code]!;
    let check = byRegion.get(code);
    if (!check) byRegion.set(code, (check = checkOf(region)));
    const listed = scrub.listed.has(cols.ids[i]!);
    const reasons = (cols.reasons[i]! & ~STALE) | (check.stale ? STALE : 0);
    cols.reasons[i] = reasons;
    setInstant(cols.dncCheckedAt, i, scrub.at);
    cols.dncStatus[i] = listed ? STATUS.listed : STATUS.clear;
    cols.flags[i] =
      (flags & ~(FLAG_LISTED | FLAG_CALLABLE)) | (listed ? FLAG_LISTED : 0) | (reasons & BLOCKING ? 0 : FLAG_CALLABLE);
    // As dncFilterState reads it: a listing wins over staleness, staleness over the stored status.
    cols.dnc[i] = reasons & LISTED_REASON ? DNC.listed : check.stale ? DNC.stale : listed ? DNC.listed : DNC.clear;
    if (!check.stale && check.staleFrom !== undefined && check.staleFrom < instantAt(cols.nextChange, i))
      setInstant(cols.nextChange, i, check.staleFrom);
    let text = '';
    for (const part of parts) text += part(i);
    cols.judgedFrom[i] = keyOfJudgedText(text);
    laid++;
    onLaid(i);
  }
  return laid;
}
