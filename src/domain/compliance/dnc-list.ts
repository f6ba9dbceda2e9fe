/** Do-Not-Call lists, their immutable published versions, and the numbers each version lists. */
import { z } from 'zod';
import { epochMs } from '../leads/lead';

export const DNC_LIST_KINDS = ['national', 'state', 'tps', 'internal', 'other'] as const;

export const dncListSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  kind: z.enum(DNC_LIST_KINDS),
  region: z.string().optional(),
  active: z.boolean(),
});
export type DncList = z.infer<typeof dncListSchema>;

export const dncListVersionSchema = z.object({
  id: z.number().int().positive(),
  listId: z.string(),
  publishedAt: epochMs,
  importedAt: epochMs,
  fileName: z.string(),
  sha256: z.string(),
  /** Distinct valid numbers the version lists. */
  rowCount: z.number().int().min(0),
  /** From the file: data rows read, rows that held no valid number, and repeated numbers. */
  rowsRead: z.number().int().min(0).optional(),
  invalidCount: z.number().int().min(0).optional(),
  duplicates: z.number().int().min(0).optional(),
});
export type DncListVersion = z.infer<typeof dncListVersionSchema>;

/** A number on a list from the version that added it until the version that removed it (if any). */
export const dncEntrySchema = z.object({
  listId: z.string(),
  phoneE164: z.string(),
  addedVersionId: z.number().int(),
  removedVersionId: z.number().int().optional(),
  /** For single additions to the internal list: when the person asked, effective at once. */
  addedAt: epochMs.optional(),
});
export type DncEntry = z.infer<typeof dncEntrySchema>;
