/**
 * The leads of an export read off the engine's columns instead of the tables: a sparse set of
 * ids (a region's 100k of a million) costs one IndexedDB get per lead (about 7,000 a second on
 * this machine), while the columns hold every field an export writes. Exact or nothing: where a
 * column cannot say what the table holds (more attempts than its 16 bits, an outcome no call
 * has, a precision, DNC status or entry method no list has, a lead deleted and put back), the answer is null and the caller reads the tables.
 */
import type { ExportLead } from '../../import-export/export-columns';
import { CALL_OUTCOMES } from '../call-outcome';
import { ACQUIRED_AT_PRECISIONS, DNC_STATUSES, ENTRY_METHODS } from '../lead';
import { FLAG_DELETED } from '../../columns/lead-flags';
import { OUTCOME_UNLISTED, contactAt, joinedAt, type LeadColumns } from './lead-columns';
import { idsAscending, rowOfId } from './row-of-id';
import { instantAt } from '../../columns/instant-column';

const ATTEMPTS_CAP = 65535;
/** indexOf's -1 stored in a byte column. */
const UNKNOWN = 255;
const orUndefined = (v: number) => (Number.isNaN(v) ? undefined : v);

/** Row `i` as an export reads it. */
export function exportLeadAt(cols: LeadColumns, i: number): ExportLead {
  const phone = joinedAt(cols, 'phones', 'phoneStart', i);
  const tags = joinedAt(cols, 'tagsText', 'tagsStart', i);
  const campaign = cols.campaign[i]!;
  const outcome = cols.lastOutcome[i]!;
  return {
    id: cols.ids[i]!,
    phoneE164: phone.slice(0, -1),
    ...contactAt(cols, i),
    // The tags cell as the export writes it (joined by ';'), as one element: joined again, the same text.
    tags: tags === '' ? [] : [tags],
    sourceId: cols.dict.source.values[cols.source[i]!]!,
    campaignId: campaign === 0 ? undefined : cols.dict.campaign.values[campaign],
    region: cols.dict.region.values[cols.region[i]!]!,
    timeZone: cols.dict.zone.values[cols.zone[i]!]!,
    acquiredAt: instantAt(cols.acquiredAt, i),
    acquiredAtPrecision: ACQUIRED_AT_PRECISIONS[cols.precision[i]!]!,
    createdAt: instantAt(cols.createdAt, i),
    entryMethod: ENTRY_METHODS[cols.entry[i]!]!,
    attempts: cols.attempts[i]!,
    lastContactAt: orUndefined(instantAt(cols.lastContactAt, i)),
    lastOutcome: outcome === 0 ? undefined : CALL_OUTCOMES[outcome - 1],
    dncStatus: DNC_STATUSES[cols.dncStatus[i]!]!,
    dncCheckedAt: orUndefined(instantAt(cols.dncCheckedAt, i)),
  };
}

/**
 * The leads of `ids` (ascending) the columns hold, in that order (ids not held, or deleted, left
 * out, as a read of the table leaves out missing ones); null when the columns cannot answer exactly.
 */
export function exportLeadsFromColumns(cols: LeadColumns, ids: Int32Array): ExportLead[] | null {
  if (!idsAscending(cols)) return null;
  const out: ExportLead[] = [];
  for (const id of ids) {
    const i = rowOfId(cols, id);
    if (i < 0 || cols.flags[i]! & FLAG_DELETED) continue;
    if (cols.attempts[i] === ATTEMPTS_CAP || cols.lastOutcome[i] === OUTCOME_UNLISTED) return null;
    // A value no list knows (a synced lead's, unchecked): coded 255, which the table would write as it is.
    if (cols.precision[i] === UNKNOWN || cols.dncStatus[i] === UNKNOWN || cols.entry[i] === UNKNOWN) return null;
    out.push(exportLeadAt(cols, i));
  }
  return out;
}
