/**
 * The push protocol's mutations, checked with zod at the edge. Every mutation carries a
 * client-generated id (a UUID, made when the change was written to the client's outbox), so the
 * server can answer a replay from its `mutations` table and apply nothing twice.
 */
import { z } from 'zod';
import { hlcSchema } from '../../../src/domain/sync/hlc';
import { LEAD_FIELD_SCHEMAS, TEAM_FIELD } from '../../../src/domain/sync/lead-fields';
import { CALL_OUTCOMES } from '../../../src/domain/leads/call-outcome';
import { LEAD_REMOVAL_REASONS } from '../../../src/domain/sync/mutation';

const epochMs = z.number().int().finite();
/** Client-generated ids of leads and events: UUIDs or other opaque ids, never reused. */
const clientId = z.string().regex(/^[A-Za-z0-9_.:-]{8,80}$/, 'not a client id');
const e164 = z.string().regex(/^\+[1-9]\d{6,14}$/, 'not an E.164 number');

export const MAX_BATCH = 500;

/** What the envelope must hold for a mutation to be answered (or quarantined) at all. */
export const envelopeSchema = z.object({ id: z.uuid(), type: z.string().max(40) }).loose();

export const stampedSchema = z.object({ value: z.unknown(), hlc: hlcSchema });
import type { SupersededField } from '../../../src/domain/sync/lead-merge';
export type { Stamped, SupersededField } from '../../../src/domain/sync/lead-merge';

const leadPut = z.object({
  id: z.uuid(),
  type: z.literal('lead.put'),
  leadId: clientId,
  /** Required when the lead is new; a number is never changed afterwards. */
  phoneE164: e164.optional(),
  fields: z.record(z.string(), stampedSchema).superRefine((fields, ctx) => {
    for (const [name, stamped] of Object.entries(fields)) {
      if (name === TEAM_FIELD) {
        if (!z.uuid().safeParse(stamped.value).success)
          ctx.addIssue({ code: 'custom', message: `${name}: not a team id` });
        continue;
      }
      const schema = (LEAD_FIELD_SCHEMAS as Record<string, z.ZodType>)[name];
      if (!schema) ctx.addIssue({ code: 'custom', message: `unknown field ${name}` });
      else if (!schema.safeParse(stamped.value).success)
        ctx.addIssue({ code: 'custom', message: `${name}: bad value` });
    }
  }),
});

const callAdd = z.object({
  id: z.uuid(),
  type: z.literal('call.add'),
  call: z.object({
    id: clientId,
    leadId: clientId,
    at: epochMs,
    outcome: z.enum(CALL_OUTCOMES),
    durationSec: z.number().min(0).max(86_400),
    agent: z.string().max(200),
    campaignId: z.string().max(200).optional(),
  }),
});

const consentAdd = z.object({
  id: z.uuid(),
  type: z.literal('consent.add'),
  consent: z.object({
    id: clientId,
    leadId: clientId,
    purpose: z.enum(['calls', 'sms', 'email']),
    kind: z.enum(['granted', 'renewed', 'withdrawn']),
    basis: z.enum(['consent', 'legitimate-interest', 'ebr-purchase', 'ebr-inquiry', 'contract']),
    capturedAt: epochMs,
    expiresAt: epochMs.optional(),
    method: z.enum(['web-form', 'verbal-recording', 'written', 'import']),
    proofRef: z.string().max(500),
    capturedBy: z.string().max(200),
  }),
});

const dncAdd = z.object({
  id: z.uuid(),
  type: z.literal('dnc.add'),
  dnc: z.object({
    id: clientId,
    /** `request`: the person asked on a call; `entry`: added to the internal list by hand. */
    kind: z.enum(['entry', 'request']),
    phoneE164: e164,
    leadId: clientId.optional(),
    at: epochMs,
    note: z.string().max(500).optional(),
  }),
});

/**
 * A lead removed on a device: deleted by hand or by an import's undo, purged by a retention rule,
 * or erased at the person's request. The server deletes the lead with its calls and consents and
 * keeps a tombstone (server/migrations/002), so every replica drops it and nothing brings it back.
 */
const leadRemove = z.object({
  id: z.uuid(),
  type: z.literal('lead.remove'),
  leadId: clientId,
  reason: z.enum(LEAD_REMOVAL_REASONS),
  at: epochMs,
});

/** An entry of the device's audit trail as the app stores it (src/domain/audit/audit-entry.ts). */
const auditEntry = z
  .object({
    seq: z.number().int().positive(),
    at: epochMs,
    actor: z.string(),
    action: z.string(),
    entity: z.string(),
    ids: z.array(z.union([z.number(), z.string()])),
    note: z.string().optional(),
    detailsHash: z.string().optional(),
    legacyHash: z.string().optional(),
    prevHash: z.string().regex(/^[0-9a-f]{64}$/),
    hash: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .loose();
export type PushedAuditEntry = z.infer<typeof auditEntry>;
const auditAppend = z.object({
  id: z.uuid(),
  type: z.literal('audit.append'),
  /** A segment of the device's own chain, in order: each entry's prevHash is the previous entry's hash. */
  entries: z.array(auditEntry).min(1).max(500),
});

export const mutationSchema = z.discriminatedUnion('type', [
  leadPut,
  leadRemove,
  callAdd,
  consentAdd,
  dncAdd,
  auditAppend,
]);
export type Mutation = z.infer<typeof mutationSchema>;
export type LeadPut = z.infer<typeof leadPut>;
export type LeadRemove = z.infer<typeof leadRemove>;
export type AuditAppend = z.infer<typeof auditAppend>;

export const pushBodySchema = z.object({
  /** The pushing browser profile: one audit chain and one HLC node per device. */
  deviceId: z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/),
  mutations: z.array(envelopeSchema).min(1).max(MAX_BATCH),
});

/** `deferred`: not applied and not recorded (an audit segment whose predecessor has not arrived): send it again later. */
export type MutationStatus = 'applied' | 'quarantined' | 'deferred';
export interface MutationResult {
  id: string;
  status: MutationStatus;
  /** Set on a replay: the outcome was decided by an earlier push. */
  duplicate?: boolean;
  reason?: string;
  detail?: string;
  /** lead.put: fields whose pushed value lost to a later stamp (a conflict the author may want to see). */
  superseded?: SupersededField[];
}
