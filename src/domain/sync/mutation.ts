/**
 * The mutations a client pushes (docs/team-edition.md, "Mutations"), built from local rows with
 * ids the caller made (UUIDs for mutations, sync ids for leads and events). The server checks each
 * with zod (server/src/protocol/mutations.ts); these builders only shape them.
 */
import type { Call } from '../leads/call';
import type { ConsentEvent } from '../compliance/consent-event';
import type { AuditEntry } from '../audit/audit-entry';
import type { Stamped } from './lead-merge';
import { TEAM_FIELD } from './lead-fields';

export const MUTATION_TYPES = [
  'lead.put',
  'lead.remove',
  'call.add',
  'consent.add',
  'dnc.add',
  'audit.append',
] as const;
export type MutationType = (typeof MUTATION_TYPES)[number];

export interface SyncMutation {
  id: string;
  type: MutationType;
  [field: string]: unknown;
}

/** A lead's changed fields, each with the edit's stamp, plus its team (with the team's own stamp). */
export function leadPut(
  id: string,
  leadId: string,
  phoneE164: string,
  fields: Record<string, unknown>,
  hlc: string,
  team: Stamped,
): SyncMutation {
  const stamped: Record<string, Stamped> = { [TEAM_FIELD]: team };
  for (const [name, value] of Object.entries(fields)) stamped[name] = { value: value ?? null, hlc };
  return { id, type: 'lead.put', leadId, phoneE164, fields: stamped };
}

/** Why a lead left a device: deleted (by hand, or an import undone), purged by retention, or erased (GDPR Art. 17). */
export const LEAD_REMOVAL_REASONS = ['delete', 'purge', 'erase'] as const;
export type LeadRemovalReason = (typeof LEAD_REMOVAL_REASONS)[number];

/** The team roles the server lets remove a lead (server/migrations/002, remove_lead); an agent may not. */
export const ROLES_THAT_REMOVE: ReadonlySet<string> = new Set(['steward', 'manager', 'team_lead']);

/** The team roles that read every team's leads (the server's `app_org_wide()`). */
export const ORG_WIDE_ROLES: ReadonlySet<string> = new Set(['steward', 'manager']);

/**
 * Whether a user of `role` may remove a lead whose sync row is `held`: always when the team does
 * not hold it (no row, or already removed), else only in a role the server lets remove.
 */
export function mayRemove(role: string, held: { removed?: true } | undefined): boolean {
  return !held || held.removed === true || ROLES_THAT_REMOVE.has(role);
}

export class LeadRemovalRefused extends Error {
  constructor(readonly role: string) {
    super(`a team ${role} may not remove the team's leads (a steward, manager or team lead may)`);
  }
}

export function leadRemove(id: string, leadId: string, reason: LeadRemovalReason, at: number): SyncMutation {
  return { id, type: 'lead.remove', leadId, reason, at };
}

/** The sync id of the lead a mutation writes to, if it writes to one. */
export function mutationLeadId(m: SyncMutation): string | undefined {
  const event = (m.call ?? m.consent) as { leadId?: unknown } | undefined;
  const id = m.leadId ?? event?.leadId;
  return typeof id === 'string' ? id : undefined;
}

export function callAdd(id: string, call: Call, callId: string, leadId: string): SyncMutation {
  const { at, outcome, durationSec, agent, campaignId } = call;
  return {
    id,
    type: 'call.add',
    call: { id: callId, leadId, at, outcome, durationSec, agent, ...(campaignId ? { campaignId } : {}) },
  };
}

export function consentAdd(id: string, consent: ConsentEvent, consentId: string, leadId: string): SyncMutation {
  const { purpose, kind, basis, capturedAt, expiresAt, method, proofRef, capturedBy } = consent;
  return {
    id,
    type: 'consent.add',
    consent: {
      id: consentId,
      leadId,
      purpose,
      kind,
      basis,
      capturedAt,
      ...(expiresAt !== undefined ? { expiresAt } : {}),
      method,
      proofRef,
      capturedBy,
    },
  };
}

export function dncAdd(
  id: string,
  dncId: string,
  kind: 'entry' | 'request',
  phoneE164: string,
  at: number,
  leadId?: string,
): SyncMutation {
  return { id, type: 'dnc.add', dnc: { id: dncId, kind, phoneE164, at, ...(leadId ? { leadId } : {}) } };
}

/** A consecutive segment of the device's audit chain (at most 500 entries per mutation). */
export function auditAppend(id: string, entries: readonly AuditEntry[]): SyncMutation {
  return { id, type: 'audit.append', entries: [...entries] };
}

export const MAX_SEGMENT = 500;
/** At most this many mutations per push (the server refuses more). */
export const MAX_BATCH_SIZE = 500;
