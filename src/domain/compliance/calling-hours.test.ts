import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../settings/settings';
import { parseLocal } from '../time/calendar';
import { callingHoursAt, isWithinCallingHours, nextOpenAt } from './calling-hours';
import { effectiveRules } from './policies';
import { CLOSED } from './policy-presets';

const NY = 'America/New_York';
const SHANGHAI = 'Asia/Shanghai';
const TORONTO = 'America/Toronto';
const SYDNEY = 'Australia/Sydney';
const local = (text: string, zone: string) => parseLocal(text, 'yyyy-MM-dd HH:mm', zone)!;
const utc = (iso: string) => Date.parse(iso);
const hoursOf = (ids: string[]) => effectiveRules(ids, DEFAULT_SETTINGS).callingHours;

describe('TCPA: 08:00–21:00 where the called party is, across the 2026 US DST changes', () => {
  const tcpa = hoursOf(['us-tcpa']);
  it.each([
    { utc: '2026-03-07T12:59:00Z', open: false, note: 'Sat 07:59 EST' },
    { utc: '2026-03-07T13:00:00Z', open: true, note: 'Sat 08:00 EST' },
    { utc: '2026-03-08T11:59:00Z', open: false, note: 'Sun 07:59 EDT, the day clocks went forward' },
    { utc: '2026-03-08T12:00:00Z', open: true, note: 'Sun 08:00 EDT: an hour earlier in UTC than the day before' },
    { utc: '2026-03-09T00:59:00Z', open: true, note: 'Sun 20:59 EDT' },
    { utc: '2026-03-09T01:00:00Z', open: false, note: 'Sun 21:00 EDT' },
    { utc: '2026-11-01T11:30:00Z', open: false, note: 'Sun 06:30 EST, the day clocks went back' },
    { utc: '2026-11-01T12:30:00Z', open: false, note: "Sun 07:30 EST (08:30 by yesterday's offset)" },
    { utc: '2026-11-01T13:00:00Z', open: true, note: 'Sun 08:00 EST' },
    { utc: '2026-11-02T01:59:00Z', open: true, note: 'Sun 20:59 EST' },
    { utc: '2026-11-02T02:00:00Z', open: false, note: 'Sun 21:00 EST' },
  ])('$note → open=$open', ({ utc: at, open }) => {
    expect(isWithinCallingHours(utc(at), NY, tcpa)).toBe(open);
  });

  it.each([
    { at: '2026-03-08T06:00:00Z', next: '2026-03-08T12:00:00Z', note: 'from 01:00 EST, opens at 08:00 EDT' },
    { at: '2026-11-01T05:30:00Z', next: '2026-11-01T13:00:00Z', note: 'from the first 01:30 EDT, opens at 08:00 EST' },
    { at: '2026-11-01T12:30:00Z', next: '2026-11-01T13:00:00Z', note: 'from 07:30 EST' },
    { at: '2026-03-09T01:00:00Z', next: '2026-03-09T12:00:00Z', note: 'from Sun 21:00, opens Mon 08:00' },
    { at: '2026-03-08T15:00:00Z', next: '2026-03-08T15:00:00Z', note: 'already open' },
  ])('nextOpenAt $note', ({ at, next }) => {
    expect(nextOpenAt(utc(at), NY, tcpa)).toBe(utc(next));
  });

  it("a lead in Shanghai is called on Shanghai time, not the organisation's", () => {
    const at = utc('2026-03-10T14:00:00Z'); // 10:00 in New York, 22:00 in Shanghai
    expect(isWithinCallingHours(at, NY, tcpa)).toBe(true);
    expect(isWithinCallingHours(at, SHANGHAI, tcpa)).toBe(false);
    expect(nextOpenAt(at, SHANGHAI, tcpa)).toBe(local('2026-03-11 08:00', SHANGHAI));
    expect(local('2026-03-11 08:00', SHANGHAI)).toBe(utc('2026-03-11T00:00:00Z'));
  });
});

describe('Florida narrows the evening to 20:00', () => {
  it('20:30 is allowed by the TCPA but not with Florida active', () => {
    const at = local('2026-03-10 20:30', NY);
    expect(isWithinCallingHours(at, NY, hoursOf(['us-tcpa']))).toBe(true);
    expect(isWithinCallingHours(at, NY, hoursOf(['us-tcpa', 'florida']))).toBe(false);
  });
});

describe('Canada: weekdays 09:00–21:30, weekends 10:00–18:00', () => {
  const canada = hoursOf(['canada-dncl']);
  it.each([
    { at: '2026-03-13 21:29', open: true, note: 'Friday 21:29' },
    { at: '2026-03-13 21:30', open: false, note: 'Friday 21:30' },
    { at: '2026-03-14 09:30', open: false, note: 'Saturday 09:30' },
    { at: '2026-03-14 10:00', open: true, note: 'Saturday 10:00' },
    { at: '2026-03-15 17:59', open: true, note: 'Sunday 17:59' },
    { at: '2026-03-15 18:00', open: false, note: 'Sunday 18:00' },
  ])('$note → open=$open', ({ at, open }) => {
    expect(isWithinCallingHours(local(at, TORONTO), TORONTO, canada)).toBe(open);
  });

  it('after Friday 21:30 the next opening is Saturday 10:00', () => {
    expect(nextOpenAt(local('2026-03-13 21:30', TORONTO), TORONTO, canada)).toBe(local('2026-03-14 10:00', TORONTO));
  });
});

describe('Australia: weekdays 09:00–20:00, Saturday 09:00–17:00, never on Sunday', () => {
  const australia = hoursOf(['australia-dncr']);

  it('Sunday noon is closed; it last closed Saturday 17:00 and opens Monday 09:00', () => {
    const state = callingHoursAt(local('2026-03-15 12:00', SYDNEY), SYDNEY, australia);
    expect(state).toMatchObject({
      open: false,
      window: CLOSED,
      since: local('2026-03-14 17:00', SYDNEY),
      until: local('2026-03-16 09:00', SYDNEY),
    });
    expect(state.local).toEqual({ weekday: 0, minuteOfDay: 12 * 60, date: '2026-03-15' });
  });

  it.each([
    ['2026-03-14 16:59', true],
    ['2026-03-14 17:00', false],
    ['2026-03-16 19:59', true],
    ['2026-03-16 20:00', false],
  ])('%s → open=%s', (at, open) => {
    expect(isWithinCallingHours(local(at, SYDNEY), SYDNEY, australia)).toBe(open);
  });

  it('while open, says when the window closes', () => {
    expect(callingHoursAt(local('2026-03-14 10:00', SYDNEY), SYDNEY, australia)).toMatchObject({
      open: true,
      until: local('2026-03-14 17:00', SYDNEY),
    });
  });
});

describe('no opening at all', () => {
  it('when every day is closed, nextOpenAt is undefined', () => {
    const never = Array.from({ length: 7 }, () => ({ value: CLOSED, sources: [] }));
    expect(nextOpenAt(utc('2026-03-10T12:00:00Z'), NY, never)).toBeUndefined();
  });
});
