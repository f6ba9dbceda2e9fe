/** What a steward submits to capture, renew or withdraw consent for one lead or many (validated at the edge). */
import { z } from 'zod';
import { epochMs } from '../leads/lead';
import { CONSENT_BASES, CONSENT_KINDS, CONSENT_METHODS, CONSENT_PURPOSES, type NewConsentEvent } from './consent-event';

export const consentInputSchema = z
  .object({
    leadIds: z.array(z.number().int().positive()).min(1),
    purpose: z.enum(CONSENT_PURPOSES),
    kind: z.enum(CONSENT_KINDS),
    basis: z.enum(CONSENT_BASES),
    method: z.enum(CONSENT_METHODS),
    proofRef: z.string().trim().max(500),
    capturedAt: epochMs,
    expiresAt: epochMs.optional(),
  })
  .superRefine((v, ctx) => {
    // A withdrawal must point at its evidence (a recording, an email, a letter).
    if (v.kind === 'withdrawn' && v.proofRef === '')
      ctx.addIssue({ code: 'custom', path: ['proofRef'], message: 'proof-required' });
    if (v.kind === 'withdrawn' && v.expiresAt !== undefined)
      ctx.addIssue({ code: 'custom', path: ['expiresAt'], message: 'withdrawal-has-no-expiry' });
    if (v.expiresAt !== undefined && v.expiresAt <= v.capturedAt)
      ctx.addIssue({ code: 'custom', path: ['expiresAt'], message: 'expires-before-capture' });
  });
export type ConsentInput = z.infer<typeof consentInputSchema>;

/** The events one input appends: one per lead, all alike. */
export function consentEventsFor(input: ConsentInput, capturedBy: string): NewConsentEvent[] {
  const { leadIds, ...event } = input;
  return leadIds.map((leadId) => ({ ...event, leadId, capturedBy }));
}
