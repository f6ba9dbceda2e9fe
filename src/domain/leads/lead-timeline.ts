/** A lead's life in order: acquired, entered, consents, DNC checks, calls, edits. */
import type { AuditEntry } from '../audit/audit-entry';
import type { LeadHistory } from '../compliance/verdict-types';
import type { Lead } from './lead';
import type { LifecycleStage } from './lifecycle-stage';
import type { StageTransition } from './lifecycle-transitions';

export type TimelineEvent =
  | { at: number; kind: 'acquired'; detail: string }
  | { at: number; kind: 'created'; detail: string }
  | { at: number; kind: 'consent'; detail: string }
  | { at: number; kind: 'dnc-check'; detail: string }
  | { at: number; kind: 'call'; detail: string }
  | { at: number; kind: 'audit'; detail: string; actor: string; note?: string }
  | { at: number; kind: 'lifecycle'; detail: LifecycleStage };

/** Every known event of a lead, oldest first; `stages` are its lifecycle changes (the first, "new" at acquisition, goes without saying). */
export function buildLeadTimeline(
  lead: Lead,
  history: LeadHistory,
  audit: readonly AuditEntry[],
  stages: readonly StageTransition[] = [],
): TimelineEvent[] {
  const events: TimelineEvent[] = [
    { at: lead.acquiredAt, kind: 'acquired', detail: lead.sourceId },
    { at: lead.createdAt, kind: 'created', detail: lead.entryMethod },
    ...history.consents.map((c) => ({
      at: c.capturedAt,
      kind: 'consent' as const,
      detail: `${c.kind} · ${c.basis} · ${c.method}`,
    })),
    ...history.dncChecks.map((c) => ({ at: c.at, kind: 'dnc-check' as const, detail: c.versionIds.join(', ') })),
    ...history.calls.map((c) => ({ at: c.at, kind: 'call' as const, detail: c.outcome })),
    ...audit
      .filter((e) => e.action !== 'create')
      .map((e) => ({
        at: e.at,
        kind: 'audit' as const,
        detail: e.action,
        actor: e.actor,
        ...(e.note ? { note: e.note } : {}),
      })),
    ...stages
      .filter((s, i) => i > 0 || s.stage !== 'new')
      .map((s) => ({ at: s.at, kind: 'lifecycle' as const, detail: s.stage })),
  ];
  return events.sort((a, b) => a.at - b.at);
}
