/**
 * A columnar snapshot of every lead, for filtering and sorting a million rows in a worker:
 * typed arrays for numbers (instants 48 bits a row, instant-column.ts), 16-bit dictionary codes
 * for repeated strings (code-column.ts), and the searchable text of all rows in one joined string
 * (one allocation, searched with native indexOf), their offsets 16 bits a row (start-column.ts).
 * About 175 bytes per lead with its strings,
 * against several hundred for a lead object.
 */
import { reasonBit, reasonBitsOf } from '../../compliance/verdict-bits';
import { verdictInputKey } from '../../compliance/verdict-inputs';
import { CONSENT_FILTER_STATES, DNC_FILTER_STATES, type LeadDerived } from '../lead-filter';
import { CALL_OUTCOMES } from '../call-outcome';
import { ACQUIRED_AT_PRECISIONS, DNC_STATUSES, ENTRY_METHODS, type Lead } from '../lead';
import { Dictionary } from '../../columns/dictionary';
import {
  FLAG_ANONYMIZED,
  FLAG_CALLABLE,
  FLAG_CONNECTED,
  FLAG_CONTACTED,
  FLAG_CONVERTED,
  FLAG_LISTED,
  HISTORY_FLAGS,
} from '../../columns/lead-flags';

import { withRoom } from '../../columns/room-to-grow';
import { codeColumn, withCode, type CodeColumn } from '../../columns/code-column';
import { instantColumn, setInstant, type InstantColumn } from '../../columns/instant-column';
import { startColumn, type StartColumn } from '../../columns/start-column';
import { JOINED, joinRows } from './lead-columns-joined';
export {
  JOINED_COLUMNS,
  companyAt,
  contactAt,
  emailAt,
  joinRows,
  joinedAt,
  nameAt,
  namesOf,
  type JoinedStarts,
  type JoinedText,
} from './lead-columns-joined';

export interface LeadColumns {
  n: number;
  ids: Int32Array;
  acquiredAt: InstantColumn;
  createdAt: InstantColumn;
  lastContactAt: InstantColumn;
  /** First attempt, first connect and conversion (NaN: none): the cohorts' funnel and medians. */
  firstContactAt: InstantColumn;
  firstConnectedAt: InstantColumn;
  convertedAt: InstantColumn;
  verifiedAt: InstantColumn;
  dncCheckedAt: InstantColumn;
  attempts: Uint16Array;
  /** The import batch as batchCode writes it (0: none): 16 bits a row until an id passes 32,766. */
  batch: CodeColumn;
  /** Dictionary codes: 16 bits, widened to 32 when a catalogue passes 65,536 names (code-column.ts), never wrapped. */
  source: CodeColumn;
  campaign: CodeColumn;
  region: CodeColumn;
  /** The lead's own time zone (dictionary code), for the calling hours read per question. */
  zone: CodeColumn;
  /** When the row's cached compliance columns may next change (verdict facts' nextChangeAt; Infinity when nothing is due). */
  nextChange: InstantColumn;
  /** When valid consent for calls expires (NaN: none valid), and the retention deadline: the expiry calendar's dates, from the verdict's facts. */
  consentExpiresAt: InstantColumn;
  retentionDeadline: InstantColumn;
  /** The key of what the cached judgement was read from (verdictInputKey): a write that keeps it, with no history change, keeps the judgement. */
  judgedFrom: Float64Array;
  entry: Uint8Array;
  consent: Uint8Array;
  dnc: Uint8Array;
  /** 0: none; k: CALL_OUTCOMES[k - 1]; OUTCOME_UNLISTED: a text no call outcome has (a synced lead's, say). */
  lastOutcome: Uint8Array;
  /** The lead's stored `acquiredAtPrecision` and `dncStatus` (indexes into ACQUIRED_AT_PRECISIONS and DNC_STATUSES), for exports. */
  precision: Uint8Array;
  dncStatus: Uint8Array;
  /** Bit i set = verdict reason REASON_CODES[i]. */
  reasons: Uint16Array;
  /** Bits of ../../columns/lead-flags.ts: the row's own, the cached judgement's (callable) and its history's. */
  flags: Uint16Array;
  /** Bit i set = tag dictionary code i+1 (the first 32 distinct tags; more, and the empty tag (code 0), are matched through `extraTags`). */
  tagBits: Uint32Array;
  extraTags: Map<number, number[]>;
  /**
   * Lower-cased `name\ncompany\nemail` of every row (exactly the reference's haystack), each followed
   * by '\n', packed one byte a character (one-byte-text.ts; so are the tags, and the `written`
   * column's parts): the search packs its needle, `nameAt`, `companyAt`, `emailAt` and `joinedAt` unpack.
   */
  text: string;
  textStart: StartColumn;
  /** The stored phone of every row as is, not packed (E.164, or an anonymised lead's `hmac:` hash), each followed by '\n'. */
  phones: string;
  phoneStart: StartColumn;
  /**
   * How each row's name, company and e-mail are written where the search text's lower-cased copy
   * does not say it (written-row.ts: '' for most rows; a grid row is drawn from the columns alone,
   * decision 027). `nameAt`, `companyAt` and `emailAt` read a row's back.
   */
  writtenText: string;
  writtenStart: StartColumn;
  /** The tags as an export writes them (joined by ';'). */
  tagsText: string;
  tagsStart: StartColumn;
  dict: { source: Dictionary; campaign: Dictionary; region: Dictionary; tags: Dictionary; zone: Dictionary };
}

export { reasonBit };
export { EVERY_INSTANT_LISTED, INSTANT_KEYS, batchCode, type InstantKey } from './lead-column-keys';
import { batchCode } from './lead-column-keys';

/** The lastOutcome code of a text that is no call outcome: shown as none; an export reads the table for it. */
export const OUTCOME_UNLISTED = 255;

const nanIfMissing = (v: number | undefined) => (v === undefined ? Number.NaN : v);

/** Typed arrays of `n` rows, empty dictionaries and search strings (filled by `writeRow`). */
function emptyColumns(n: number): LeadColumns {
  return {
    n,
    ids: withRoom(Int32Array, n),
    acquiredAt: instantColumn(n),
    createdAt: instantColumn(n),
    lastContactAt: instantColumn(n),
    firstContactAt: instantColumn(n),
    firstConnectedAt: instantColumn(n),
    convertedAt: instantColumn(n),
    verifiedAt: instantColumn(n),
    dncCheckedAt: instantColumn(n),
    attempts: withRoom(Uint16Array, n),
    batch: codeColumn(0, n),
    source: codeColumn(0, n),
    campaign: codeColumn(0, n),
    region: codeColumn(0, n),
    zone: codeColumn(0, n),
    nextChange: instantColumn(n),
    consentExpiresAt: instantColumn(n),
    retentionDeadline: instantColumn(n),
    judgedFrom: withRoom(Float64Array, n),
    entry: withRoom(Uint8Array, n),
    consent: withRoom(Uint8Array, n),
    dnc: withRoom(Uint8Array, n),
    lastOutcome: withRoom(Uint8Array, n),
    precision: withRoom(Uint8Array, n),
    dncStatus: withRoom(Uint8Array, n),
    reasons: withRoom(Uint16Array, n),
    flags: withRoom(Uint16Array, n),
    tagBits: withRoom(Uint32Array, n),
    extraTags: new Map(),
    text: '',
    textStart: startColumn(n + 1),
    phones: '',
    phoneStart: startColumn(n + 1),
    writtenText: '',
    writtenStart: startColumn(n + 1),
    tagsText: '',
    tagsStart: startColumn(n + 1),
    dict: {
      source: new Dictionary(['']),
      campaign: new Dictionary(['']),
      region: new Dictionary(['']),
      tags: new Dictionary(['']),
      zone: new Dictionary(['']),
    },
  };
}

/** Write the judged columns of row `i` (its cached judgement); true when any of them changed. */
export function writeDerived(cols: LeadColumns, i: number, d: LeadDerived): boolean {
  const reasons = reasonBitsOf(d.reasons);
  const consent = CONSENT_FILTER_STATES.indexOf(d.consent);
  const dnc = DNC_FILTER_STATES.indexOf(d.dnc);
  const flags =
    (cols.flags[i]! & ~(FLAG_CALLABLE | HISTORY_FLAGS)) | (d.callable ? FLAG_CALLABLE : 0) | (d.history ?? 0);
  const changed =
    cols.reasons[i] !== reasons || cols.consent[i] !== consent || cols.dnc[i] !== dnc || cols.flags[i] !== flags;
  cols.reasons[i] = reasons;
  cols.consent[i] = consent;
  cols.dnc[i] = dnc;
  cols.flags[i] = flags;
  setInstant(cols.nextChange, i, d.nextChange ?? Infinity);
  setInstant(cols.consentExpiresAt, i, nanIfMissing(d.consentExpiresAt));
  setInstant(cols.retentionDeadline, i, nanIfMissing(d.retentionDeadline));
  return changed;
}

/**
 * Write every fixed-width column, the dictionary codes, the tags and the name of row `i` (not the
 * joined search strings); with 'kept', the row's cached judgement stays as it is.
 */
export function writeRow(cols: LeadColumns, i: number, lead: Lead, d: LeadDerived | 'kept'): void {
  const judged = cols.flags[i]! & (FLAG_CALLABLE | HISTORY_FLAGS);
  cols.ids[i] = lead.id;
  setInstant(cols.acquiredAt, i, lead.acquiredAt);
  setInstant(cols.createdAt, i, lead.createdAt);
  setInstant(cols.lastContactAt, i, nanIfMissing(lead.lastContactAt));
  setInstant(cols.firstContactAt, i, nanIfMissing(lead.firstContactAt));
  setInstant(cols.firstConnectedAt, i, nanIfMissing(lead.firstConnectedAt));
  setInstant(cols.convertedAt, i, nanIfMissing(lead.convertedAt));
  setInstant(cols.verifiedAt, i, nanIfMissing(lead.verifiedAt));
  setInstant(cols.dncCheckedAt, i, nanIfMissing(lead.dncCheckedAt));
  cols.attempts[i] = Math.min(lead.attempts, 65535);
  cols.batch = withCode(cols.batch, i, batchCode(lead.importBatchId));
  cols.source = withCode(cols.source, i, cols.dict.source.encode(lead.sourceId));
  cols.campaign = withCode(cols.campaign, i, cols.dict.campaign.encode(lead.campaignId));
  cols.region = withCode(cols.region, i, cols.dict.region.encode(lead.region));
  cols.zone = withCode(cols.zone, i, cols.dict.zone.encode(lead.timeZone));
  cols.entry[i] = ENTRY_METHODS.indexOf(lead.entryMethod);
  const outcome = lead.lastOutcome ? CALL_OUTCOMES.indexOf(lead.lastOutcome as never) : -1;
  cols.lastOutcome[i] = !lead.lastOutcome ? 0 : outcome >= 0 ? outcome + 1 : OUTCOME_UNLISTED;
  cols.precision[i] = ACQUIRED_AT_PRECISIONS.indexOf(lead.acquiredAtPrecision);
  cols.dncStatus[i] = DNC_STATUSES.indexOf(lead.dncStatus);
  cols.flags[i] =
    (lead.attempts > 0 ? FLAG_CONTACTED : 0) |
    (lead.firstConnectedAt !== undefined ? FLAG_CONNECTED : 0) |
    (lead.convertedAt !== undefined ? FLAG_CONVERTED : 0) |
    (lead.dncStatus === 'listed' ? FLAG_LISTED : 0) |
    (lead.anonymizedAt !== undefined ? FLAG_ANONYMIZED : 0);
  if (d === 'kept') cols.flags[i] = cols.flags[i]! | judged;
  else {
    writeDerived(cols, i, d);
    cols.judgedFrom[i] = verdictInputKey(lead);
  }
  let bits = 0;
  cols.extraTags.delete(i);
  for (const tag of lead.tags) {
    const code = cols.dict.tags.encode(tag);
    // Code 0 is the empty tag: `1 << -1` would alias it with code 32.
    if (code >= 1 && code <= 32) bits |= 1 << (code - 1);
    else (cols.extraTags.get(i) ?? cols.extraTags.set(i, []).get(i)!).push(code);
  }
  cols.tagBits[i] = bits >>> 0;
}

/** Build the columns from leads and their derived facts (same order). */
export function buildLeadColumns(leads: readonly Lead[], derived: readonly LeadDerived[]): LeadColumns {
  const n = leads.length;
  const cols = emptyColumns(n);
  for (let i = 0; i < n; i++) writeRow(cols, i, leads[i]!, derived[i]!);
  for (const j of JOINED) cols[j.key] = joinRows(leads.map(j.of), cols[j.starts]);
  return cols;
}
