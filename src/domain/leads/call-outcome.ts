/** Call outcomes and what each one says about the person reached. */
export const CALL_OUTCOMES = [
  'connected',
  'no-answer',
  'busy',
  'voicemail',
  'wrong-number',
  'disconnected',
  'converted',
  'dnc-requested',
] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

/** A live person answered (DESIGN.md §5): connected, converted, wrong number or a DNC request. */
export function isConnected(outcome: CallOutcome): boolean {
  return (
    outcome === 'connected' || outcome === 'converted' || outcome === 'wrong-number' || outcome === 'dnc-requested'
  );
}
