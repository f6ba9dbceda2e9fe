/**
 * Everything the verdict needs, indexed once for a whole population of leads: consent
 * events and calls by lead, DNC hits by number, the lists with their versions. Building a
 * lead's history from it is a few map look-ups, so a verdict for every lead stays cheap.
 */
import { historyFlags } from '../columns/history-flags';
import type { Call } from '../leads/call';
import type { Lead } from '../leads/lead';
import type { ConsentEvent } from './consent-event';
import type { DncEntry, DncList, DncListVersion } from './dnc-list';
import type { DncHit, DncListState, LeadHistory } from './verdict-types';

export interface ComplianceWorld {
  consentsByLead: Map<number, ConsentEvent[]>;
  callsByLead: Map<number, Pick<Call, 'at' | 'outcome'>[]>;
  hitsByPhone: Map<string, DncHit[]>;
  dncLists: DncListState[];
}

function group<T, K>(items: readonly T[], key: (t: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

function hitsByPhone(entries: readonly DncEntry[]): Map<string, DncHit[]> {
  const out = new Map<string, DncHit[]>();
  for (const e of entries) {
    const hit: DncHit = { listId: e.listId, addedVersionId: e.addedVersionId };
    if (e.removedVersionId !== undefined) hit.removedVersionId = e.removedVersionId;
    if (e.addedAt !== undefined) hit.addedAt = e.addedAt;
    const list = out.get(e.phoneE164);
    if (list) list.push(hit);
    else out.set(e.phoneE164, [hit]);
  }
  return out;
}

/** The lists with their versions (and jurisdiction), as the verdict sees them: for the world and for one lead's history alike. */
export function dncListStates(lists: readonly DncList[], versions: readonly DncListVersion[]): DncListState[] {
  const versionsByList = group(versions, (v) => v.listId);
  return lists.map((l) => ({
    listId: l.id,
    kind: l.kind,
    active: l.active,
    ...(l.region !== undefined ? { region: l.region } : {}),
    versions: (versionsByList.get(l.id) ?? []).map(({ id, publishedAt, importedAt }) => ({
      id,
      publishedAt,
      importedAt,
    })),
  }));
}

/** Index raw rows into a world. */
export function buildComplianceWorld(input: {
  consents: readonly ConsentEvent[];
  calls: readonly Pick<Call, 'leadId' | 'at' | 'outcome'>[];
  dncLists: readonly DncList[];
  dncVersions: readonly DncListVersion[];
  dncEntries: readonly DncEntry[];
}): ComplianceWorld {
  return {
    consentsByLead: group(input.consents, (c) => c.leadId),
    callsByLead: group(input.calls, (c) => c.leadId),
    hitsByPhone: hitsByPhone(input.dncEntries),
    dncLists: dncListStates(input.dncLists, input.dncVersions),
  };
}

/** The facts of one lead's calls and consents the cohorts read (history-flags.ts). */
export function historyFlagsOf(world: ComplianceWorld, leadId: number): number {
  return historyFlags({ calls: world.callsByLead.get(leadId) ?? [], consents: world.consentsByLead.get(leadId) ?? [] });
}

/** One lead's history from the world. */
export function historyFor(
  world: ComplianceWorld,
  lead: Pick<Lead, 'id' | 'phoneE164' | 'dncCheckedAt' | 'dncCheckedVersions'>,
): LeadHistory {
  return {
    consents: world.consentsByLead.get(lead.id) ?? [],
    calls: world.callsByLead.get(lead.id) ?? [],
    dncLists: world.dncLists,
    dncHits: world.hitsByPhone.get(lead.phoneE164) ?? [],
    dncChecks: lead.dncCheckedAt !== undefined ? [{ at: lead.dncCheckedAt, versionIds: lead.dncCheckedVersions }] : [],
  };
}
