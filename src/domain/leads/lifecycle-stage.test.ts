import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Call } from './call';
import { CALL_OUTCOMES } from './call-outcome';
import { leadLifecycle, lifecycleFactsAt, suppressionFromReasons } from './lifecycle-facts';
import { lifecycleTransitions } from './lifecycle-transitions';
import {
  LIFECYCLE_STAGES,
  dormantPeriodMs,
  lifecycleStage,
  type LifecycleStage,
  type Suppression,
} from './lifecycle-stage';

const DAY = 86_400_000;
const P = dormantPeriodMs(90);
const T0 = Date.UTC(2025, 0, 1);

const callsArb = fc.array(
  fc.record({ after: fc.integer({ min: 0, max: 400 * DAY }), outcome: fc.constantFrom(...CALL_OUTCOMES) }),
  { maxLength: 6 },
);
const worldArb = fc.record({
  acquiredAt: fc.integer({ min: T0, max: T0 + 365 * DAY }),
  calls: callsArb,
  periodDays: fc.integer({ min: 1, max: 400 }),
  suppressedAfter: fc.option(fc.integer({ min: 0, max: 500 * DAY }), { nil: undefined }),
});
type World = {
  acquiredAt: number;
  calls: Pick<Call, 'at' | 'outcome'>[];
  periodMs: number;
  suppression: Suppression | undefined;
};
type RawWorld = typeof worldArb extends fc.Arbitrary<infer T> ? T : never;
const build = (w: RawWorld): World => ({
  acquiredAt: w.acquiredAt,
  calls: w.calls.map((c) => ({ at: w.acquiredAt + c.after, outcome: c.outcome })),
  periodMs: dormantPeriodMs(w.periodDays),
  suppression:
    w.suppressedAfter === undefined ? undefined : { causes: ['dnc'], since: w.acquiredAt + w.suppressedAfter },
});
const stageAt = (w: World, at: number) =>
  lifecycleStage(lifecycleFactsAt(w.acquiredAt, w.calls, w.suppression, at), at, w.periodMs);
const instantArb = fc.integer({ min: 0, max: 900 * DAY });

describe('lifecycleStage, worked examples', () => {
  const acquiredAt = Date.UTC(2026, 0, 10, 9);
  it('is new from acquisition until the first attempt, and dormant after a quiet period', () => {
    expect(lifecycleStage({ acquiredAt }, acquiredAt + DAY, P)).toMatchObject({
      stage: 'new',
      since: acquiredAt,
      nextChangeAt: acquiredAt + P,
    });
    expect(lifecycleStage({ acquiredAt }, acquiredAt + P, P)).toMatchObject({
      stage: 'dormant',
      since: acquiredAt + P,
      nextChangeAt: Infinity,
    });
  });
  it('moves contacted → engaged → converted with the calls', () => {
    const calls = [
      { at: acquiredAt + DAY, outcome: 'no-answer' as const },
      { at: acquiredAt + 2 * DAY, outcome: 'connected' as const },
      { at: acquiredAt + 3 * DAY, outcome: 'converted' as const },
    ];
    const at = (t: number) => lifecycleStage(lifecycleFactsAt(acquiredAt, calls, undefined, t), t, P).stage;
    expect([
      at(acquiredAt),
      at(acquiredAt + DAY),
      at(acquiredAt + 2 * DAY),
      at(acquiredAt + 3 * DAY),
      at(acquiredAt + 900 * DAY),
    ]).toEqual(['new', 'contacted', 'engaged', 'converted', 'converted']);
  });
  it('reads the suppression off the verdict reasons; the earliest start is its start', () => {
    const r = leadLifecycle(
      { acquiredAt, convertedAt: acquiredAt + DAY },
      [
        { code: 'consent-withdrawn', since: acquiredAt + 5 * DAY },
        { code: 'dnc-listed', since: acquiredAt + 3 * DAY },
        { code: 'stale-data', since: 1 },
      ],
      acquiredAt + 9 * DAY,
      P,
    );
    expect(r).toMatchObject({ stage: 'suppressed', since: acquiredAt + 3 * DAY });
    expect(suppressionFromReasons([{ code: 'anonymized' }])).toEqual({ causes: ['anonymized'] });
    expect(suppressionFromReasons([{ code: 'frequency-capped', since: 4 }])).toBeUndefined();
  });
  it('counts a future-dated fact as a change to come, not as known', () => {
    const r = lifecycleStage(
      { acquiredAt, firstContactAt: acquiredAt + 10 * DAY, lastContactAt: acquiredAt + 10 * DAY },
      acquiredAt + DAY,
      P,
    );
    expect(r).toMatchObject({ stage: 'new', nextChangeAt: acquiredAt + 10 * DAY });
  });
});

describe('lifecycleStage, properties', () => {
  it('is never new once an attempt was made (unless suppressed), and new before any', () => {
    fc.assert(
      fc.property(worldArb, instantArb, (raw, dt) => {
        const w = build(raw);
        const at = w.acquiredAt + dt;
        const { stage } = stageAt(w, at);
        const attempted = w.calls.some((c) => c.at <= at);
        if (attempted) expect(stage).not.toBe('new');
        if (!attempted && stage !== 'suppressed' && stage !== 'dormant') expect(stage).toBe('new');
      }),
    );
  });

  it('suppression wins over every other stage while it stands', () => {
    fc.assert(
      fc.property(worldArb, instantArb, (raw, dt) => {
        const w = build(raw);
        const at = w.acquiredAt + dt;
        const suppressed = w.suppression?.since !== undefined && w.suppression.since <= at;
        expect(stageAt(w, at).stage === 'suppressed').toBe(suppressed);
      }),
    );
  });

  it('converted is final: once converted, every later instant is converted (or suppressed)', () => {
    fc.assert(
      fc.property(worldArb, instantArb, instantArb, (raw, a, b) => {
        const w = build(raw);
        const [t1, t2] = [w.acquiredAt + Math.min(a, b), w.acquiredAt + Math.max(a, b)];
        if (stageAt(w, t1).stage === 'converted') expect(['converted', 'suppressed']).toContain(stageAt(w, t2).stage);
      }),
    );
  });

  it('with no suppression, new → contacted → engaged only move forward while the lead is active', () => {
    const rank: Partial<Record<LifecycleStage, number>> = { new: 0, contacted: 1, engaged: 2, converted: 3 };
    fc.assert(
      fc.property(worldArb, instantArb, instantArb, (raw, a, b) => {
        const w = { ...build(raw), suppression: undefined };
        const [s1, s2] = [
          stageAt(w, w.acquiredAt + Math.min(a, b)).stage,
          stageAt(w, w.acquiredAt + Math.max(a, b)).stage,
        ];
        if (s1 !== 'dormant' && s2 !== 'dormant') expect(rank[s2]!).toBeGreaterThanOrEqual(rank[s1]!);
      }),
    );
  });

  it('dormancy begins exactly at last activity + period, to the millisecond', () => {
    fc.assert(
      fc.property(worldArb, (raw) => {
        const w = { ...build(raw), suppression: undefined };
        if (w.calls.some((c) => c.outcome === 'converted')) return;
        const last = Math.max(w.acquiredAt, ...w.calls.map((c) => c.at));
        const from = last + w.periodMs;
        expect(stageAt(w, from - 1).stage).not.toBe('dormant');
        expect(stageAt(w, from)).toMatchObject({ stage: 'dormant', since: from, lastActivityAt: last });
        expect(stageAt(w, from - 1).nextChangeAt).toBe(from);
      }),
    );
  });

  it('is the same at every instant before the next change it announces', () => {
    fc.assert(
      fc.property(worldArb, instantArb, fc.double({ min: 0, max: 1, noNaN: true }), (raw, dt, frac) => {
        const w = build(raw);
        const at = w.acquiredAt + dt;
        const r = stageAt(w, at);
        // Calls are new events the facts at `at` do not hold: look only up to the next one.
        const nextCall = Math.min(...w.calls.map((c) => c.at).filter((t) => t > at));
        const end = Math.min(r.nextChangeAt, nextCall, at + 1000 * DAY);
        const t = Math.floor(at + frac * (end - 1 - at));
        if (t >= at && t < end) expect(stageAt(w, t).stage).toBe(r.stage);
        if (r.nextChangeAt < nextCall && Number.isFinite(r.nextChangeAt))
          expect(stageAt(w, r.nextChangeAt).stage).not.toBe(r.stage);
      }),
    );
  });

  it('does not depend on DST: a period spanning a clock change is still days × 24 h', () => {
    // 2026-03-08 (US) and 2026-03-29 (EU) spring forward; 2026-10-25 / 11-01 fall back.
    const aroundDst = fc.constantFrom(
      Date.UTC(2026, 2, 8, 6, 59, 59, 999),
      Date.UTC(2026, 2, 29, 0, 30),
      Date.UTC(2026, 9, 25, 1),
      Date.UTC(2026, 10, 1, 5, 30),
    );
    fc.assert(
      fc.property(
        aroundDst,
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: -3 * DAY, max: 3 * DAY }),
        (dst, days, shift) => {
          const acquiredAt = dst - shift;
          const r = lifecycleStage({ acquiredAt }, acquiredAt, dormantPeriodMs(days));
          expect(r.dormantFrom - acquiredAt).toBe(days * 24 * 3_600_000);
        },
      ),
    );
  });

  it('always answers one of the six stages', () => {
    fc.assert(
      fc.property(worldArb, instantArb, (raw, dt) => {
        const w = build(raw);
        expect(LIFECYCLE_STAGES).toContain(stageAt(w, w.acquiredAt + dt).stage);
      }),
    );
  });
});

describe('lifecycleTransitions', () => {
  it('lists each change of stage once, ending at the stage now', () => {
    fc.assert(
      fc.property(worldArb, instantArb, (raw, dt) => {
        const w = build(raw);
        const now = w.acquiredAt + dt;
        const steps = lifecycleTransitions(w.acquiredAt, w.calls, w.suppression, now, w.periodMs);
        expect(steps[0]).toMatchObject({ at: w.acquiredAt });
        for (let i = 1; i < steps.length; i++) {
          expect(steps[i]!.stage).not.toBe(steps[i - 1]!.stage);
          expect(steps[i]!.at).toBeGreaterThan(steps[i - 1]!.at);
        }
        expect(steps[steps.length - 1]!.stage).toBe(stageAt(w, now).stage);
      }),
    );
  });
  it('shows a lead going quiet and coming back', () => {
    const a = Date.UTC(2026, 0, 1);
    const calls = [
      { at: a + DAY, outcome: 'no-answer' as const },
      { at: a + 200 * DAY, outcome: 'connected' as const },
    ];
    expect(lifecycleTransitions(a, calls, undefined, a + 250 * DAY, P).map((s) => [s.stage, (s.at - a) / DAY])).toEqual(
      [
        ['new', 0],
        ['contacted', 1],
        ['dormant', 91],
        ['engaged', 200],
      ],
    );
  });
});
