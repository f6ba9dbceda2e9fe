import { describe, expect, it } from 'vitest';
import { dayMonthEvidence, parseTimestamp, type TimeDeclaration } from './timestamp';

const none: TimeDeclaration = { format: null, timeZone: null };
const ok = (ms: number, precision: 'exact' | 'day' = 'exact') => ({ ok: true, ms, precision });
const no = (problem: string) => ({ ok: false, problem });

describe('parseTimestamp', () => {
  it.each([
    ['2024-03-04T10:00:00Z', ok(Date.UTC(2024, 2, 4, 10))],
    ['2024-03-04T10:00:00+08:00', ok(Date.UTC(2024, 2, 4, 2))],
    ['2024-03-04 10:00:00.250-0500', ok(Date.UTC(2024, 2, 4, 15, 0, 0, 250))],
    ['2024-03-04T10:00+05:30', ok(Date.UTC(2024, 2, 4, 4, 30))],
  ])('takes ISO 8601 with an offset as is: %s', (text, expected) => {
    expect(parseTimestamp(text, none)).toEqual(expected);
  });

  it('needs a declared zone for a timestamp without offset, and stores it as UTC', () => {
    expect(parseTimestamp('2024-03-04 10:00', none)).toEqual(no('zone-required'));
    expect(parseTimestamp('2024-03-04 10:00', { format: null, timeZone: 'Asia/Shanghai' })).toEqual(
      ok(Date.UTC(2024, 2, 4, 2)),
    );
    expect(parseTimestamp('2024-07-04T10:00:00', { format: null, timeZone: 'America/New_York' })).toEqual(
      ok(Date.UTC(2024, 6, 4, 14)),
    );
  });

  it('reads a date alone as the start of that day in the zone, with day precision', () => {
    expect(parseTimestamp('2024-03-04', { format: null, timeZone: 'Europe/Berlin' })).toEqual(
      ok(Date.UTC(2024, 2, 3, 23), 'day'),
    );
    expect(parseTimestamp('2024/3/4', { format: null, timeZone: 'UTC' })).toEqual(ok(Date.UTC(2024, 2, 4), 'day'));
    expect(parseTimestamp('2024年3月4日', { format: null, timeZone: 'Asia/Shanghai' })).toEqual(
      ok(Date.UTC(2024, 2, 3, 16), 'day'),
    );
    expect(parseTimestamp('2024年3月4日 10:30', { format: null, timeZone: 'Asia/Shanghai' })).toEqual(
      ok(Date.UTC(2024, 2, 4, 2, 30)),
    );
  });

  it('asks instead of guessing 03/04/2024, and reads it as declared', () => {
    expect(parseTimestamp('03/04/2024', { format: null, timeZone: 'UTC' })).toEqual(no('format-required'));
    expect(parseTimestamp('03/04/2024', { format: 'dmy', timeZone: 'UTC' })).toEqual(ok(Date.UTC(2024, 3, 3), 'day'));
    expect(parseTimestamp('03/04/2024', { format: 'mdy', timeZone: 'UTC' })).toEqual(ok(Date.UTC(2024, 2, 4), 'day'));
    expect(parseTimestamp('3/4/2024 1:05 PM', { format: 'mdy', timeZone: 'UTC' })).toEqual(
      ok(Date.UTC(2024, 2, 4, 13, 5)),
    );
    expect(parseTimestamp('25/04/2024', { format: 'mdy', timeZone: 'UTC' })).toEqual(no('invalid-date'));
    expect(parseTimestamp('03/04/2024', { format: 'excel', timeZone: 'UTC' })).toEqual(no('format-mismatch'));
  });

  it('rejects dates that do not exist', () => {
    expect(parseTimestamp('2024-02-30', { format: null, timeZone: 'UTC' })).toEqual(no('invalid-date'));
    expect(parseTimestamp('2023-02-29T10:00:00Z', none)).toEqual(no('invalid-date'));
    expect(parseTimestamp('2024-02-29T10:00:00Z', none)).toEqual(ok(Date.UTC(2024, 1, 29, 10)));
    expect(parseTimestamp('31/04/2024', { format: 'dmy', timeZone: 'UTC' })).toEqual(no('invalid-date'));
    expect(parseTimestamp('2024-03-04T25:00:00Z', none)).toEqual(no('invalid-date'));
  });

  it('reads Excel serial day numbers only when declared', () => {
    expect(parseTimestamp('45123', { format: null, timeZone: 'UTC' })).toEqual(no('format-required'));
    expect(parseTimestamp('45123', { format: 'dmy', timeZone: 'UTC' })).toEqual(no('format-mismatch'));
    expect(parseTimestamp('45123', { format: 'excel', timeZone: 'UTC' })).toEqual(ok(Date.UTC(2023, 6, 16), 'day'));
    expect(parseTimestamp('45123.75', { format: 'excel', timeZone: 'Asia/Shanghai' })).toEqual(
      ok(Date.UTC(2023, 6, 16, 10)),
    );
  });

  it('says what it cannot read', () => {
    expect(parseTimestamp('', none)).toEqual(no('empty'));
    expect(parseTimestamp('last Tuesday', none)).toEqual(no('unrecognised'));
  });

  it('refuses a wall time in a DST gap: the clock never showed it', () => {
    const ny = { format: null, timeZone: 'America/New_York' };
    expect(parseTimestamp('2026-03-08 02:30', ny)).toEqual(no('dst-gap'));
    expect(parseTimestamp('03/08/2026 2:30 AM', { format: 'mdy', timeZone: 'America/New_York' })).toEqual(
      no('dst-gap'),
    );
    expect(parseTimestamp('2026-03-08 03:30', ny)).toEqual(ok(Date.UTC(2026, 2, 8, 7, 30)));
  });

  it('refuses a wall time in a DST overlap (declared rule: it must carry an offset); with one it is read', () => {
    const ny = { format: null, timeZone: 'America/New_York' };
    expect(parseTimestamp('2026-11-01 01:30', ny)).toEqual(no('dst-overlap'));
    expect(parseTimestamp('2026-11-01T01:30-04:00', ny)).toEqual(ok(Date.UTC(2026, 10, 1, 5, 30)));
    expect(parseTimestamp('2026-11-01T01:30-05:00', ny)).toEqual(ok(Date.UTC(2026, 10, 1, 6, 30)));
  });

  it('a date without a time on a DST day is the start of that day; 2026-02-29 stays refused', () => {
    expect(parseTimestamp('2026-03-08', { format: null, timeZone: 'America/New_York' })).toEqual(
      ok(Date.UTC(2026, 2, 8, 5), 'day'),
    );
    expect(parseTimestamp('2026-02-29', { format: null, timeZone: 'America/New_York' })).toEqual(no('invalid-date'));
    expect(parseTimestamp('2026-02-29 10:00', { format: null, timeZone: 'America/New_York' })).toEqual(
      no('invalid-date'),
    );
  });
});

describe('dayMonthEvidence', () => {
  it('counts what the values prove about day/month order', () => {
    expect(dayMonthEvidence(['25/04/2024', '03/04/2024', '04/04/2024', 'x'])).toEqual({
      dayFirst: 1,
      monthFirst: 0,
      ambiguous: 1,
    });
    expect(dayMonthEvidence(['04/25/2024'])).toEqual({ dayFirst: 0, monthFirst: 1, ambiguous: 0 });
  });
});
