/**
 * What the import screen asks the worker to check: the file's reading (encoding, delimiter, sheet),
 * the column mapping, the time declaration, defaults and the conflict rule. Validated with
 * zod where it enters the worker.
 */
import { z } from 'zod';
import { CALL_FIELDS, LEAD_FIELDS } from './column-mapping';
import { DELIMITERS } from './delimiter';
import { ENCODINGS } from './encoding';
import { CONFLICT_RULES } from './field-merge';
import { DATE_FORMATS } from './timestamp';

const time = z.object({ format: z.enum(DATE_FORMATS).nullable(), timeZone: z.string().min(1).nullable() });
/** The sheet of an .xlsx workbook to read (absent for a text file: then the first sheet with rows). */
const sheet = z.string().min(1).max(200).optional();
const common = {
  encoding: z.enum(ENCODINGS),
  region: z.string().regex(/^[A-Z]{2}$/),
  defaultCampaign: z.string().trim().min(1).max(100).nullable(),
};
/** How a file of rows (a text or a workbook) is read: its delimiter, its sheet, and when its times were written. */
const rowsReading = { delimiter: z.enum(DELIMITERS), sheet, time };

export const leadRequestSchema = z.object({
  kind: z.literal('leads'),
  ...common,
  ...rowsReading,
  mapping: z.partialRecord(z.enum(LEAD_FIELDS), z.number().int().min(0)),
  /** `yyyy-MM-dd`: one acquisition day for the whole file, when it has no acquisition column. */
  declaredAcquiredDay: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable(),
  defaultSource: z.string().trim().min(1).max(100).nullable(),
  conflictRule: z.enum(CONFLICT_RULES),
});

export const callRequestSchema = z.object({
  kind: z.literal('calls'),
  ...common,
  ...rowsReading,
  mapping: z.partialRecord(z.enum(CALL_FIELDS), z.number().int().min(0)),
});

export const apiRequestSchema = z.object({
  kind: z.literal('api'),
  ...common,
  defaultSource: z.string().trim().min(1).max(100).nullable(),
  conflictRule: z.enum(CONFLICT_RULES),
});

export const analyseRequestSchema = z.discriminatedUnion('kind', [
  leadRequestSchema,
  callRequestSchema,
  apiRequestSchema,
]);
export type LeadRequest = z.infer<typeof leadRequestSchema>;
export type CallRequest = z.infer<typeof callRequestSchema>;
export type ApiRequest = z.infer<typeof apiRequestSchema>;
export type AnalyseRequest = z.infer<typeof analyseRequestSchema>;
