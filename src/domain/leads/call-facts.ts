/** A lead's derived call facts (attempts, first/last contact, connected, converted) from its calls. */
import type { Call } from './call';
import { isConnected } from './call-outcome';
import type { Lead } from './lead';

/** The lead fields derived from its calls (a cache of them: recounted, never merged or edited by hand). */
export const CALL_FACT_FIELDS = [
  'attempts',
  'firstContactAt',
  'lastContactAt',
  'firstConnectedAt',
  'convertedAt',
  'lastOutcome',
] as const satisfies readonly (keyof Lead)[];

export type CallFacts = Pick<Lead, (typeof CALL_FACT_FIELDS)[number]>;

/** Facts of a lead that has never been called. */
export const NO_CALLS: CallFacts = { attempts: 0 };

/** Calls logged at the same instant (minute-precision imports): the outcome later here is the last one. */
const TIE_ORDER: readonly string[] = [
  'no-answer',
  'busy',
  'voicemail',
  'disconnected',
  'connected',
  'wrong-number',
  'converted',
  'dnc-requested',
];

/** Fold one more call into existing facts; order of calls does not matter. */
export function addCallToFacts(facts: CallFacts, call: Pick<Call, 'at' | 'outcome'>): CallFacts {
  const next: CallFacts = { ...facts, attempts: facts.attempts + 1 };
  next.firstContactAt = Math.min(facts.firstContactAt ?? Infinity, call.at);
  const last = facts.lastContactAt;
  if (
    last === undefined ||
    call.at > last ||
    (call.at === last && TIE_ORDER.indexOf(call.outcome) >= TIE_ORDER.indexOf(facts.lastOutcome ?? ''))
  ) {
    next.lastContactAt = call.at;
    next.lastOutcome = call.outcome;
  }
  if (isConnected(call.outcome)) next.firstConnectedAt = Math.min(facts.firstConnectedAt ?? Infinity, call.at);
  if (call.outcome === 'converted') next.convertedAt = Math.min(facts.convertedAt ?? Infinity, call.at);
  return next;
}

/** Facts from a whole list of calls. */
export function callFacts(calls: readonly Pick<Call, 'at' | 'outcome'>[]): CallFacts {
  return calls.reduce(addCallToFacts, NO_CALLS);
}
