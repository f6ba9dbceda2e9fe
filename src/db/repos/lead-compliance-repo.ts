/** One lead's compliance history, read by index: for the lead's consent panel and its proofs. */
import { consentStateAt, type ConsentState } from '../../domain/compliance/consent';
import type { ConsentEvent } from '../../domain/compliance/consent-event';
import { dncListStates } from '../../domain/compliance/compliance-world';
import { effectiveRules } from '../../domain/compliance/policies';
import { checksFromScrubs } from '../../domain/compliance/proof';
import { verdictWithFacts, type VerdictFacts } from '../../domain/compliance/verdict';
import type { LeadHistory, Verdict } from '../../domain/compliance/verdict-types';
import type { Call } from '../../domain/leads/call';
import type { Lead } from '../../domain/leads/lead';
import type { LeadsDb } from '../leads-db';
import { getSettings } from './settings-repo';

export interface LeadHistoryRead {
  history: LeadHistory;
  calls: Call[];
  consents: ConsentEvent[];
  listNames: Map<string, string>;
}

/** Everything the verdict may need about `lead`; its screenings include every scrub since it was stored. Call inside a read transaction that includes `consentRequests`. */
export async function readLeadHistory(db: LeadsDb, lead: Lead): Promise<LeadHistoryRead> {
  const [consents, requests, calls, lists, versions, entries, scrubs] = await Promise.all([
    db.consents.where('leadId').equals(lead.id).toArray(),
    db.consentRequests.where('leadId').equals(lead.id).toArray(),
    db.calls.where('leadId').equals(lead.id).toArray(),
    db.dncLists.toArray(),
    db.dncListVersions.toArray(),
    db.dncEntries.where('phoneE164').equals(lead.phoneE164).toArray(),
    db.dncScrubs.toArray(),
  ]);
  const dncLists = dncListStates(lists, versions);

  consents.sort((a, b) => a.capturedAt - b.capturedAt || a.id - b.id);
  calls.sort((a, b) => a.at - b.at);
  return {
    history: {
      consents,
      calls,
      dncLists,
      dncHits: entries.map(({ listId, addedVersionId, removedVersionId, addedAt }) => ({
        listId,
        addedVersionId,
        ...(removedVersionId !== undefined ? { removedVersionId } : {}),
        ...(addedAt !== undefined ? { addedAt } : {}),
      })),
      dncChecks: checksFromScrubs(lead, scrubs),
      renewalRequests: requests,
    },
    calls,
    consents,
    listNames: new Map(lists.map((l) => [l.id, l.name])),
  };
}

export interface LeadCompliance {
  lead: Lead;
  consents: ConsentEvent[];
  consent: ConsentState;
  verdict: Verdict;
  /** A renewal of consent asked for and not answered yet (not proof: consent is as `consent` says). */
  renewalRequested?: VerdictFacts['renewalRequested'];
  /** On the internal list now (a single addition or a file version). */
  internalListed: boolean;
}

/** A lead's consent events, consent state and verdict at `at` (null when the lead does not exist). */
export async function loadLeadCompliance(db: LeadsDb, leadId: number, at: number): Promise<LeadCompliance | null> {
  return db.transaction(
    'r',
    [
      db.leads,
      db.consents,
      db.consentRequests,
      db.calls,
      db.dncLists,
      db.dncListVersions,
      db.dncEntries,
      db.dncScrubs,
      db.settings,
    ],
    async () => {
      const lead = await db.leads.get(leadId);
      if (!lead) return null;
      const [{ history, consents }, settings] = await Promise.all([readLeadHistory(db, lead), getSettings(db)]);
      const rules = effectiveRules(settings.policyPresets, settings, lead.region);
      const { verdict: v, facts } = verdictWithFacts(lead, history, rules, at);
      const internalListed = v.reasons.some(
        (r) =>
          r.code === 'dnc-listed' &&
          String(r.detail?.lists ?? '')
            .split(',')
            .includes('internal'),
      );
      return {
        lead,
        consents,
        consent: consentStateAt(consents, 'calls', rules, at),
        verdict: v,
        internalListed,
        ...(facts.renewalRequested ? { renewalRequested: facts.renewalRequested } : {}),
      };
    },
  );
}
