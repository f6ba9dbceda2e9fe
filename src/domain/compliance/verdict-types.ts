/** The contract of the one verdict function (DESIGN.md §4): what it reads and what it answers. */
import type { Call } from '../leads/call';
import type { Lead } from '../leads/lead';
import type { ConsentEvent } from './consent-event';
import type { ConsentRequest } from './consent-request';

export const BLOCKING_REASONS = [
  'dnc-listed',
  'dnc-check-stale',
  'consent-missing',
  'consent-expired',
  'consent-withdrawn',
  'retention-expired',
  'frequency-capped',
  'outside-calling-hours',
  // Purged by anonymisation: no personal data, no number to call (the phone is only a keyed hash).
  'anonymized',
] as const;
export const WARNING_REASONS = ['consent-expiring', 'stale-data'] as const;
export const REASON_CODES = [...BLOCKING_REASONS, ...WARNING_REASONS] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

export interface Reason {
  code: ReasonCode;
  /** 'block' makes the lead not callable; 'warn' is shown but does not block. */
  severity: 'block' | 'warn';
  /** When the condition began (e.g. the consent expired, the number was listed). */
  since?: number;
  /** When it ends or ended (e.g. consent expires, calling hours open again). */
  until?: number;
  /** Machine-readable detail for the explanation (list id, limit, local time…). */
  detail?: Record<string, string | number>;
}

export interface Verdict {
  callable: boolean;
  reasons: Reason[];
  /** Earliest instant at or after `at` when the time-bound blocks (hours, frequency) lift, if only those block. */
  nextCallableAt?: number;
}

/** A DNC list as it stood at `at`: the versions published (and imported) by then. */
export interface DncListState {
  listId: string;
  kind: 'national' | 'state' | 'tps' | 'internal' | 'other';
  active: boolean;
  /** The jurisdiction whose rules say how old a copy of the list may be (ISO country). */
  region?: string;
  /** Versions known at `at`, any order: id and publication instant. */
  versions: { id: number; publishedAt: number; importedAt: number }[];
}

/** The lead's number on a list: from the version that added it (or an instant for internal additions) until the one that removed it. */
export interface DncHit {
  listId: string;
  addedVersionId: number;
  removedVersionId?: number;
  /** For single internal additions: effective from this instant. */
  addedAt?: number;
}

/** Everything known about one lead at `at`. Entries after `at` are ignored by the verdict. */
export interface LeadHistory {
  consents: ConsentEvent[];
  calls: Pick<Call, 'at' | 'outcome'>[];
  dncLists: DncListState[];
  dncHits: DncHit[];
  /** DNC checks of this lead: when, and which version ids it was checked against. */
  dncChecks: { at: number; versionIds: number[] }[];
  /** Requests for consent renewal (asked, not proof): shown in the facts, never make consent valid. Absent = none known. */
  renewalRequests?: Pick<ConsentRequest, 'purpose' | 'requestedAt' | 'requestedBy' | 'channel'>[];
}

export type VerdictLead = Pick<
  Lead,
  | 'id'
  | 'phoneE164'
  | 'region'
  | 'timeZone'
  | 'acquiredAt'
  | 'createdAt'
  | 'verifiedAt'
  | 'lastContactAt'
  | 'anonymizedAt'
>;
