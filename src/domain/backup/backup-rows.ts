/**
 * What every row of a backup must look like before a restore may write it: the domain's own zod
 * schema per table, and the table's primary key (two rows with one key would abort the write).
 * Tables without a domain entity of their own (scrubs, saved views, settings rows) get theirs here.
 */
import { z } from 'zod';
import { auditEntrySchema } from '../audit/audit-entry';
import { campaignSchema } from '../catalog/campaign';
import { sourceSchema } from '../catalog/source';
import { consentEventSchema } from '../compliance/consent-event';
import { consentRequestSchema } from '../compliance/consent-request';
import { dncEntrySchema, dncListSchema, dncListVersionSchema } from '../compliance/dnc-list';
import { acquisitionSchema, importBatchSchema } from '../import-export/import-batch';
import { callSchema } from '../leads/call';
import { epochMs, leadSchema } from '../leads/lead';

const rowId = z.number().int().positive();

export const dncScrubSchema = z.object({
  id: rowId,
  at: epochMs,
  versionIds: z.array(z.number().int()),
  leadCount: z.number().int().min(0),
  listed: z.number().int().min(0),
  listedLeadIds: z.array(z.number().int()).optional(),
  lastLeadId: z.number().int().optional(),
});

export const savedViewSchema = z.object({
  id: rowId,
  name: z.string(),
  search: z.record(z.string(), z.unknown()),
  createdAt: epochMs,
});

export const settingRowSchema = z.object({ key: z.string().min(1), value: z.unknown() });

/** The schema of each backed-up table's rows. */
export const ROW_SCHEMAS: Readonly<Record<string, z.ZodType>> = {
  leads: leadSchema,
  calls: callSchema,
  consents: consentEventSchema,
  consentRequests: consentRequestSchema,
  acquisitions: acquisitionSchema,
  dncLists: dncListSchema,
  dncListVersions: dncListVersionSchema,
  dncEntries: dncEntrySchema,
  dncScrubs: dncScrubSchema,
  sources: sourceSchema,
  campaigns: campaignSchema,
  importBatches: importBatchSchema,
  audit: auditEntrySchema,
  settings: settingRowSchema,
  savedViews: savedViewSchema,
};

/** A row's primary key as text (rows already passed their schema). */
export function primaryKeyOf(table: string, row: Record<string, unknown>): string {
  if (table === 'dncEntries') return `${String(row.listId)}\u0000${String(row.phoneE164)}`;
  if (table === 'audit') return String(row.seq);
  if (table === 'settings') return String(row.key);
  return String(row.id);
}
