/** One import of a file or payload: what came in, what was kept, and whether it was rolled back. */
import { z } from 'zod';
import { epochMs } from '../leads/lead';

export const importBatchSchema = z.object({
  id: z.number().int().positive(),
  kind: z.enum(['leads', 'calls', 'api', 'dnc']),
  fileName: z.string(),
  sha256: z.string(),
  encoding: z.string(),
  at: epochMs,
  by: z.string(),
  rowsRead: z.number().int().min(0),
  accepted: z.number().int().min(0),
  rejected: z.number().int().min(0),
  merged: z.number().int().min(0),
  status: z.enum(['committed', 'rolled-back']),
  mapping: z.record(z.string(), z.string()).optional(),
});
export type ImportBatch = z.infer<typeof importBatchSchema>;

/**
 * A later acquisition of a number already stored (a lead can be bought or collected again).
 * The lead's own `acquiredAt`/`sourceId` is its first acquisition; each re-acquisition is kept
 * here forever so deduplication never loses where and when data came in.
 */
export const acquisitionSchema = z.object({
  id: z.number().int().positive(),
  leadId: z.number().int().positive(),
  sourceId: z.string(),
  acquiredAt: epochMs,
  importBatchId: z.number().int().optional(),
  entryMethod: z.string(),
  recordedAt: epochMs,
});
export type Acquisition = z.infer<typeof acquisitionSchema>;
