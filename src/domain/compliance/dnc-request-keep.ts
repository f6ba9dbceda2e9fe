/**
 * DNC requests that must outlive a purge (DESIGN.md §4, US TCPA row: a company-specific "do not
 * call me" is honoured within 10 business days and kept 5 years; 47 CFR 64.1200(d)(6)).
 *
 * Decision: a request is the earliest call of a lead with outcome `dnc-requested`. While it is
 * younger than `dncRequestKeepUntil` under the lead's region's rules, the retention purge (delete
 * or anonymise) and "forget this person" keep its record: the number as a keyed hash on the
 * internal do-not-call list (the suppression that blocks it, matched by every write path that
 * brings a number in) listed since the request's date (its evidence). No name, email or call
 * row is kept for it. A request entered on the internal list directly is a plain entry there,
 * which retention never touches and an erasure turns into the same keyed hash, keeping its date.
 * A region whose rules set no keep period (no preset says how long) has nothing to keep here.
 */
import type { Call } from '../leads/call';
import type { Lead } from '../leads/lead';
import { dncRequestKeepUntil } from './dnc';
import type { EffectiveRules } from './policies';

export interface KeptDncRequest {
  leadId: number;
  phoneE164: string;
  requestedAt: number;
  keepUntil: number;
}

/** The earliest "do not call me" among a lead's calls, if any. */
export function firstDncRequestAt(calls: Iterable<Pick<Call, 'at' | 'outcome'>>): number | undefined {
  let first: number | undefined;
  for (const c of calls) if (c.outcome === 'dnc-requested' && (first === undefined || c.at < first)) first = c.at;
  return first;
}

/** Of `leads`, the DNC requests still to be kept at `at`. `callsOf` gives a lead's calls. */
export function dncRequestsToKeep(
  leads: readonly Pick<Lead, 'id' | 'phoneE164' | 'region'>[],
  callsOf: (leadId: number) => Iterable<Pick<Call, 'at' | 'outcome'>>,
  rulesFor: (region: string) => Pick<EffectiveRules, 'dncRequestKeepMonths' | 'timeZone'>,
  at: number,
): KeptDncRequest[] {
  const out: KeptDncRequest[] = [];
  for (const lead of leads) {
    const requestedAt = firstDncRequestAt(callsOf(lead.id));
    if (requestedAt === undefined) continue;
    const keepUntil = dncRequestKeepUntil(requestedAt, rulesFor(lead.region));
    if (keepUntil !== undefined && at < keepUntil)
      out.push({ leadId: lead.id, phoneE164: lead.phoneE164, requestedAt, keepUntil });
  }
  return out;
}
