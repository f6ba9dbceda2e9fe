/** A campaign runs in a time window through one channel, optionally tied to an event. */
import { z } from 'zod';
import { epochMs } from '../leads/lead';

export const campaignSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  channel: z.string(),
  event: z.string().optional(),
  startsAt: epochMs,
  endsAt: epochMs,
});
export type Campaign = z.infer<typeof campaignSchema>;
