/**
 * Committing a call log: the calls, each lead's derived call facts (attempts, first/last
 * contact, connected, converted) and the audit entry, in one transaction. Calls already
 * stored (same lead, instant and outcome) are skipped, so importing a log twice does not
 * double the attempts.
 */
import { campaignSpans, planCatalog } from '../../domain/import-export/catalog-resolution';
import type { ImportBatch } from '../../domain/import-export/import-batch';
import type { PreparedCall } from '../../domain/import-export/call-row-validation';
import type { NewCall } from '../../domain/leads/call';
import { callKey } from '../../domain/leads/call-key';
import { addCallToFacts } from '../../domain/leads/call-facts';
import type { Lead } from '../../domain/leads/lead';
import { callKeysOfLeads, mappingKey } from './import-lookup-repo';
import { auditImport, batchDraft, commitImport, inChunks, NO_HOOKS } from './import-commit';
import type { ImportCommit, PlannedFile } from './import-commit';

export interface CallImportPlan extends PlannedFile {
  warnings: number;
  duplicatesInFile: number;
  /** Calls with the lead they belong to resolved. */
  calls: (PreparedCall & { leadId: number })[];
}

export class CallImportError extends Error {
  constructor(readonly missingLeads: number) {
    super('leads changed since the check');
    this.name = 'CallImportError';
  }
}

/** Commit a checked call log as one batch. */
export const commitCallImport: ImportCommit<CallImportPlan> = async (db, plan, hooks = NO_HOOKS, now = Date.now()) => {
  const tables = [db.importBatches, db.campaigns, db.leads, db.calls, db.audit, db.settings, db.operations];
  const journalSummary = { fileName: plan.fileName, importKind: 'calls' as const, count: plan.calls.length };
  return commitImport(db, journalSummary, tables, now, async (operatorName) => {
    hooks.onProgress(0, 0, 'matching');
    const leadIds = [...new Set(plan.calls.map((c) => c.leadId))];
    const leads = await db.leads.bulkGet(leadIds);
    const missing = leads.filter((l) => !l).length;
    if (missing > 0) throw new CallImportError(missing);

    const stored = await callKeysOfLeads(db, leadIds);
    const calls = plan.calls.filter((c) => !stored.has(callKey(c)));
    const catalog = planCatalog(
      [],
      campaignSpans(calls),
      { sources: [], campaigns: await db.campaigns.toArray() },
      'other',
    );

    const draft: Omit<ImportBatch, 'id'> = {
      ...batchDraft(plan, 'calls', operatorName, now),
      merged: plan.calls.length - calls.length + plan.duplicatesInFile,
      created: calls.length,
      duplicatesInFile: plan.duplicatesInFile,
      matchedExisting: plan.calls.length - calls.length,
      warnings: plan.warnings,
      createdCampaignIds: catalog.newCampaigns.map((c) => c.id),
    };
    const batchId = (await db.importBatches.add(draft as ImportBatch)) as number;
    if (catalog.newCampaigns.length) await db.campaigns.bulkAdd(catalog.newCampaigns);

    const rows: NewCall[] = calls.map((c) => {
      const campaignId = catalog.campaignId(c.campaignRef);
      return {
        leadId: c.leadId,
        at: c.at,
        outcome: c.outcome,
        durationSec: c.durationSec,
        agent: c.agent,
        importBatchId: batchId,
        ...(campaignId ? { campaignId } : {}),
      };
    });
    const byId = new Map((leads as Lead[]).map((l) => [l.id, l]));
    const updated = new Map<number, Lead>();
    for (const c of rows) {
      const lead = updated.get(c.leadId) ?? byId.get(c.leadId)!;
      updated.set(c.leadId, { ...lead, ...addCallToFacts(lead, c), updatedAt: now });
    }
    // Calls and the leads they update are counted apart: a lead update is not a row of the file.
    hooks.onProgress(0, rows.length, 'calls');
    await inChunks(rows, hooks, { done: 0, total: rows.length, step: 'calls' }, (chunk) =>
      db.calls.bulkAdd(chunk as never[]).then(() => []),
    );
    hooks.onProgress(0, updated.size, 'lead-facts');
    await inChunks([...updated.values()], hooks, { done: 0, total: updated.size, step: 'lead-facts' }, (chunk) =>
      db.leads.bulkPut(chunk).then(() => []),
    );

    if (plan.mapping) await db.settings.put({ key: mappingKey('calls', null), value: plan.mapping });
    const batch = { ...draft, id: batchId } as ImportBatch;
    await auditImport(db, hooks, batch, now, { leadsAffected: updated.size });
    return batch;
  });
};
