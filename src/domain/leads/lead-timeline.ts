/** A lead's life in order: acquired, entered, consents, DNC checks, calls, edits. */
import type { AuditEntry } from '../audit/audit-entry';
import type { LeadHistory } from '../compliance/verdict-types';
import type { Lead } from './lead';

export type TimelineEvent =
  | { at: number; kind: 'acquired'; detail: string }
  | { at: number; kind: 'created'; detail: string }
  | { at: number; kind: 'consent'; detail: string }
  | { at: number; kind: 'dnc-check'; detail: string }
  | { at: number; kind: 'call'; detail: string }
  | { at: number; kind: 'audit'; detail: string; actor: string; note?: string };

/** Every known event of a lead, oldest first. */
export function buildLeadTimeline(lead: Lead, history: LeadHistory, audit: readonly AuditEntry[]): TimelineEvent[] {
  const events: TimelineEvent[] = [
    { at: lead.acquiredAt, kind: 'acquired', detail: lead.sourceId },
    { at: lead.createdAt, kind: 'created', detail: lead.entryMethod },
    ...history.consents.map((c) => ({ at: c.capturedAt, kind: 'consent' as const, detail: `${c.kind} · ${c.basis} · ${c.method}` })),
    ...history.dncChecks.map((c) => ({ at: c.at, kind: 'dnc-check' as const, detail: c.versionIds.join(', ') })),
    ...history.calls.map((c) => ({ at: c.at, kind: 'call' as const, detail: c.outcome })),
    ...audit
      .filter((e) => e.action !== 'create')
      .map((e) => ({ at: e.at, kind: 'audit' as const, detail: e.action, actor: e.actor, ...(e.note ? { note: e.note } : {}) })),
  ];
  return events.sort((a, b) => a.at - b.at);
}
