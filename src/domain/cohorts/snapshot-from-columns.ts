/**
 * The cohort snapshot read off the engine's lead columns (decision 035): the rows the grid holds,
 * in its order (by id, deleted rows left out), with the funnel instants and the history flags the
 * engine keeps beside each cached judgement. No lead, call or consent is read for it, so a cohort
 * question after a write costs one pass over the columns, not a read of every table.
 */
import {
  FLAG_ANONYMIZED,
  FLAG_CONNECTED,
  FLAG_CONSENT_WITHDRAWN,
  FLAG_CONTACTED,
  FLAG_CONVERTED,
  FLAG_DELETED,
  FLAG_DNC_HIT,
  FLAG_DNC_REQUESTED,
  FLAG_HAS_CONTACT_TIME,
  FLAG_LISTED,
  FLAG_WRONG_NUMBER,
} from '../columns/lead-flags';
import { ENTRY_METHODS } from '../leads/lead';
import type { LeadColumns } from '../leads/index/lead-columns';
import { SnapshotBuilder, type ColumnarSnapshot, type CohortRow, type SnapshotContext } from './columnar-snapshot';
import { instantAt } from '../columns/instant-column';

/** Bits the cohorts read as the columns hold them. */
const KEPT =
  FLAG_CONTACTED | FLAG_CONNECTED | FLAG_CONVERTED | FLAG_ANONYMIZED | FLAG_WRONG_NUMBER | FLAG_CONSENT_WITHDRAWN;

/** The cohort flags of row `i`: its own bits, a DNC hit from a listing or a call's request, a known first contact. */
function cohortFlags(cols: LeadColumns, i: number): number {
  const f = cols.flags[i]!;
  return (
    (f & KEPT) |
    (f & (FLAG_LISTED | FLAG_DNC_REQUESTED) ? FLAG_DNC_HIT : 0) |
    (f & FLAG_CONTACTED && !Number.isNaN(instantAt(cols.firstContactAt, i)) ? FLAG_HAS_CONTACT_TIME : 0)
  );
}

/**
 * The snapshot's code for each of the engine's codes of one catalogue column, worked out the first
 * time a row carries it (`valueOf` gives the engine code's value): a row costs an array read, not
 * a lookup by its text.
 */
function codeTranslation(
  b: SnapshotBuilder,
  key: 'source' | 'campaign' | 'region' | 'entry',
  valueOf: (code: number) => string,
): (code: number) => number {
  const known: number[] = [];
  return (code) => (known[code] ??= b.codeOf(key, valueOf(code)));
}

export function snapshotFromColumns(cols: LeadColumns, ctx: SnapshotContext): ColumnarSnapshot {
  const { source, campaign, region } = cols.dict;
  const b = new SnapshotBuilder(ctx, cols.n);
  // Code 0 is "none" in the grid's campaign dictionary: the snapshot's '' (its own code 0).
  const sourceCode = codeTranslation(b, 'source', (c) => source.values[c]!);
  const campaignCode = codeTranslation(b, 'campaign', (c) => (c ? campaign.values[c]! : ''));
  const regionCode = codeTranslation(b, 'region', (c) => region.values[c]!);
  const entryCode = codeTranslation(b, 'entry', (c) => ENTRY_METHODS[c]!);
  // One row object, filled again for each lead (addRow copies its values): a million leads allocate nothing per row.
  const row: CohortRow = {
    id: 0,
    sourceId: '',
    campaignId: undefined,
    region: '',
    entryMethod: ENTRY_METHODS[0],
    acquiredAt: 0,
    createdAt: 0,
    firstContactAt: NaN,
    firstConnectedAt: NaN,
    convertedAt: NaN,
    lastContactAt: NaN,
    flags: 0,
  };
  for (let i = 0; i < cols.n; i++) {
    if (cols.flags[i]! & FLAG_DELETED) continue;
    row.id = cols.ids[i]!;
    row.sourceId = source.values[cols.source[i]!]!;
    // Code 0 is "none" in the grid's dictionary.
    row.campaignId = cols.campaign[i] ? campaign.values[cols.campaign[i]!] : undefined;
    row.region = region.values[cols.region[i]!]!;
    row.entryMethod = ENTRY_METHODS[cols.entry[i]!]!;
    row.acquiredAt = instantAt(cols.acquiredAt, i);
    row.createdAt = instantAt(cols.createdAt, i);
    row.firstContactAt = instantAt(cols.firstContactAt, i);
    row.firstConnectedAt = instantAt(cols.firstConnectedAt, i);
    row.convertedAt = instantAt(cols.convertedAt, i);
    row.lastContactAt = instantAt(cols.lastContactAt, i);
    row.flags = cohortFlags(cols, i);
    b.addCodedRow(
      row,
      sourceCode(cols.source[i]!),
      campaignCode(cols.campaign[i]!),
      regionCode(cols.region[i]!),
      entryCode(cols.entry[i]!),
    );
  }
  return b.build();
}
