/**
 * The grid's stage (column and filter) reads stored facts with `storedStage`; the drawer reads
 * `leadLifecycle`. For every lead whose facts are all dated at or before the instant asked about
 * — every lead, in practice: calls are recorded when they happen — the two must agree.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REASON_CODES, type ReasonCode } from '../compliance/verdict-types';
import { SUPPRESSING_REASONS, leadLifecycle, storedStageOf } from './lifecycle-facts';
import { LIFECYCLE_STAGES, dormantPeriodMs } from './lifecycle-stage';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 2, 12);

const factsArb = fc
  .record({
    acquiredAgo: fc.integer({ min: 0, max: 2000 }),
    calls: fc.array(
      fc.record({ ago: fc.integer({ min: 0, max: 2000 }), connected: fc.boolean(), converted: fc.boolean() }),
      { maxLength: 4 },
    ),
    reasons: fc.subarray([...REASON_CODES], { maxLength: 3 }),
    dormantDays: fc.integer({ min: 1, max: 400 }),
  })
  .map(({ acquiredAgo, calls, reasons, dormantDays }) => {
    const acquiredAt = NOW - acquiredAgo * DAY;
    // Calls after the acquisition, at or before now.
    const at = calls.map((c) => ({
      ...c,
      at: Math.min(NOW, acquiredAt + (acquiredAgo - Math.min(c.ago, acquiredAgo)) * DAY),
    }));
    const times = at.map((c) => c.at);
    const connects = at.filter((c) => c.connected || c.converted).map((c) => c.at);
    const conversions = at.filter((c) => c.converted).map((c) => c.at);
    const lead = {
      acquiredAt,
      attempts: at.length,
      firstContactAt: times.length ? Math.min(...times) : undefined,
      lastContactAt: times.length ? Math.max(...times) : undefined,
      firstConnectedAt: connects.length ? Math.min(...connects) : undefined,
      convertedAt: conversions.length ? Math.min(...conversions) : undefined,
    };
    return { lead, reasons: reasons as ReasonCode[], dormantMs: dormantPeriodMs(dormantDays) };
  });

describe('storedStage (grid) and leadLifecycle (drawer)', () => {
  it('agree for every lead whose facts are known by now, and every stage is reached', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(factsArb, ({ lead, reasons, dormantMs }) => {
        const grid = storedStageOf(lead, reasons, NOW, dormantMs);
        const drawer = leadLifecycle(
          lead,
          reasons.map((code) => ({ code })),
          NOW,
          dormantMs,
        ).stage;
        seen.add(grid);
        expect(grid).toBe(drawer);
      }),
      { numRuns: 2000 },
    );
    // Anti-vacuity: the generator reaches every stage.
    expect([...seen].sort()).toEqual([...LIFECYCLE_STAGES].sort());
  });

  it('worked examples: precedence and the dormant clock', () => {
    const base = {
      acquiredAt: NOW - 10 * DAY,
      attempts: 0,
      lastContactAt: undefined,
      firstConnectedAt: undefined,
      convertedAt: undefined,
    };
    const ninety = dormantPeriodMs(90);
    expect(storedStageOf(base, [], NOW, ninety)).toBe('new');
    expect(storedStageOf({ ...base, acquiredAt: NOW - 90 * DAY }, [], NOW, ninety)).toBe('dormant');
    expect(storedStageOf({ ...base, acquiredAt: NOW - 90 * DAY + 1 }, [], NOW, ninety)).toBe('new');
    expect(storedStageOf({ ...base, attempts: 2, lastContactAt: NOW - DAY }, [], NOW, ninety)).toBe('contacted');
    expect(
      storedStageOf({ ...base, attempts: 1, lastContactAt: NOW - DAY, firstConnectedAt: NOW - DAY }, [], NOW, ninety),
    ).toBe('engaged');
    // A conversion outranks dormancy; a suppression outranks everything.
    expect(
      storedStageOf(
        {
          ...base,
          acquiredAt: NOW - 900 * DAY,
          attempts: 1,
          lastContactAt: NOW - 800 * DAY,
          convertedAt: NOW - 800 * DAY,
        },
        [],
        NOW,
        ninety,
      ),
    ).toBe('converted');
    for (const r of SUPPRESSING_REASONS)
      expect(storedStageOf({ ...base, attempts: 1, lastContactAt: NOW, convertedAt: NOW }, [r], NOW, ninety)).toBe(
        'suppressed',
      );
    expect(storedStageOf(base, ['consent-missing', 'outside-calling-hours'], NOW, ninety)).toBe('new');
  });
});
