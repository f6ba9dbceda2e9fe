import { describe, expect, it } from 'vitest';
import { MS_PER_DAY, MS_PER_HOUR } from './time-units';
import { zoneOffsetMs } from './zone-offset';

const formats = new Map<string, Intl.DateTimeFormat>();
function formatIn(timeZone: string): Intl.DateTimeFormat {
  let f = formats.get(timeZone);
  if (!f) {
    const fields = {
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    } as const;
    formats.set(timeZone, (f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', ...fields })));
  }
  return f;
}

/** The offset straight from Intl, with no cache of offsets: the oracle. */
function intlOffset(ms: number, timeZone: string): number {
  const parts = formatIn(timeZone).formatToParts(ms);
  const p: Record<string, number> = {};
  for (const part of parts) p[part.type] = Number(part.value);
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) - ms;
}

/**
 * Zones leads live in, and those whose rules are the least regular: half-hour and 45-minute
 * offsets, a 30-minute DST (Lord Howe), a DST suspended for Ramadan (Casablanca), a two-hour DST
 * (Troll), changes at local midnight (Santiago, Havana), a southern-hemisphere summer, and the
 * two changes closest together of any zone: seven days apart (Boa Vista, October 2000; Gaza, October 2040).
 */
const ZONES = [
  'America/New_York',
  'America/Los_Angeles',
  'Europe/London',
  'Europe/Berlin',
  'Asia/Shanghai',
  'Australia/Sydney',
  'America/St_Johns',
  'Australia/Lord_Howe',
  'Africa/Casablanca',
  'Antarctica/Troll',
  'America/Santiago',
  'America/Havana',
  'Pacific/Chatham',
  'Asia/Tehran',
  'Asia/Gaza',
  'America/Boa_Vista',
];

describe('zoneOffsetMs: a week filled at once when its ends agree', () => {
  it('agrees with Intl at every day of 2000–2040, in each zone, reading days in random order', () => {
    const from = Date.UTC(2000, 0, 1) / MS_PER_DAY;
    const to = Date.UTC(2041, 0, 1) / MS_PER_DAY;
    // A fixed shuffle: days are asked in no order (a catch-up's leads), so a week is filled by any of its days.
    let seed = 7;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31);
    const mismatches: string[] = [];
    for (const zone of ZONES) {
      const days = Array.from({ length: to - from }, (_, i) => from + i);
      for (let i = days.length - 1; i > 0; i--) {
        const j = next() % (i + 1);
        [days[i], days[j]] = [days[j]!, days[i]!];
      }
      for (const day of days) {
        const at = day * MS_PER_DAY + 13 * MS_PER_HOUR + (day % 7) * 7 * 60_000;
        if (zoneOffsetMs(at, zone) !== intlOffset(at, zone)) mismatches.push(`${zone} ${new Date(at).toISOString()}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('locates a change inside a week to the minute (New York, 8 March 2026, 07:00 UTC)', () => {
    const change = Date.UTC(2026, 2, 8, 7);
    expect(zoneOffsetMs(change - 60_000, 'America/New_York')).toBe(-5 * MS_PER_HOUR);
    expect(zoneOffsetMs(change, 'America/New_York')).toBe(-4 * MS_PER_HOUR);
    expect(zoneOffsetMs(change - 3 * MS_PER_DAY, 'America/New_York')).toBe(-5 * MS_PER_HOUR);
    expect(zoneOffsetMs(change + 3 * MS_PER_DAY, 'America/New_York')).toBe(-4 * MS_PER_HOUR);
  });
});
