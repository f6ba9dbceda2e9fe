/** The compliance screens' URLs: every choice on them is a typed, validated search param. */
import { z } from 'zod';

/** /compliance/dnc: the list whose versions are shown. */
export const dncSearchSchema = z.object({
  list: z.string().max(80).optional().catch(undefined),
});

/** /compliance/retention: purge by anonymising or deleting (default: the organisation's setting). */
export const retentionSearchSchema = z.object({
  mode: z.enum(['anonymize', 'delete']).optional().catch(undefined),
});

/** /compliance/proof: a lead at an instant (epoch ms; default now), or a logged call. */
export const proofSearchSchema = z.object({
  lead: z.coerce.number().int().positive().optional().catch(undefined),
  at: z.coerce.number().int().min(0).optional().catch(undefined),
  call: z.coerce.number().int().positive().optional().catch(undefined),
});
export type ProofSearch = z.infer<typeof proofSearchSchema>;

/** /compliance/renewals: the page of the list of leads awaiting consent renewal. */
export const renewalsSearchSchema = z.object({
  page: z.coerce.number().int().min(1).optional().catch(undefined),
});
