/**
 * (Test oracle.) The cohort snapshot built from leads, their calls and consents as stored: the reference the
 * engine's (read off its columns, snapshot-from-columns.ts) is tested against. The history facts
 * come from the one rule both use (history-flags.ts).
 */
import type { ConsentEvent } from '../compliance/consent-event';
import { historyFlags } from '../columns/history-flags';
import {
  FLAG_ANONYMIZED,
  FLAG_CONNECTED,
  FLAG_CONSENT_WITHDRAWN,
  FLAG_CONTACTED,
  FLAG_CONVERTED,
  FLAG_DNC_HIT,
  FLAG_DNC_REQUESTED,
  FLAG_HAS_CONTACT_TIME,
  FLAG_WRONG_NUMBER,
} from '../columns/lead-flags';
import type { Call } from '../leads/call';
import type { Lead } from '../leads/lead';
import { SnapshotBuilder, type ColumnarSnapshot, type CohortRow, type SnapshotContext } from './columnar-snapshot';

export type SnapshotLead = Pick<
  Lead,
  | 'id'
  | 'sourceId'
  | 'campaignId'
  | 'region'
  | 'entryMethod'
  | 'acquiredAt'
  | 'createdAt'
  | 'attempts'
  | 'firstContactAt'
  | 'firstConnectedAt'
  | 'convertedAt'
  | 'dncStatus'
  | 'lastContactAt'
  | 'anonymizedAt'
>;

const orNaN = (v: number | undefined) => (v === undefined ? NaN : v);

/** The cohort flags a lead's calls and consents add: wrong number, consent withdrawn, a DNC request (a DNC hit). */
export function cohortHistoryFlags(history: number): number {
  return (history & (FLAG_WRONG_NUMBER | FLAG_CONSENT_WITHDRAWN)) | (history & FLAG_DNC_REQUESTED ? FLAG_DNC_HIT : 0);
}

/** The row of a stored lead, without its history's flags. */
export function cohortRowOf(lead: SnapshotLead): CohortRow {
  return {
    id: lead.id,
    sourceId: lead.sourceId,
    campaignId: lead.campaignId,
    region: lead.region,
    entryMethod: lead.entryMethod,
    acquiredAt: lead.acquiredAt,
    createdAt: lead.createdAt,
    firstContactAt: orNaN(lead.firstContactAt),
    firstConnectedAt: orNaN(lead.firstConnectedAt),
    convertedAt: orNaN(lead.convertedAt),
    lastContactAt: orNaN(lead.lastContactAt),
    flags:
      (lead.attempts > 0 ? FLAG_CONTACTED : 0) |
      (lead.firstConnectedAt !== undefined ? FLAG_CONNECTED : 0) |
      (lead.convertedAt !== undefined ? FLAG_CONVERTED : 0) |
      (lead.dncStatus === 'listed' ? FLAG_DNC_HIT : 0) |
      (lead.attempts > 0 && lead.firstContactAt !== undefined ? FLAG_HAS_CONTACT_TIME : 0) |
      (lead.anonymizedAt !== undefined ? FLAG_ANONYMIZED : 0),
  };
}

function byLead<T extends { leadId: number }>(items: Iterable<T>): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const item of items) {
    const list = out.get(item.leadId);
    if (list) list.push(item);
    else out.set(item.leadId, [item]);
  }
  return out;
}

/** The snapshot of a list of leads (in id order) with their calls and consents. */
export function buildSnapshot(
  leads: Iterable<SnapshotLead>,
  calls: Iterable<Pick<Call, 'leadId' | 'outcome'>>,
  ctx: SnapshotContext,
  consents: Iterable<Pick<ConsentEvent, 'leadId' | 'purpose' | 'kind' | 'capturedAt'>> = [],
): ColumnarSnapshot {
  const callsOf = byLead(calls);
  const consentsOf = byLead(consents);
  const b = new SnapshotBuilder(ctx, Array.isArray(leads) ? leads.length : 1024);
  for (const lead of leads) {
    const row: CohortRow = cohortRowOf(lead);
    row.flags |= cohortHistoryFlags(
      historyFlags({ calls: callsOf.get(lead.id) ?? [], consents: consentsOf.get(lead.id) ?? [] }),
    );
    b.addRow(row);
  }
  return b.build();
}
