/**
 * The import screen's choices in the URL (the file itself cannot be): what is imported, the
 * default source and campaign, the conflict rule, the region and the time declaration.
 */
import { z } from 'zod';
import { CONFLICT_RULES } from '../../domain/import-export/field-merge';
import { DATE_FORMATS } from '../../domain/import-export/timestamp';

export const importSearchSchema = z.object({
  kind: z.enum(['leads', 'calls', 'api']).optional().catch(undefined),
  source: z.string().trim().min(1).max(100).optional().catch(undefined),
  campaign: z.string().trim().min(1).max(100).optional().catch(undefined),
  rule: z.enum(CONFLICT_RULES).optional().catch(undefined),
  region: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional()
    .catch(undefined),
  tz: z.string().min(1).max(64).optional().catch(undefined),
  format: z.enum(DATE_FORMATS).optional().catch(undefined),
  day: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .catch(undefined),
});
export type ImportSearch = z.infer<typeof importSearchSchema>;

/** The history screen's filter: one kind of batch. */
export const importHistorySearchSchema = z.object({
  kind: z.enum(['leads', 'calls', 'api', 'dnc']).optional().catch(undefined),
});
