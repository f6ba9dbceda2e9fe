/** Consent events are append-only: a grant, a renewal or a withdrawal for one purpose. */
import { z } from 'zod';
import { epochMs } from '../leads/lead';

export const CONSENT_PURPOSES = ['calls', 'sms', 'email'] as const;
export const CONSENT_KINDS = ['granted', 'renewed', 'withdrawn'] as const;
export const CONSENT_BASES = ['consent', 'legitimate-interest', 'ebr-purchase', 'ebr-inquiry', 'contract'] as const;
export const CONSENT_METHODS = ['web-form', 'verbal-recording', 'written', 'import'] as const;

export const consentEventSchema = z.object({
  id: z.number().int().positive(),
  leadId: z.number().int().positive(),
  purpose: z.enum(CONSENT_PURPOSES),
  kind: z.enum(CONSENT_KINDS),
  basis: z.enum(CONSENT_BASES),
  capturedAt: epochMs,
  expiresAt: epochMs.optional(),
  method: z.enum(CONSENT_METHODS),
  proofRef: z.string(),
  capturedBy: z.string(),
});
export type ConsentEvent = z.infer<typeof consentEventSchema>;
export type NewConsentEvent = Omit<ConsentEvent, 'id'>;
export type ConsentBasis = (typeof CONSENT_BASES)[number];
