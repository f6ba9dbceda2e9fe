import { describe, expect, it } from 'vitest';
import { addMonths } from '../time/calendar';
import { dncRequestsToKeep, firstDncRequestAt } from './dnc-request-keep';

const T = Date.UTC(2026, 10, 29, 17, 0);
const TZ = 'America/New_York';
const US = { dncRequestKeepMonths: { value: 60 }, timeZone: TZ } as never;
const NONE = { dncRequestKeepMonths: null, timeZone: TZ } as never;
const rulesFor = (region: string) => (region === 'US' ? US : NONE);

describe('DNC requests kept through a purge', () => {
  it('the first "do not call me" among the calls', () => {
    expect(
      firstDncRequestAt([
        { at: 5, outcome: 'connected' },
        { at: 9, outcome: 'dnc-requested' },
        { at: 7, outcome: 'dnc-requested' },
      ]),
    ).toBe(7);
    expect(firstDncRequestAt([{ at: 5, outcome: 'connected' }])).toBeUndefined();
  });

  it('kept until 60 months after the request under US rules, then not; nothing where no rule sets a period', () => {
    const asked = T - 400 * 86_400_000;
    const until = addMonths(asked, 60, TZ);
    const leads = [
      { id: 1, phoneE164: '+12125550123', region: 'US' },
      { id: 2, phoneE164: '+447700900123', region: 'GB' },
    ];
    const calls = () => [{ at: asked, outcome: 'dnc-requested' as const }];
    expect(dncRequestsToKeep(leads, calls, rulesFor, T)).toEqual([
      { leadId: 1, phoneE164: '+12125550123', requestedAt: asked, keepUntil: until },
    ]);
    expect(dncRequestsToKeep(leads, calls, rulesFor, until - 1)).toHaveLength(1);
    expect(dncRequestsToKeep(leads, calls, rulesFor, until)).toEqual([]);
  });
});
