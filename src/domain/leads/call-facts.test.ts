import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CALL_OUTCOMES, isConnected, type CallOutcome } from './call-outcome';
import { NO_CALLS, addCallToFacts, callFacts } from './call-facts';

const T = Date.UTC(2026, 2, 14, 15, 0);
const H = 3_600_000;
const call = (hoursAfter: number, outcome: CallOutcome) => ({ at: T + hoursAfter * H, outcome });

describe('callFacts: what a lead’s calls add up to', () => {
  it.each([
    { why: 'never called', calls: [], facts: { attempts: 0 } },
    {
      why: 'one unanswered call',
      calls: [call(0, 'no-answer')],
      facts: { attempts: 1, firstContactAt: T, lastContactAt: T, lastOutcome: 'no-answer' },
    },
    {
      why: 'two misses, then a conversation',
      calls: [call(0, 'no-answer'), call(24, 'voicemail'), call(48, 'connected')],
      facts: {
        attempts: 3,
        firstContactAt: T,
        lastContactAt: T + 48 * H,
        lastOutcome: 'connected',
        firstConnectedAt: T + 48 * H,
      },
    },
    {
      why: 'connected, then converted on a later call',
      calls: [call(0, 'connected'), call(72, 'converted')],
      facts: {
        attempts: 2,
        firstContactAt: T,
        lastContactAt: T + 72 * H,
        lastOutcome: 'converted',
        firstConnectedAt: T,
        convertedAt: T + 72 * H,
      },
    },
    {
      why: 'a wrong number counts as reaching a live person',
      calls: [call(0, 'busy'), call(2, 'wrong-number')],
      facts: {
        attempts: 2,
        firstContactAt: T,
        lastContactAt: T + 2 * H,
        lastOutcome: 'wrong-number',
        firstConnectedAt: T + 2 * H,
      },
    },
    {
      why: 'a do-not-call request is a live person too',
      calls: [call(0, 'dnc-requested')],
      facts: { attempts: 1, firstContactAt: T, lastContactAt: T, lastOutcome: 'dnc-requested', firstConnectedAt: T },
    },
    {
      why: 'calls logged out of order still give the first and the last',
      calls: [call(48, 'busy'), call(0, 'converted'), call(24, 'disconnected')],
      facts: {
        attempts: 3,
        firstContactAt: T,
        lastContactAt: T + 48 * H,
        lastOutcome: 'busy',
        firstConnectedAt: T,
        convertedAt: T,
      },
    },
    {
      why: 'two calls logged at the same minute: the outcome that says more is the last',
      calls: [call(0, 'converted'), call(0, 'no-answer')],
      facts: {
        attempts: 2,
        firstContactAt: T,
        lastContactAt: T,
        lastOutcome: 'converted',
        firstConnectedAt: T,
        convertedAt: T,
      },
    },
  ])('$why', ({ calls, facts }) => {
    expect(callFacts(calls)).toEqual(facts);
  });

  it('adds one call to existing facts without touching them', () => {
    const before = callFacts([call(0, 'no-answer')]);
    const after = addCallToFacts(before, call(5, 'converted'));
    expect(after).toEqual({
      attempts: 2,
      firstContactAt: T,
      lastContactAt: T + 5 * H,
      lastOutcome: 'converted',
      firstConnectedAt: T + 5 * H,
      convertedAt: T + 5 * H,
    });
    expect(before).toEqual({ attempts: 1, firstContactAt: T, lastContactAt: T, lastOutcome: 'no-answer' });
    expect(NO_CALLS).toEqual({ attempts: 0 });
  });

  // Few distinct times, so that calls at the very same instant (minute-precision imports) are common.
  const calls = fc.array(
    fc.record({
      at: fc.integer({ min: 0, max: 20 }).map((m) => T + m * 60_000),
      outcome: fc.constantFrom(...CALL_OUTCOMES),
    }),
    { maxLength: 12 },
  );

  it('does not depend on the order of the calls', () => {
    fc.assert(
      fc.property(
        calls.chain((list) =>
          fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length })),
        ),
        ([list, shuffled]) => {
          expect(callFacts(shuffled)).toEqual(callFacts(list));
        },
      ),
    );
  });

  it('agrees with the definitions: count, earliest, latest, first connected, first converted', () => {
    fc.assert(
      fc.property(calls, (list) => {
        const facts = callFacts(list);
        const times = (pred: (o: CallOutcome) => boolean) => list.filter((c) => pred(c.outcome)).map((c) => c.at);
        const min = (xs: number[]) => (xs.length ? Math.min(...xs) : undefined);
        expect(facts.attempts).toBe(list.length);
        expect(facts.firstContactAt).toBe(min(times(() => true)));
        expect(facts.lastContactAt).toBe(list.length ? Math.max(...times(() => true)) : undefined);
        expect(facts.firstConnectedAt).toBe(min(times(isConnected)));
        expect(facts.convertedAt).toBe(min(times((o) => o === 'converted')));
        if (list.length)
          expect(list.some((c) => c.at === facts.lastContactAt && c.outcome === facts.lastOutcome)).toBe(true);
      }),
    );
  });
});
