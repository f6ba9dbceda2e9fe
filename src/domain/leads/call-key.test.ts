import { describe, expect, it } from 'vitest';
import { callKey } from './call-key';

describe('callKey', () => {
  it('is the lead, the instant and the outcome: the same call logged twice has one key', () => {
    expect(callKey({ leadId: 7, at: Date.UTC(2026, 0, 5, 9), outcome: 'connected' })).toBe(
      `7|${Date.UTC(2026, 0, 5, 9)}|connected`,
    );
    expect(callKey({ leadId: 7, at: 1, outcome: 'connected' })).toBe(
      callKey({ leadId: 7, at: 1, outcome: 'connected' }),
    );
  });

  it('differs when any of the three differs', () => {
    const base = { leadId: 7, at: 1, outcome: 'connected' as const };
    const keys = [base, { ...base, leadId: 8 }, { ...base, at: 2 }, { ...base, outcome: 'no-answer' as const }].map(
      callKey,
    );
    expect(new Set(keys).size).toBe(4);
  });
});
