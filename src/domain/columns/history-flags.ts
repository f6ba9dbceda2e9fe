/**
 * The facts of a lead's history the cohorts read beside its row (the lifecycle's "suppressed",
 * the wrong-number and DNC-request rates): one pass over its calls and consents, kept by the
 * engine with the lead's cached judgement, so a cohort question reads no history.
 */
import type { ConsentEvent } from '../compliance/consent-event';
import type { Call } from '../leads/call';
import { FLAG_CONSENT_WITHDRAWN, FLAG_DNC_REQUESTED, FLAG_WRONG_NUMBER } from './lead-flags';

/** Wrong number, DNC asked on a call, and whether the latest consent event for calls is a withdrawal (a withdrawal wins a tie). */
export function historyFlags(history: {
  calls: readonly Pick<Call, 'outcome'>[];
  consents: readonly Pick<ConsentEvent, 'purpose' | 'kind' | 'capturedAt'>[];
}): number {
  let flags = 0;
  for (const c of history.calls)
    if (c.outcome === 'wrong-number') flags |= FLAG_WRONG_NUMBER;
    else if (c.outcome === 'dnc-requested') flags |= FLAG_DNC_REQUESTED;
  let at = -Infinity;
  let withdrawn = false;
  for (const e of history.consents) {
    if (e.purpose !== 'calls') continue;
    const w = e.kind === 'withdrawn';
    if (e.capturedAt > at || (e.capturedAt === at && w)) {
      at = e.capturedAt;
      withdrawn = w;
    }
  }
  return withdrawn ? flags | FLAG_CONSENT_WITHDRAWN : flags;
}
