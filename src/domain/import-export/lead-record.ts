/**
 * The published record format for API payloads (`/schema/lead-v1.json`, generated from this
 * schema with `z.toJSONSchema`). Unlike a file, every record must carry its own acquisition
 * time with an offset: a partner system knows when it captured the data.
 */
import { z } from 'zod';

const isoWithOffset = z.iso.datetime({ offset: true });

export const leadRecordV1Schema = z
  .object({
    phone: z
      .string()
      .min(1)
      .max(40)
      .describe(
        'The number as dialled or in E.164 (+12133734253). Without a country code the organisation default region applies.',
      ),
    acquiredAt: isoWithOffset.describe(
      'When the data was obtained at its source: ISO 8601 with seconds and an offset or Z, e.g. 2026-03-14T09:30:00+08:00.',
    ),
    acquiredAtPrecision: z
      .enum(['exact', 'day', 'month'])
      .optional()
      .describe('How precise acquiredAt is; exact when omitted.'),
    name: z.string().max(200).optional(),
    company: z.string().max(200).optional(),
    email: z.union([z.literal(''), z.email()]).optional(),
    source: z
      .string()
      .min(1)
      .max(100)
      .optional()
      .describe('Source id or name; a new name creates a source. The import default applies when omitted.'),
    campaign: z.string().min(1).max(100).optional().describe('Campaign id or name; a new name creates a campaign.'),
    tags: z.array(z.string().min(1).max(50)).max(20).optional(),
    consent: z
      .object({
        status: z.enum(['granted', 'withdrawn']),
        capturedAt: isoWithOffset,
        proofRef: z
          .string()
          .max(500)
          .optional()
          .describe('Where the proof of consent is kept (form submission id, recording id).'),
      })
      .optional()
      .describe('Consent to calls, as captured by the sending system.'),
  })
  .meta({
    title: 'LeadLedger lead record, version 1',
    description:
      'One lead in an API payload: a JSON array of these records, or one record per line (NDJSON). Records arrive with entryMethod "api".',
  });
export type LeadRecordV1 = z.infer<typeof leadRecordV1Schema>;

export const LEAD_SCHEMA_PATH = '/schema/lead-v1.json';

/** The JSON Schema document served at `LEAD_SCHEMA_PATH`. */
export function leadRecordJsonSchema(): Record<string, unknown> {
  return { $id: `https://leadledger.app${LEAD_SCHEMA_PATH}`, ...z.toJSONSchema(leadRecordV1Schema, { io: 'input' }) };
}
