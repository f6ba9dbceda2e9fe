/**
 * Rolling a whole import batch back, in one transaction, audited: leads it created are
 * removed, fields it changed on stored leads are restored (unless changed again since),
 * its acquisition rows, consent events and calls go, and sources or campaigns it introduced
 * go when nothing else uses them. A batch whose leads later work builds on (a later import
 * merged into them, calls were logged) is refused with the reason, never half undone.
 */
import type { ImportBatch } from '../../domain/import-export/import-batch';
import { undoMerge } from '../../domain/import-export/lead-merge';
import { CALL_FACT_FIELDS, callFacts } from '../../domain/leads/call-facts';
import type { Lead } from '../../domain/leads/lead';
import type { LeadsDb } from '../leads-db';
import { appendAudit } from './audit-repo';
import { getSettings } from './settings-repo';

export type RollbackRefusal =
  'not-found' | 'already-rolled-back' | 'not-rollbackable' | 'later-import' | 'calls-logged';

export class RollbackError extends Error {
  constructor(
    readonly code: RollbackRefusal,
    readonly detail: number[] = [],
  ) {
    super(code);
    this.name = 'RollbackError';
  }
}

/** Every batch, newest first. */
export function listImportBatches(db: LeadsDb): Promise<ImportBatch[]> {
  return db.importBatches.orderBy('at').reverse().toArray();
}

/** Leads read per step when looking for a source or campaign in use. */
const SCAN_CHUNK = 20_000;

async function rollbackCalls(db: LeadsDb, batch: ImportBatch, now: number): Promise<{ calls: number; leads: number }> {
  const calls = await db.calls.where('importBatchId').equals(batch.id).toArray();
  const leadIds = [...new Set(calls.map((c) => c.leadId))];
  await db.calls.bulkDelete(calls.map((c) => c.id));
  const leads = (await db.leads.bulkGet(leadIds)).filter((l): l is Lead => l !== undefined);
  const remaining = await db.calls.where('leadId').anyOf(leadIds).toArray();
  const byLead = new Map<number, typeof remaining>();
  for (const c of remaining) byLead.set(c.leadId, [...(byLead.get(c.leadId) ?? []), c]);
  // Facts are recomputed from the calls that remain: exact whatever happened in between.
  const next = leads.map((lead) => {
    const l: Record<string, unknown> = { ...lead, updatedAt: now };
    for (const f of CALL_FACT_FIELDS) delete l[f];
    return { ...l, ...callFacts(byLead.get(lead.id) ?? []) } as Lead;
  });
  await db.leads.bulkPut(next);
  return { calls: calls.length, leads: leads.length };
}

async function rollbackLeads(
  db: LeadsDb,
  batch: ImportBatch,
  now: number,
): Promise<{ removed: number; restored: number }> {
  const createdIds = (await db.leads.where('importBatchId').equals(batch.id).primaryKeys()) as number[];
  const rows = await db.acquisitions.where('importBatchId').equals(batch.id).toArray();
  // A later import that touched the same leads built on this batch's values: undo that one first,
  // or the acquisitions it moved aside would be lost.
  const affected = [...new Set([...createdIds, ...rows.map((r) => r.leadId)])];
  const laterRows = await db.acquisitions
    .where('leadId')
    .anyOf(affected)
    .filter((a) => (a.importBatchId ?? 0) > batch.id)
    .toArray();
  const laterBatches = [...new Set(laterRows.map((a) => a.importBatchId!))];
  const live = (await db.importBatches.bulkGet(laterBatches))
    .filter((b) => b?.status === 'committed')
    .map((b) => b!.id);
  if (live.length > 0) throw new RollbackError('later-import', live);
  const calls = await db.calls.where('leadId').anyOf(createdIds).count();
  if (calls > 0) throw new RollbackError('calls-logged', [calls]);

  const created = new Set(createdIds);
  const touched = [...new Set(rows.map((r) => r.leadId).filter((id) => !created.has(id)))];
  const leads = new Map(
    (await db.leads.bulkGet(touched)).filter((l): l is Lead => l !== undefined).map((l) => [l.id, l]),
  );
  const restored: Lead[] = [];
  for (const row of rows) {
    const lead = leads.get(row.leadId);
    if (!row.undo || !lead) continue;
    const next = undoMerge(lead, row.undo, now);
    if (next) restored.push(next);
  }
  await db.leads.bulkPut(restored);
  await db.acquisitions.bulkDelete(rows.map((r) => r.id));
  await db.acquisitions.where('leadId').anyOf(createdIds).delete();
  await db.consents.where('leadId').anyOf(createdIds).delete();
  await db.consents
    .where('leadId')
    .anyOf(touched)
    .filter((c) => (c as { importBatchId?: number }).importBatchId === batch.id)
    .delete();
  await db.leads.bulkDelete(createdIds);
  return { removed: createdIds.length, restored: restored.length };
}

/**
 * Remove the sources and campaigns the batch created that nothing uses any more. Neither is an
 * index (v004): one pass over the leads in primary-key chunks answers both, and only when the
 * batch created any.
 */
async function removeUnusedCatalog(db: LeadsDb, batch: ImportBatch): Promise<void> {
  const sources = new Set(batch.createdSourceIds ?? []);
  const campaigns = new Set(batch.createdCampaignIds ?? []);
  if (sources.size === 0 && campaigns.size === 0) return;
  const usedSources = new Set<string>();
  const usedCampaigns = new Set<string>();
  for (let lastId = 0; ;) {
    const chunk = await db.leads.where(':id').above(lastId).limit(SCAN_CHUNK).toArray();
    for (const l of chunk) {
      if (sources.has(l.sourceId)) usedSources.add(l.sourceId);
      if (l.campaignId !== undefined && campaigns.has(l.campaignId)) usedCampaigns.add(l.campaignId);
    }
    if (chunk.length < SCAN_CHUNK) break;
    lastId = chunk[chunk.length - 1]!.id;
  }
  for (const id of sources) {
    if (usedSources.has(id) || (await db.acquisitions.filter((a) => a.sourceId === id).count()) > 0) continue;
    await db.sources.delete(id);
  }
  for (const id of campaigns) {
    if (usedCampaigns.has(id) || (await db.calls.filter((c) => c.campaignId === id).count()) > 0) continue;
    await db.campaigns.delete(id);
  }
}

/** Roll back batch `id`; returns the batch as now stored. */
export async function rollbackImportBatch(db: LeadsDb, id: number, now = Date.now()): Promise<ImportBatch> {
  const tables = [
    db.importBatches,
    db.leads,
    db.acquisitions,
    db.consents,
    db.calls,
    db.sources,
    db.campaigns,
    db.audit,
    db.settings,
  ];
  return db.transaction('rw', tables, async () => {
    const batch = await db.importBatches.get(id);
    if (!batch) throw new RollbackError('not-found');
    if (batch.status === 'rolled-back') throw new RollbackError('already-rolled-back');
    if (batch.kind === 'dnc') throw new RollbackError('not-rollbackable');
    const effect = batch.kind === 'calls' ? await rollbackCalls(db, batch, now) : await rollbackLeads(db, batch, now);
    await removeUnusedCatalog(db, batch);
    const { operatorName } = await getSettings(db);
    const next: ImportBatch = { ...batch, status: 'rolled-back', rolledBackAt: now, rolledBackBy: operatorName };
    await db.importBatches.put(next);
    await appendAudit(
      db,
      {
        action: 'rollback',
        entity: 'importBatch',
        ids: [id],
        before: { status: 'committed' },
        after: { status: 'rolled-back', ...effect },
      },
      now,
    );
    return next;
  });
}
