/** One call attempt to a lead. */
import { z } from 'zod';
import { CALL_OUTCOMES } from './call-outcome';
import { epochMs } from './lead';

export const callSchema = z.object({
  id: z.number().int().positive(),
  leadId: z.number().int().positive(),
  at: epochMs,
  outcome: z.enum(CALL_OUTCOMES),
  durationSec: z.number().min(0),
  agent: z.string(),
  campaignId: z.string().optional(),
  importBatchId: z.number().int().optional(),
});
export type Call = z.infer<typeof callSchema>;
export type NewCall = Omit<Call, 'id'>;
