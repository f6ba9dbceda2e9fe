import type { Call } from './call';

/** `leadId|at|outcome`: a call logged again (a call log imported twice) has the same key as the stored one. */
export const callKey = (c: Pick<Call, 'leadId' | 'at' | 'outcome'>): string => `${c.leadId}|${c.at}|${c.outcome}`;
