/** Consent for one purpose at an instant, from the append-only consent events. */
import { addMonths } from '../time/calendar';
import type { ConsentBasis, ConsentEvent } from './consent-event';
import type { EffectiveRules } from './policies';

export type ConsentStatus = 'valid' | 'missing' | 'expired' | 'withdrawn';
export type ConsentPurpose = ConsentEvent['purpose'];

/** The consent rules `consentStateAt` reads. */
export type ConsentRules = Pick<
  EffectiveRules,
  'timeZone' | 'acceptedBases' | 'consentValidityMonths' | 'ebrPurchaseMonths' | 'ebrInquiryMonths'
>;

export interface ConsentState {
  status: ConsentStatus;
  /** Valid: when granted; expired: when it expired; withdrawn: when withdrawn. */
  since?: number;
  /** Valid: when it will expire; expired: when it did. */
  expiresAt?: number;
  basis?: ConsentBasis;
  /** The event the status rests on. */
  eventId?: number;
  /** Missing because the latest grant rests on a basis the rules do not accept (e.g. an EBR in China). */
  rejectedBasis?: ConsentBasis;
}

/**
 * When a grant lapses. Statutory EBR windows cap whatever the record says (a record cannot
 * extend the law); for the other bases an explicit `expiresAt` is what the person agreed to
 * and wins over the organisation's default validity.
 */
export function consentExpiresAt(event: ConsentEvent, rules: ConsentRules): number {
  const months = (m: number) => addMonths(event.capturedAt, m, rules.timeZone);
  const ebr =
    event.basis === 'ebr-purchase'
      ? rules.ebrPurchaseMonths
      : event.basis === 'ebr-inquiry'
        ? rules.ebrInquiryMonths
        : null;
  if (ebr) return Math.min(event.expiresAt ?? Infinity, months(ebr.value));
  return event.expiresAt ?? months(rules.consentValidityMonths.value);
}

/** Events in the order they happened; on a tie a withdrawal comes last, so it wins. */
function chronological(events: readonly ConsentEvent[]): ConsentEvent[] {
  const rank = (e: ConsentEvent) => (e.kind === 'withdrawn' ? 1 : 0);
  return [...events].sort((a, b) => a.capturedAt - b.capturedAt || rank(a) - rank(b) || a.id - b.id);
}

/** The accepted bases as a set, made once per rules object (a verdict per lead asks for it). */
const acceptedSets = new WeakMap<readonly ConsentBasis[], ReadonlySet<ConsentBasis>>();
function acceptedSet(bases: readonly ConsentBasis[]): ReadonlySet<ConsentBasis> {
  let set = acceptedSets.get(bases);
  if (!set) acceptedSets.set(bases, (set = new Set(bases)));
  return set;
}

/**
 * Consent for `purpose` at `at`: the latest grant or renewal captured by `at` on an accepted
 * basis, unless a withdrawal (on any basis) came at or after it. A withdrawal with no grant
 * before it is a refusal, and reads as withdrawn.
 */
export function consentStateAt(
  events: readonly ConsentEvent[],
  purpose: ConsentPurpose,
  rules: ConsentRules,
  at: number,
): ConsentState {
  const known = chronological(events.filter((e) => e.purpose === purpose && e.capturedAt <= at));
  const accepted = acceptedSet(rules.acceptedBases.value);
  let grant: ConsentEvent | undefined;
  let rejected: ConsentEvent | undefined;
  let withdrawal: ConsentEvent | undefined;
  for (const e of known) {
    if (e.kind === 'withdrawn') {
      withdrawal = e;
    } else if (accepted.has(e.basis)) {
      grant = e;
      withdrawal = undefined;
    } else {
      rejected = e;
    }
  }
  if (withdrawal) return { status: 'withdrawn', since: withdrawal.capturedAt, eventId: withdrawal.id };
  if (!grant) return rejected ? { status: 'missing', rejectedBasis: rejected.basis } : { status: 'missing' };
  const expiresAt = consentExpiresAt(grant, rules);
  const base = { expiresAt, basis: grant.basis, eventId: grant.id };
  return at < expiresAt
    ? { status: 'valid', since: grant.capturedAt, ...base }
    : { status: 'expired', since: expiresAt, ...base };
}
