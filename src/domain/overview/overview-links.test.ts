import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QUEUES, type QueueId } from '../compliance/queues';
import { REASON_CODES, type ReasonCode } from '../compliance/verdict-types';
import type { Lead } from '../leads/lead';
import { matchesLeadFilter, type LeadDerived } from '../leads/lead-filter';
import { cohortKey } from '../time/calendar';
import { figureFilter, queueFilter, sourceFilter } from './overview-links';

const lead = (acquiredAt: number, sourceId = 'web'): Lead =>
  ({
    id: 1,
    phoneE164: '+12125550100',
    name: '',
    company: '',
    email: '',
    region: 'US',
    tags: [],
    sourceId,
    acquiredAt,
    entryMethod: 'manual',
    attempts: 0,
  }) as unknown as Lead;
const derived = (reasons: ReasonCode[], callable = reasons.length === 0): LeadDerived => ({
  consent: 'valid',
  dnc: 'clear',
  reasons,
  callable,
});
const ZONES = ['UTC', 'America/New_York', 'Europe/London', 'Asia/Shanghai', 'Pacific/Auckland'];
const instant = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) });

describe('overview links', () => {
  it('"acquired this month" opens the organisation month of the figure (1 Nov 00:00 New York is November, 31 Oct 23:59 is not)', () => {
    const at = Date.UTC(2026, 10, 29, 17);
    const f = figureFilter('acquiredThisMonth', at, 'America/New_York');
    expect(f).toEqual({ cohort: '2026-11' });
    const ctx = { orgTimeZone: 'America/New_York', dormantMs: 90 * 86_400_000, now: at };
    expect(matchesLeadFilter(lead(Date.UTC(2026, 10, 1, 4)), derived([]), f, ctx)).toBe(true);
    expect(matchesLeadFilter(lead(Date.UTC(2026, 10, 1, 3, 59)), derived([]), f, ctx)).toBe(false);
  });

  it('property: a lead is in the "acquired this month" link exactly when the figure counts it', () => {
    fc.assert(
      fc.property(instant, instant, fc.constantFrom(...ZONES), (acquiredAt, at, zone) => {
        const counted = cohortKey(acquiredAt, 'month', zone) === cohortKey(at, 'month', zone);
        expect(
          matchesLeadFilter(lead(acquiredAt), derived([]), figureFilter('acquiredThisMonth', at, zone), {
            orgTimeZone: zone,
            dormantMs: 90 * 86_400_000,
            now: at,
          }),
        ).toBe(counted);
      }),
    );
  });

  it('property: a queue link holds exactly the leads the queue counts, and "callable" the callable ones', () => {
    const ids = Object.keys(QUEUES) as QueueId[];
    fc.assert(
      fc.property(fc.subarray([...REASON_CODES]), fc.constantFrom(...ids), fc.boolean(), (reasons, id, callable) => {
        const inQueue = reasons.some((r) => (QUEUES[id] as readonly ReasonCode[]).includes(r));
        const ctx = { orgTimeZone: 'UTC', dormantMs: 90 * 86_400_000, now: 0 };
        expect(matchesLeadFilter(lead(0), derived(reasons, callable), queueFilter(id), ctx)).toBe(inQueue);
        expect(matchesLeadFilter(lead(0), derived(reasons, callable), figureFilter('callable', 0, 'UTC'), ctx)).toBe(
          callable,
        );
        expect(matchesLeadFilter(lead(0), derived(reasons, callable), figureFilter('leads', 0, 'UTC'), ctx)).toBe(true);
      }),
    );
  });

  it('a source bar opens that source only', () => {
    const ctx = { orgTimeZone: 'UTC', dormantMs: 90 * 86_400_000, now: 0 };
    expect(matchesLeadFilter(lead(0, 'fair'), derived([]), sourceFilter('fair'), ctx)).toBe(true);
    expect(matchesLeadFilter(lead(0, 'web'), derived([]), sourceFilter('fair'), ctx)).toBe(false);
  });
});
