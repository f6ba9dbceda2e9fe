import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../settings/settings';
import { parseLocal } from '../time/calendar';
import { contactFrequencyAt } from './contact-frequency';
import { effectiveRules } from './policies';

const local = (text: string) => parseLocal(text, 'yyyy-MM-dd HH:mm', 'America/New_York')!;
// Florida alone: 3 calls per rolling 24 h; the organisation's own limits set loose so they stay out of the way.
const florida = effectiveRules(['florida'], {
  ...DEFAULT_SETTINGS,
  maxAttempts: 100,
  attemptWindowHours: 1,
  minGapHours: 0,
});

describe('Florida: at most 3 calls per rolling 24 hours', () => {
  const calls = [local('2026-03-03 09:00'), local('2026-03-03 12:00'), local('2026-03-03 15:00')];

  it.each([
    { at: '2026-03-03 14:00', capped: false, why: 'two calls so far' },
    { at: '2026-03-03 16:00', capped: true, why: 'three calls in the last 24 h' },
    { at: '2026-03-04 08:59', capped: true, why: 'the 09:00 call is still inside the window' },
    { at: '2026-03-04 09:00', capped: false, why: 'the 09:00 call has just left the window' },
  ])('$at: capped=$capped ($why)', ({ at, capped }) => {
    expect(contactFrequencyAt(calls, florida, local(at)).capped).toBe(capped);
  });

  it('says since when, and until when', () => {
    expect(contactFrequencyAt(calls, florida, local('2026-03-03 16:00'))).toMatchObject({
      capped: true,
      since: local('2026-03-03 15:00'),
      nextAllowedAt: local('2026-03-04 09:00'),
      limits: [{ kind: 'cap', attempts: 3, cap: { count: 3, windowHours: 24 }, sources: ['florida'] }],
    });
  });

  it('counts elapsed hours, so across the spring DST change 24 h ends at 13:00, not 12:00', () => {
    const saturday = [local('2026-03-07 12:00'), local('2026-03-07 12:10'), local('2026-03-07 12:20')];
    expect(contactFrequencyAt(saturday, florida, local('2026-03-08 12:30')).nextAllowedAt).toBe(
      local('2026-03-08 13:00'),
    );
  });

  it('ignores calls at or after `at`', () => {
    expect(contactFrequencyAt([...calls, local('2026-03-03 17:00')], florida, local('2026-03-03 14:00')).capped).toBe(
      false,
    );
  });
});

describe('the organisation: 6 attempts a week and 4 hours between calls', () => {
  const org = effectiveRules([], DEFAULT_SETTINGS);

  it('blocks for 4 hours after a call', () => {
    const state = contactFrequencyAt([local('2026-03-03 10:00')], org, local('2026-03-03 13:59'));
    expect(state).toMatchObject({
      capped: true,
      nextAllowedAt: local('2026-03-03 14:00'),
      limits: [{ kind: 'gap', gapHours: 4 }],
    });
    expect(contactFrequencyAt([local('2026-03-03 10:00')], org, local('2026-03-03 14:00')).capped).toBe(false);
  });

  it('the later of cap and gap decides when the next call is allowed', () => {
    const week = ['03-01', '03-02', '03-03', '03-04', '03-05', '03-06'].map((d) => local(`2026-${d} 10:00`));
    const state = contactFrequencyAt(week, org, local('2026-03-06 11:00'));
    // The oldest of the six leaves the 168-hour window on March 8 at 11:00 (DST adds an hour of wall clock).
    expect(state.nextAllowedAt).toBe(local('2026-03-08 11:00'));
    expect(state.limits.map((l) => l.kind)).toEqual(['cap', 'gap']);
  });
});
