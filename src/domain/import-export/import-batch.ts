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
  /** Field → header text of the column it was read from. */
  mapping: z.record(z.string(), z.string()).optional(),
  // What the import wizard records beyond the counts above (optional: other importers
  // such as DNC lists write batches too).
  /** Leads (or calls) this batch created. */
  created: z.number().int().min(0).optional(),
  duplicatesInFile: z.number().int().min(0).optional(),
  matchedExisting: z.number().int().min(0).optional(),
  conflicts: z.number().int().min(0).optional(),
  conflictRule: z.enum(['keep-existing', 'take-new']).optional(),
  warnings: z.number().int().min(0).optional(),
  delimiter: z.string().optional(),
  /** Date format and zone the steward declared for values without an offset. */
  timeDeclaration: z.object({ format: z.string().nullable(), timeZone: z.string().nullable() }).optional(),
  /** The one acquisition day declared for the whole file, `yyyy-MM-dd`. */
  declaredAcquiredDay: z.string().optional(),
  defaultSourceId: z.string().optional(),
  /** Sources and campaigns first named by this batch; a rollback removes them when unused. */
  createdSourceIds: z.array(z.string()).optional(),
  createdCampaignIds: z.array(z.string()).optional(),
  rolledBackAt: epochMs.optional(),
  rolledBackBy: z.string().optional(),
});
export type ImportBatch = z.infer<typeof importBatchSchema>;

/**
 * An acquisition of a number other than the one on the lead itself (a lead can be bought or
 * collected again). The lead's own `acquiredAt`/`sourceId` is its earliest acquisition; every
 * other is kept here forever, so deduplication never loses where and when data came in.
 * `importBatchId` is the batch that wrote the row (so a rollback finds it); when an import
 * brings an earlier acquisition, the lead's previous one moves here with `displaced` set and
 * its own batch in `originBatchId`.
 */
export const acquisitionSchema = z.object({
  id: z.number().int().positive(),
  leadId: z.number().int().positive(),
  sourceId: z.string(),
  acquiredAt: epochMs,
  importBatchId: z.number().int().optional(),
  entryMethod: z.string(),
  recordedAt: epochMs,
  campaignId: z.string().optional(),
  acquiredAtPrecision: z.enum(['exact', 'day', 'month']).optional(),
  acquiredAtDeclared: z.boolean().optional(),
  displaced: z.boolean().optional(),
  originBatchId: z.number().int().optional(),
  /** File line (or record number) the acquisition was read from. */
  line: z.number().int().optional(),
  /** The lead's fields as the batch found and left them, for an exact rollback (one row per lead). */
  undo: z.object({ before: z.record(z.string(), z.unknown()), after: z.record(z.string(), z.unknown()) }).optional(),
});
export type Acquisition = z.infer<typeof acquisitionSchema>;
