/** A lead: one person/number we may call, with the moment its data was acquired at its source. */
import { z } from 'zod';
import { EARLIEST_ACQUISITION } from '../time/calendar';

export const ENTRY_METHODS = ['manual', 'file', 'api', 'demo'] as const;
export type EntryMethod = (typeof ENTRY_METHODS)[number];

export const ACQUIRED_AT_PRECISIONS = ['exact', 'day', 'month'] as const;
export type AcquiredAtPrecision = (typeof ACQUIRED_AT_PRECISIONS)[number];

export const DNC_STATUSES = ['unchecked', 'clear', 'listed'] as const;
export type DncStatus = (typeof DNC_STATUSES)[number];

export const epochMs = z.number().int().finite();

/** E.164: a plus, a non-zero country digit, at most 15 digits in all. */
export const e164 = z.string().regex(/^\+[1-9]\d{6,14}$/, 'not an E.164 number');

export const leadSchema = z.object({
  id: z.number().int().positive(),
  phoneE164: z.string().min(1),
  phoneRaw: z.string(),
  region: z.string().regex(/^[A-Z]{2}$|^ZZ$/),
  timeZone: z.string().min(1),
  name: z.string(),
  company: z.string(),
  email: z.string(),
  tags: z.array(z.string()),
  sourceId: z.string().min(1),
  campaignId: z.string().optional(),
  acquiredAt: epochMs.min(EARLIEST_ACQUISITION),
  acquiredAtPrecision: z.enum(ACQUIRED_AT_PRECISIONS),
  /** True when the acquisition time was declared for a whole file, not observed per record. */
  acquiredAtDeclared: z.boolean().optional(),
  createdAt: epochMs,
  updatedAt: epochMs,
  entryMethod: z.enum(ENTRY_METHODS),
  importBatchId: z.number().int().optional(),
  verifiedAt: epochMs.optional(),
  // Derived call facts, maintained by the calls repository.
  firstContactAt: epochMs.optional(),
  lastContactAt: epochMs.optional(),
  attempts: z.number().int().min(0),
  firstConnectedAt: epochMs.optional(),
  convertedAt: epochMs.optional(),
  lastOutcome: z.string().optional(),
  // DNC facts, maintained by the DNC scrub.
  dncStatus: z.enum(DNC_STATUSES),
  dncCheckedAt: epochMs.optional(),
  dncCheckedVersions: z.array(z.number().int()),
  anonymizedAt: epochMs.optional(),
});
export type Lead = z.infer<typeof leadSchema>;

/** What a person or a file supplies for a new lead; the system adds the rest. */
export const newLeadSchema = leadSchema
  .omit({
    id: true,
    createdAt: true,
    updatedAt: true,
    attempts: true,
    dncStatus: true,
    dncCheckedVersions: true,
  })
  .extend({
    attempts: z.number().int().min(0).optional(),
    dncStatus: z.enum(DNC_STATUSES).optional(),
    dncCheckedVersions: z.array(z.number().int()).optional(),
  });
export type NewLead = z.infer<typeof newLeadSchema>;

/** Fields a steward may edit on an existing lead. `createdAt` is never among them. */
export const EDITABLE_LEAD_FIELDS = [
  'name',
  'company',
  'email',
  'tags',
  'sourceId',
  'campaignId',
  'acquiredAt',
  'acquiredAtPrecision',
  'timeZone',
  'verifiedAt',
] as const;
export type EditableLeadField = (typeof EDITABLE_LEAD_FIELDS)[number];
export type LeadPatch = Partial<Pick<Lead, EditableLeadField>>;
