/**
 * Requests for consent renewal (table `consentRequests`, schema v006). Written by the bulk
 * operation "Request consent renewal" (bulk-edit-repo.ts: one transaction, one audit entry, one
 * undo); read here for the queue of leads awaiting renewal and its export. A request is not proof.
 */
import { pendingRenewalAt } from '../../domain/compliance/consent-request';
import type { RenewalListRow } from '../../domain/compliance/renewal-list';
import type { Lead } from '../../domain/leads/lead';
import type { LeadsDb } from '../leads-db';

/**
 * Leads asked to renew consent for calls and not answered yet at `at`, each with its newest
 * request, in id order; deleted and purged leads are left out. Reads only the requests and the
 * consents of the leads they name.
 */
export async function awaitingRenewal(db: LeadsDb, at: number): Promise<(RenewalListRow & { lead: Lead })[]> {
  return db.transaction('r', [db.consentRequests, db.consents, db.leads], async () => {
    const requests = await db.consentRequests.toArray();
    if (requests.length === 0) return [];
    const leadIds = [...new Set(requests.map((r) => r.leadId))].sort((a, b) => a - b);
    const consents = await db.consents.where('leadId').anyOf(leadIds).toArray();
    const byLead = <T extends { leadId: number }>(rows: T[]) => {
      const map = new Map<number, T[]>();
      for (const r of rows) map.set(r.leadId, [...(map.get(r.leadId) ?? []), r]);
      return map;
    };
    const [requestsOf, consentsOf] = [byLead(requests), byLead(consents)];
    const pending = leadIds.flatMap((id) => {
      const request = pendingRenewalAt(requestsOf.get(id) ?? [], consentsOf.get(id) ?? [], 'calls', at);
      return request ? [{ id, request }] : [];
    });
    const leads = await db.leads.bulkGet(pending.map((p) => p.id));
    return pending.flatMap((p, i) => {
      const lead = leads[i];
      return lead && lead.anonymizedAt === undefined ? [{ lead, request: p.request }] : [];
    });
  });
}
