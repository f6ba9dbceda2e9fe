/**
 * The lead fields the team edition syncs, mirroring src/domain/leads/lead.ts (the client maps its
 * local numeric ids to the lead's global id). Derived facts (call facts, DNC status) are synced
 * too, as fields, so a fresh browser needs no replay to show them.
 */
import { z } from 'zod';

const epochMs = z.number().int().finite();
const optionalMs = epochMs.nullable();

export const LEAD_FIELD_SCHEMAS = {
  phoneRaw: z.string().max(64),
  region: z.string().regex(/^[A-Z]{2}$|^ZZ$/),
  timeZone: z.string().min(1).max(64),
  name: z.string().max(500),
  company: z.string().max(500),
  email: z.string().max(320),
  tags: z.array(z.string().max(100)).max(100),
  sourceId: z.string().min(1).max(200),
  campaignId: z.string().max(200).nullable(),
  acquiredAt: epochMs.min(Date.UTC(1990, 0, 1)),
  acquiredAtPrecision: z.enum(['exact', 'day', 'month']),
  acquiredAtDeclared: z.boolean().nullable(),
  createdAt: epochMs,
  updatedAt: epochMs,
  entryMethod: z.enum(['manual', 'file', 'api', 'demo']),
  verifiedAt: optionalMs,
  firstContactAt: optionalMs,
  lastContactAt: optionalMs,
  attempts: z.number().int().min(0),
  firstConnectedAt: optionalMs,
  convertedAt: optionalMs,
  lastOutcome: z.string().max(40).nullable(),
  dncStatus: z.enum(['unchecked', 'clear', 'listed']),
  dncCheckedAt: optionalMs,
  anonymizedAt: optionalMs,
} as const;

export type LeadFieldName = keyof typeof LEAD_FIELD_SCHEMAS;
export const LEAD_FIELD_NAMES = Object.keys(LEAD_FIELD_SCHEMAS) as LeadFieldName[];
/** The team a lead belongs to is a field too (a manager may move it); RLS reads the column it is copied to. */
export const TEAM_FIELD = 'teamId';
/** Fields fixed at creation: a later change is refused. */
export const IMMUTABLE_FIELDS: readonly LeadFieldName[] = ['createdAt', 'entryMethod'];
