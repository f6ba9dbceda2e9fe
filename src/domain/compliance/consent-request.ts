/**
 * A request for consent renewal: the steward asked the person to consent again (when, who asked,
 * through which channel). It is not proof of anything: consent stays as the consent events say
 * until the person answers and a grant or renewal is recorded. A request is "awaiting" from the
 * moment it was made until a consent event for its purpose is captured after it.
 */
import { z } from 'zod';
import { epochMs } from '../leads/lead';
import { CONSENT_PURPOSES, type ConsentEvent } from './consent-event';

export const RENEWAL_CHANNELS = ['email', 'sms', 'call', 'letter'] as const;
export type RenewalChannel = (typeof RENEWAL_CHANNELS)[number];

export const consentRequestSchema = z.object({
  id: z.number().int().positive(),
  leadId: z.number().int().positive(),
  purpose: z.enum(CONSENT_PURPOSES),
  requestedAt: epochMs,
  requestedBy: z.string(),
  channel: z.enum(RENEWAL_CHANNELS),
  note: z.string().max(500).optional(),
});
export type ConsentRequest = z.infer<typeof consentRequestSchema>;
export type NewConsentRequest = Omit<ConsentRequest, 'id'>;

/** What the verdict's facts say about a request still waiting for an answer. */
export interface PendingRenewal {
  requestedAt: number;
  requestedBy: string;
  channel: RenewalChannel;
}

/**
 * The newest request for `purpose` made by `at` that no consent event for that purpose answered
 * (a grant, renewal or withdrawal captured after it and by `at`), or undefined.
 */
export function pendingRenewalAt(
  requests: readonly Pick<ConsentRequest, 'purpose' | 'requestedAt' | 'requestedBy' | 'channel'>[],
  consents: readonly Pick<ConsentEvent, 'purpose' | 'capturedAt'>[],
  purpose: ConsentRequest['purpose'],
  at: number,
): PendingRenewal | undefined {
  let newest: PendingRenewal | undefined;
  for (const r of requests)
    if (r.purpose === purpose && r.requestedAt <= at && (!newest || r.requestedAt >= newest.requestedAt))
      newest = { requestedAt: r.requestedAt, requestedBy: r.requestedBy, channel: r.channel };
  if (!newest) return undefined;
  const answered = consents.some(
    (c) => c.purpose === purpose && c.capturedAt > newest.requestedAt && c.capturedAt <= at,
  );
  return answered ? undefined : newest;
}

/** Of the leads with a request, those awaiting an answer at `at` (for the queue and the export). */
export function awaitingRenewalIds(
  requests: readonly ConsentRequest[],
  consents: readonly ConsentEvent[],
  at: number,
): number[] {
  const byLead = new Map<number, { requests: ConsentRequest[]; consents: ConsentEvent[] }>();
  for (const r of requests) {
    const slot = byLead.get(r.leadId) ?? { requests: [], consents: [] };
    slot.requests.push(r);
    byLead.set(r.leadId, slot);
  }
  for (const c of consents) byLead.get(c.leadId)?.consents.push(c);
  return [...byLead]
    .filter(([, s]) => pendingRenewalAt(s.requests, s.consents, 'calls', at))
    .map(([id]) => id)
    .sort((a, b) => a - b);
}
