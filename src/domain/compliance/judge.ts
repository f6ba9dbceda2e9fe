/**
 * The one judging path: every screen, worker and export that needs to know whether a lead may be
 * called asks a judge made here, so the rules per region, the lead's history and the verdict are
 * put together in exactly one way. A judgement carries the verdict, the facts it was read from
 * (consent expiry, retention deadline, stale date) and the grid's consent and DNC states, all
 * at the same instant, so a row is never filtered at one instant and badged at another.
 */
import type { Lead } from '../leads/lead';
import type { ConsentFilterState, DncFilterState } from '../leads/lead-filter';
import type { Settings } from '../settings/settings';
import { historyFor, type ComplianceWorld } from './compliance-world';
import { consentFilterState, dncFilterState } from './lead-facts';
import { effectiveRules, type EffectiveRules } from './policies';
import { verdictWithFacts, type VerdictFacts } from './verdict';
import type { LeadHistory, Verdict } from './verdict-types';

export interface Judgement {
  verdict: Verdict;
  facts: VerdictFacts;
  consent: ConsentFilterState;
  dnc: DncFilterState;
}

/**
 * Every field of a lead the judgement reads: the judged lead's type is made of exactly these, so
 * a rule that needs another field adds it here — and with it to the key the engine's cache of
 * judgements is checked by (verdict-inputs.ts).
 */
export const JUDGED_FIELDS = [
  'id',
  'phoneE164',
  'region',
  'timeZone',
  'acquiredAt',
  'createdAt',
  'verifiedAt',
  'lastContactAt',
  'anonymizedAt',
  'dncStatus',
  'dncCheckedAt',
  'dncCheckedVersions',
] as const satisfies readonly (keyof Lead)[];
export type JudgedLead = Pick<Lead, (typeof JUDGED_FIELDS)[number]>;

/** One lead with its history under `rules` at `at`. */
export function judgeLead(lead: JudgedLead, history: LeadHistory, rules: EffectiveRules, at: number): Judgement {
  const { verdict, facts } = verdictWithFacts(lead, history, rules, at);
  return { verdict, facts, consent: consentFilterState(facts, at), dnc: dncFilterState(lead, verdict) };
}

/** Effective rules per region, computed once per region. */
export function rulesByRegion(settings: Settings): (region: string) => EffectiveRules {
  const cache = new Map<string, EffectiveRules>();
  return (region) => {
    let rules = cache.get(region);
    if (!rules) cache.set(region, (rules = effectiveRules(settings.policyPresets, settings, region)));
    return rules;
  };
}

export interface Judge {
  (lead: JudgedLead, at: number): Judgement;
  /** The rules a lead of `region` is judged under. */
  rulesFor: (region: string) => EffectiveRules;
  /** The lead's judgement at `at` with the history it was judged from (a drawer shows both). */
  withHistory: (lead: JudgedLead, at: number) => { judgement: Judgement; history: LeadHistory };
}

/** A judge over a world (the histories of a population of leads) under the organisation's settings. */
export function createJudge(world: ComplianceWorld, settings: Settings): Judge {
  const rulesFor = rulesByRegion(settings);
  // The engine judges a million leads through `judge`: no wrapper object a lead on that path.
  const judge = (lead: JudgedLead, at: number) => judgeLead(lead, historyFor(world, lead), rulesFor(lead.region), at);
  const withHistory = (lead: JudgedLead, at: number) => {
    const history = historyFor(world, lead);
    return { judgement: judgeLead(lead, history, rulesFor(lead.region), at), history };
  };
  return Object.assign(judge, { rulesFor, withHistory });
}

/** The verdict of every lead at `at`. */
export function verdictsAt(
  leads: readonly JudgedLead[],
  world: ComplianceWorld,
  settings: Settings,
  at: number,
): Verdict[] {
  const judge = createJudge(world, settings);
  return leads.map((lead) => judge(lead, at).verdict);
}
