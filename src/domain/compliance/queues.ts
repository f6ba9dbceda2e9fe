/** The compliance work queues, each defined by the verdict reasons that put a lead in it. */
import type { ReasonCode, Verdict } from './verdict-types';

export const QUEUES = {
  consentRenewal: ['consent-expiring'],
  consentExpired: ['consent-expired', 'consent-missing', 'consent-withdrawn'],
  dncRecheck: ['dnc-check-stale'],
  dncListed: ['dnc-listed'],
  retention: ['retention-expired'],
  stale: ['stale-data'],
  frequency: ['frequency-capped'],
  hours: ['outside-calling-hours'],
} as const satisfies Record<string, readonly ReasonCode[]>;
export type QueueId = keyof typeof QUEUES;

export interface QueueCounts {
  total: number;
  callable: number;
  queues: Record<QueueId, number>;
}

/** How many leads are callable and how many sit in each queue. */
export function queueCounts(verdicts: readonly Verdict[]): QueueCounts {
  const queues = Object.fromEntries(Object.keys(QUEUES).map((k) => [k, 0])) as Record<QueueId, number>;
  let callable = 0;
  for (const v of verdicts) {
    if (v.callable) callable++;
    for (const id of Object.keys(QUEUES) as QueueId[]) {
      if (v.reasons.some((r) => (QUEUES[id] as readonly ReasonCode[]).includes(r.code))) queues[id]++;
    }
  }
  return { total: verdicts.length, callable, queues };
}
