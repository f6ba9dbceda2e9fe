/**
 * The retention purge, planned before it runs: which leads are past their deadline (the
 * verdict says `retention-expired`), and what the cohort figures would lose. Anonymising keeps
 * every figure (source, campaign, acquisition time and call facts stay); deleting removes the
 * leads and their calls, so their acquisition months lose them.
 */
import type { Lead } from '../leads/lead';
import type { Settings } from '../settings/settings';
import { cohortKey } from '../time/calendar';
import type { ComplianceWorld } from './compliance-world';
import { createJudge } from './judge';

export type PurgeMode = Settings['purgeMode'];

export interface CohortLoss {
  /** Acquisition month, `yyyy-MM`, in the organisation's zone. */
  cohort: string;
  leads: number;
  contacted: number;
  connected: number;
  converted: number;
}

export interface PurgePlan {
  at: number;
  mode: PurgeMode;
  leadIds: number[];
  /** Delete: what each affected acquisition month loses. Anonymise: nothing, so empty. */
  losses: CohortLoss[];
  /** The same months as they stand before the purge, for scale. */
  before: CohortLoss[];
}

/** Ids of the leads whose verdict at `at` says the retention deadline has passed. */
export function purgeCandidates(
  leads: readonly Lead[],
  world: ComplianceWorld,
  settings: Settings,
  at: number,
): number[] {
  const judge = createJudge(world, settings);
  const ids: number[] = [];
  for (const lead of leads) {
    const v = judge(lead, at).verdict;
    if (v.reasons.some((r) => r.code === 'retention-expired')) ids.push(lead.id);
  }
  return ids;
}

/** Lead, contacted, connected and converted counts per acquisition month. */
export function cohortCounts(
  leads: Iterable<Pick<Lead, 'acquiredAt' | 'attempts' | 'firstConnectedAt' | 'convertedAt'>>,
  timeZone: string,
): Map<string, CohortLoss> {
  const out = new Map<string, CohortLoss>();
  for (const l of leads) {
    const cohort = cohortKey(l.acquiredAt, 'month', timeZone);
    let row = out.get(cohort);
    if (!row) out.set(cohort, (row = { cohort, leads: 0, contacted: 0, connected: 0, converted: 0 }));
    row.leads++;
    if (l.attempts > 0) row.contacted++;
    if (l.firstConnectedAt !== undefined) row.connected++;
    if (l.convertedAt !== undefined) row.converted++;
  }
  return out;
}

/** The dry run: who goes, and what the figures lose under `mode`. */
export function purgePlan(
  leads: readonly Lead[],
  world: ComplianceWorld,
  settings: Settings,
  at: number,
  mode: PurgeMode = settings.purgeMode,
): PurgePlan {
  return planFor(purgeCandidates(leads, world, settings, at), leads, settings.orgTimeZone, at, mode);
}

/** A lead as the plan counts it: which one, its acquisition time and its call facts. */
export type PlannedLead = Pick<Lead, 'id' | 'acquiredAt' | 'attempts' | 'firstConnectedAt' | 'convertedAt'>;

/**
 * The plan once it is known which leads go (`leadIds`, their verdict at `at` says
 * `retention-expired`): what their acquisition months lose, out of every lead in `leads`. The
 * engine answers the dry run this way from its columns; the purge, from the tables it re-reads.
 */
export function planFor(
  leadIds: number[],
  leads: Iterable<PlannedLead>,
  timeZone: string,
  at: number,
  mode: PurgeMode,
): PurgePlan {
  if (mode === 'anonymize' || leadIds.length === 0) return { at, mode, leadIds, losses: [], before: [] };
  const going = new Set(leadIds);
  const list = [...leads];
  const losses = cohortCounts(
    list.filter((l) => going.has(l.id)),
    timeZone,
  );
  const all = cohortCounts(
    list.filter((l) => losses.has(cohortKey(l.acquiredAt, 'month', timeZone))),
    timeZone,
  );
  const sorted = (m: Map<string, CohortLoss>) => [...m.values()].sort((a, b) => a.cohort.localeCompare(b.cohort));
  return { at, mode, leadIds, losses: sorted(losses), before: sorted(all) };
}
