/** Organisation settings: the defaults every rule and screen falls back to. */
import { z } from 'zod';
import { DEFAULT_DORMANT_DAYS, MAX_DORMANT_DAYS, MIN_DORMANT_DAYS } from '../leads/lifecycle-stage';

export const settingsSchema = z.object({
  orgTimeZone: z.string().min(1),
  defaultRegion: z.string().regex(/^[A-Z]{2}$/),
  operatorName: z.string().min(1).max(80),
  /** Active policy preset ids; the strictest active rule wins. */
  policyPresets: z.array(z.string()),
  consentValidityMonths: z.number().int().min(1).max(120),
  expiryNoticeDays: z.number().int().min(0).max(365),
  retentionMonths: z.number().int().min(1).max(240),
  retentionFrom: z.enum(['acquired', 'last-contact']),
  purgeMode: z.enum(['anonymize', 'delete']),
  staleMonths: z.number().int().min(1).max(120),
  maxAttempts: z.number().int().min(1).max(100),
  attemptWindowHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 30),
  minGapHours: z
    .number()
    .min(0)
    .max(24 * 30),
  /** Organisation policy: every call needs a recorded basis (consent, or an EBR where the law accepts one). */
  requireConsent: z.boolean(),
  /** A lead with no attempt for this many days (of 24 h) is dormant (docs/lifecycle.md). */
  dormantDays: z.number().int().min(MIN_DORMANT_DAYS).max(MAX_DORMANT_DAYS),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  orgTimeZone: 'America/New_York',
  defaultRegion: 'US',
  operatorName: 'Data steward',
  policyPresets: ['us-tsr', 'us-tcpa', 'organisation'],
  consentValidityMonths: 24,
  expiryNoticeDays: 30,
  retentionMonths: 36,
  retentionFrom: 'last-contact',
  purgeMode: 'anonymize',
  staleMonths: 12,
  maxAttempts: 6,
  attemptWindowHours: 24 * 7,
  minGapHours: 4,
  requireConsent: true,
  dormantDays: DEFAULT_DORMANT_DAYS,
};
