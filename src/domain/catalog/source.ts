/** Where leads come from: a trade show, a web form, a data vendor, an API partner. */
import { z } from 'zod';

export const SOURCE_KINDS = ['event', 'web', 'referral', 'vendor', 'api', 'other'] as const;

export const sourceSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  kind: z.enum(SOURCE_KINDS),
});
export type Source = z.infer<typeof sourceSchema>;
