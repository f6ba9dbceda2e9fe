/**
 * The list of leads awaiting consent renewal as an export: one row per lead with the request
 * (when, by whom, which channel) and how to reach the person. Times are ISO 8601 with the
 * organisation zone's offset (the zone is named in the header); every cell but the phone is
 * neutralised against spreadsheet formulas, the phone keeps its leading "+".
 */
import { neutraliseFormula } from '../import-export/formula-escape';
import type { Lead } from '../leads/lead';
import { toIsoWithOffset } from '../time/calendar';
import type { PendingRenewal } from './consent-request';

export const RENEWAL_LIST_COLUMNS = [
  'phone',
  'name',
  'email',
  'source',
  'campaign',
  'requestedAt',
  'requestedBy',
  'channel',
] as const;
export type RenewalListColumn = (typeof RENEWAL_LIST_COLUMNS)[number];

export interface RenewalListRow {
  lead: Pick<Lead, 'id' | 'phoneE164' | 'name' | 'email' | 'sourceId' | 'campaignId'>;
  request: PendingRenewal;
}

/** The cells of each row, in RENEWAL_LIST_COLUMNS order; source and campaign by name where known. */
export function renewalListCells(
  rows: readonly RenewalListRow[],
  names: { source: (id: string) => string; campaign: (id: string) => string },
  timeZone: string,
): string[][] {
  return rows.map(({ lead, request }) => [
    neutraliseFormula(lead.phoneE164, true),
    neutraliseFormula(lead.name ?? ''),
    neutraliseFormula(lead.email ?? ''),
    neutraliseFormula(names.source(lead.sourceId)),
    neutraliseFormula(lead.campaignId ? names.campaign(lead.campaignId) : ''),
    toIsoWithOffset(request.requestedAt, timeZone),
    neutraliseFormula(request.requestedBy),
    request.channel,
  ]);
}
