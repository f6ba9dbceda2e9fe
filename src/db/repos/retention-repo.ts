/**
 * Retention: the dry run and the purge. Both plan with the same pure functions, and the purge
 * re-plans inside its transaction and refuses when the plan it was shown no longer holds — so
 * the dry run the steward read is exactly what is purged. The dry run is the engine's, read off
 * its columns (grid-figures.ts); the purge reads and judges again only its leads, never every
 * lead. One audit entry per purge, naming the leads but holding none of their personal data.
 */
import { anonymiseLead, keyedPhoneHash } from '../../domain/compliance/anonymise';
import { buildComplianceWorld } from '../../domain/compliance/compliance-world';
import { dncRequestsToKeep } from '../../domain/compliance/dnc-request-keep';
import { rulesByRegion } from '../../domain/compliance/judge';
import type { Call } from '../../domain/leads/call';
import { planFor, purgeCandidates, type PurgePlan } from '../../domain/compliance/retention-plan';
import type { Lead } from '../../domain/leads/lead';
import type { LeadsDb } from '../leads-db';
import { strictTransaction } from '../durability';
import { appendAudit } from './audit-repo';
import { getFlag, getSettings, setFlag } from './settings-repo';
import { journaled, markDone } from './operation-journal-repo';
import { suppressNumber } from './suppression-repo';
import { dropEngineCache } from './engine-snapshot-repo';
import { markLeadRemoval } from '../removal-reason';
import { bytesToHex } from '@noble/hashes/utils.js';

const KEY_FLAG = 'anonymisationKey';

export class PurgeError extends Error {
  constructor(readonly code: 'plan-changed') {
    super(code);
  }
}

/**
 * The dry run `shown`, checked against its own leads read and judged again: null when one of
 * them is gone or no longer past its deadline at the plan's instant, or what their months lose
 * moved (a call since). Its `before` (the months' counts, for scale) is kept as it was shown.
 */
async function checkedPlan(db: LeadsDb, shown: PurgePlan) {
  const [found, calls, settings] = await Promise.all([
    db.leads.bulkGet(shown.leadIds),
    db.calls.where('leadId').anyOf(shown.leadIds).toArray(),
    getSettings(db),
  ]);
  if (found.some((l) => l === undefined)) return null;
  const leads = found as Lead[];
  const world = buildComplianceWorld({ consents: [], calls, dncLists: [], dncVersions: [], dncEntries: [] });
  if (purgeCandidates(leads, world, settings, shown.at).length !== leads.length) return null;
  const { losses } = planFor(shown.leadIds, leads, settings.orgTimeZone, shown.at, shown.mode);
  if (JSON.stringify(losses) !== JSON.stringify(shown.losses)) return null;
  return { plan: shown, leads, calls, settings };
}

/** This database's secret for hashing purged numbers, created on first use (inside a transaction on settings). */
export async function anonymisationKey(db: LeadsDb): Promise<string> {
  const existing = await getFlag<string>(db, KEY_FLAG);
  if (existing) return existing;
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  const key = bytesToHex(bytes);
  await setFlag(db, KEY_FLAG, key);
  return key;
}

/**
 * Purge exactly the dry run `plan` the steward was shown (the engine's, read off its columns):
 * its leads are read and judged again, and if one is gone, no longer past its deadline at the
 * plan's instant, or what their months lose moved, nothing is done (`plan-changed`). Every write
 * in one transaction.
 */
export async function purgeRetention(db: LeadsDb, input: { plan: PurgePlan }, now = Date.now()): Promise<PurgePlan> {
  const { at, mode, leadIds } = input.plan;
  const summary = { mode, count: leadIds.length };
  const tables = [
    db.leads,
    db.calls,
    db.consents,
    db.acquisitions,
    db.audit,
    db.settings,
    db.operations,
    db.dncLists,
    db.dncListVersions,
    db.dncEntries,
    db.engine,
    db.changes,
  ];
  return journaled(
    db,
    'purge',
    summary,
    (journal) =>
      strictTransaction(db, 'rw', tables, async () => {
        const planned = await checkedPlan(db, input.plan);
        if (!planned) throw new PurgeError('plan-changed');
        const { plan, leads, calls, settings } = planned;
        if (plan.leadIds.length === 0) {
          await markDone(db, journal, now);
          return plan;
        }
        const ids = plan.leadIds;
        const going = new Set(ids);
        const consents = await db.consents.where('leadId').anyOf(ids).toArray();
        // A DNC request younger than its keep period outlives the purge as a keyed-hash suppression
        // dated at the request (dnc-request-keep.ts), whichever the mode.
        const callsByLead = new Map<number, Call[]>();
        for (const c of calls)
          if (going.has(c.leadId)) callsByLead.set(c.leadId, [...(callsByLead.get(c.leadId) ?? []), c]);
        const kept = dncRequestsToKeep(
          leads.filter((l) => going.has(l.id)),
          (id) => callsByLead.get(id) ?? [],
          rulesByRegion(settings),
          at,
        );
        const key = await anonymisationKey(db);
        for (const k of kept) await suppressNumber(db, k.phoneE164, key, k.requestedAt, now);
        if (mode === 'delete') {
          await db.calls.where('leadId').anyOf(ids).delete();
          await db.consents.bulkDelete(consents.map((c) => c.id));
          await db.acquisitions.where('leadId').anyOf(ids).delete();
          markLeadRemoval('purge');
          await db.leads.bulkDelete(ids);
        } else {
          await db.leads.bulkPut(leads.filter((l) => going.has(l.id)).map((l) => anonymiseLead(l, key, now)));
          // The events stay (basis, kind and dates are no one's personal data); their free-text proof reference goes.
          await db.consents.bulkPut(consents.map((c) => ({ ...c, proofRef: '' })));
        }
        const { leadIds: _ids, ...facts } = plan;
        await appendAudit(
          db,
          {
            action: 'purge',
            entity: 'lead',
            ids,
            before: null,
            after: { ...facts, count: ids.length, ...(kept.length ? { dncRequestsKept: kept.length } : {}) },
          },
          now,
        );
        // Last, after every write logged itself: purged names and numbers must not outlive the rows in
        // the engine's stored columns. Engines in use follow the log, which rewrites the rows (decision 063).
        await dropEngineCache(db);
        await markDone(db, journal, now);
        return plan;
      }),
    now,
  );
}

/** Purged leads that had this number (matched through its keyed hash), e.g. to honour their "do not call me" when it comes back. */
export async function purgedLeadsWithNumber(db: LeadsDb, phoneE164: string): Promise<Lead[]> {
  const key = await getFlag<string>(db, KEY_FLAG);
  if (!key) return [];
  return db.leads.where('phoneE164').equals(keyedPhoneHash(phoneE164, key)).toArray();
}
