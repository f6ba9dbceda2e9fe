/**
 * Point-in-time proofs: a lead at a chosen instant, or a logged call at the moment it was
 * made. Reads the lead's history, the policy as it stood then (today's settings with later
 * audited changes undone) and the audit chain, and hands them to the pure `buildProof`.
 */
import { effectiveRules } from '../../domain/compliance/policies';
import { buildProof, type ProofReport } from '../../domain/compliance/proof';
import { settingsAt } from '../../domain/compliance/settings-at';
import type { LeadsDb } from '../leads-db';
import { auditHead } from './audit-repo';
import { readLeadHistory } from './lead-compliance-repo';
import { getSettings } from './settings-repo';
import { verdictTables } from './world-by-key';

export type ProofTarget = { leadId: number; at: number } | { callId: number };

export interface ProofData {
  report: ProofReport;
  /** For the heading only; never part of the downloadable evidence of a purged lead. */
  leadName: string;
  sourceName: string;
}

/** The proof for a lead at an instant, or for a call; null when the lead or call does not exist. */
export async function loadProof(db: LeadsDb, target: ProofTarget, now = Date.now()): Promise<ProofData | null> {
  const tables = [...verdictTables(db), db.dncScrubs, db.settings, db.audit, db.sources];
  return db.transaction('r', tables, async () => {
    const call = 'callId' in target ? await db.calls.get(target.callId) : undefined;
    if ('callId' in target && !call) return null;
    const leadId = call ? call.leadId : (target as { leadId: number }).leadId;
    const at = call ? call.at : (target as { at: number }).at;
    const lead = await db.leads.get(leadId);
    if (!lead) return null;
    const [read, current, head, atMoment, later, source] = await Promise.all([
      readLeadHistory(db, lead),
      getSettings(db),
      auditHead(db),
      db.audit.where('at').belowOrEqual(at).last(),
      db.audit
        .where('at')
        .above(at)
        .filter((e) => e.action === 'settings')
        .toArray(),
      db.sources.get(lead.sourceId),
    ]);
    const settings = settingsAt(current, later, at);
    const report = buildProof({
      lead,
      history: read.history,
      rules: effectiveRules(settings.policyPresets, settings, lead.region),
      at,
      ...(call ? { call } : {}),
      listNames: read.listNames,
      generatedAt: now,
      auditHead: head,
      auditAtMoment: atMoment ? { seq: atMoment.seq, hash: atMoment.hash, at: atMoment.at } : null,
    });
    return { report, leadName: lead.name, sourceName: source?.name ?? lead.sourceId };
  });
}

/** The calls of a lead, newest first (to pick one for its proof). */
export async function callsOfLead(db: LeadsDb, leadId: number) {
  const calls = await db.calls.where('leadId').equals(leadId).toArray();
  return calls.sort((a, b) => b.at - a.at);
}
