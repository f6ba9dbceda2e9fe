/**
 * The cohort snapshot read off the engine's lead columns (decision 035): the rows the grid holds,
 * in its order (by id, deleted rows left out), with the funnel instants and the history flags the
 * engine keeps beside each cached judgement. No lead, call or consent is read for it, so a cohort
 * question after a write costs one pass over the columns, not a read of every table.
 *
 * It is read a column at a time (decision 057): each of the engine's instant columns into its
 * Float64Array in a loop of its own, each catalogue column translated code by code, so a million
 * leads cost a few tight loops instead of a million calls filling a row.
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
import { Dictionary } from '../columns/dictionary';
import { MAX_CODE_16, type CodeColumn } from '../columns/code-column';
import { instantAt, type InstantColumn } from '../columns/instant-column';
import { ENTRY_METHODS } from '../leads/lead';
import type { LeadColumns } from '../leads/index/lead-columns';
import type { MembershipLead } from './campaign-membership';
import type { ColumnarSnapshot, SnapshotContext } from './columnar-snapshot';
import { MemberCoder } from './member-coder';
import { assembleSnapshot } from './snapshot-assembly';
import { localDay } from './grain-index';

/** Bits the cohorts read as the columns hold them. */
const KEPT =
  FLAG_CONTACTED | FLAG_CONNECTED | FLAG_CONVERTED | FLAG_ANONYMIZED | FLAG_WRONG_NUMBER | FLAG_CONSENT_WITHDRAWN;

/** The engine's rows the snapshot holds, in order: every row, or those not deleted. */
function keptRows(cols: LeadColumns): Uint32Array | null {
  let deleted = 0;
  for (let i = 0; i < cols.n; i++) if (cols.flags[i]! & FLAG_DELETED) deleted++;
  if (deleted === 0) return null;
  const rows = new Uint32Array(cols.n - deleted);
  for (let i = 0, k = 0; i < cols.n; i++) if (!(cols.flags[i]! & FLAG_DELETED)) rows[k++] = i;
  return rows;
}

/** The instants of the kept rows as a Float64Array. */
function instants(c: InstantColumn, rows: Uint32Array | null, n: number): Float64Array {
  const out = new Float64Array(n);
  if (rows) for (let k = 0; k < n; k++) out[k] = instantAt(c, rows[k]!);
  else for (let k = 0; k < n; k++) out[k] = instantAt(c, k);
  return out;
}

/**
 * A catalogue column's codes re-coded into the snapshot's dictionary `dict`, each engine code
 * translated the first time a row carries it (`valueOf` gives its value), so the snapshot's codes
 * are assigned in row order as the reference assigns them. Held in 16 bits unless a code does not
 * fit, as the reference's columns are (code-column.ts).
 */
function recoded(
  codes: CodeColumn | Uint8Array,
  rows: Uint32Array | null,
  n: number,
  dict: Dictionary,
  valueOf: (code: number) => string,
): CodeColumn {
  const known = new Int32Array(codes.length === 0 ? 0 : maxOf(codes) + 1).fill(-1);
  const out = new Uint32Array(n);
  let top = 0;
  for (let k = 0; k < n; k++) {
    const c = codes[rows ? rows[k]! : k]!;
    let t = known[c]!;
    if (t < 0) t = known[c] = dict.code(valueOf(c));
    out[k] = t;
    if (t > top) top = t;
  }
  return top > MAX_CODE_16 ? out : new Uint16Array(out);
}

function maxOf(codes: CodeColumn | Uint8Array): number {
  let m = 0;
  for (let i = 0; i < codes.length; i++) if (codes[i]! > m) m = codes[i]!;
  return m;
}

export function snapshotFromColumns(cols: LeadColumns, ctx: SnapshotContext): ColumnarSnapshot {
  const rows = keptRows(cols);
  const n = rows ? rows.length : cols.n;
  const row = (k: number) => (rows ? rows[k]! : k);
  const { source, campaign, region } = cols.dict;

  const ids = new Uint32Array(n);
  for (let k = 0; k < n; k++) ids[k] = cols.ids[row(k)]!;
  const acquiredAt = instants(cols.acquiredAt, rows, n);
  const firstContactAt = instants(cols.firstContactAt, rows, n);

  // The cohort flags: a row's own bits, a DNC hit from a listing or a call's request, a known first contact.
  const flags = new Uint16Array(n);
  for (let k = 0; k < n; k++) {
    const f = cols.flags[row(k)]!;
    flags[k] =
      (f & KEPT) |
      (f & (FLAG_LISTED | FLAG_DNC_REQUESTED) ? FLAG_DNC_HIT : 0) |
      (f & FLAG_CONTACTED && firstContactAt[k] === firstContactAt[k] ? FLAG_HAS_CONTACT_TIME : 0);
  }

  const days = new Int32Array(n);
  for (let k = 0; k < n; k++) days[k] = localDay(acquiredAt[k]!, ctx.timeZone);

  // Code 0 is "none" in the grid's campaign dictionary: the snapshot's '' (its own code 0).
  const sources = new Dictionary();
  const campaigns = new Dictionary(['']);
  const regions = new Dictionary();
  const entries = new Dictionary();
  const sourceCodes = recoded(cols.source, rows, n, sources, (c) => source.values[c]!);
  const campaignCodes = recoded(cols.campaign, rows, n, campaigns, (c) => (c ? campaign.values[c]! : ''));
  const regionCodes = recoded(cols.region, rows, n, regions, (c) => region.values[c]!);
  const entryCodes = recoded(cols.entry, rows, n, entries, (c) => ENTRY_METHODS[c]!);

  // Campaign membership reads the lead's campaign, acquisition, source and entry method: one row
  // object filled again for each lead, so a million leads allocate nothing per row.
  const members = new MemberCoder(ctx);
  const memberCodes = new Uint32Array(n);
  const memberRule = new Uint8Array(n);
  const lead: MembershipLead = { campaignId: undefined, acquiredAt: 0, sourceId: '', entryMethod: ENTRY_METHODS[0] };
  let topMember = 0;
  for (let k = 0; k < n; k++) {
    lead.campaignId = campaigns.values[campaignCodes[k]!] || undefined;
    lead.acquiredAt = acquiredAt[k]!;
    lead.sourceId = sources.values[sourceCodes[k]!]!;
    lead.entryMethod = entries.values[entryCodes[k]!] as MembershipLead['entryMethod'];
    const m = members.code(lead);
    memberCodes[k] = m;
    memberRule[k] = members.rule;
    if (m > topMember) topMember = m;
  }

  return assembleSnapshot(ctx.timeZone, {
    n,
    ids,
    acquiredAt,
    createdAt: instants(cols.createdAt, rows, n),
    firstContactAt,
    firstConnectedAt: instants(cols.firstConnectedAt, rows, n),
    convertedAt: instants(cols.convertedAt, rows, n),
    lastContactAt: instants(cols.lastContactAt, rows, n),
    flags,
    days,
    source: sourceCodes,
    sources: sources.values,
    campaign: campaignCodes,
    campaigns: campaigns.values,
    region: regionCodes,
    regions: regions.values,
    entry: entryCodes,
    entries: entries.values,
    member: topMember > MAX_CODE_16 ? memberCodes : new Uint16Array(memberCodes),
    members: members.dict.values,
    memberRule,
  });
}
