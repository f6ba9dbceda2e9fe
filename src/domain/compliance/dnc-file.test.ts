import { describe, expect, it } from 'vitest';
import { dncNumber, parseDncFile } from './dnc-file';

describe('parseDncFile', () => {
  it('reads one number per line, counting rows, duplicates and invalid lines with their line numbers', () => {
    const r = parseDncFile('2125550100\n\n(212) 555-0101\n+12125550100\n12\nabc\n+447911123456\n', 'US');
    expect(r).toMatchObject({ ok: true, format: 'lines', rowCount: 6, duplicates: 1, invalidCount: 2 });
    if (!r.ok) return;
    expect(r.numbers.sort()).toEqual(['+12125550100', '+12125550101', '+447911123456']);
    expect(r.invalid).toEqual([
      { line: 5, text: '12', problem: 'too-short' },
      { line: 6, text: 'abc', problem: 'not-a-number' },
    ]);
  });

  it('skips a header line in a single-column file', () => {
    const r = parseDncFile('phone\r\n2125550100\r\n', 'US');
    expect(r).toMatchObject({ ok: true, column: 'phone', rowCount: 1, numbers: ['+12125550100'] });
  });

  it('reads a CSV by its phone column, whatever its position', () => {
    const r = parseDncFile(
      'name,Phone Number,added\n"Doe, Jane",212-555-0100,2026-01-01\nBob,not a phone,2026-01-02\n',
      'US',
    );
    expect(r).toMatchObject({
      ok: true,
      format: 'csv',
      column: 'Phone Number',
      rowCount: 2,
      numbers: ['+12125550100'],
      invalidCount: 1,
    });
    if (r.ok) expect(r.invalid[0]).toMatchObject({ line: 3, text: 'not a phone' });
  });

  it('refuses a CSV with no column that holds numbers', () => {
    expect(parseDncFile('name,city\nJane,Paris\n', 'US')).toEqual({
      ok: false,
      problem: 'no-phone-column',
      columns: ['name', 'city'],
    });
    expect(parseDncFile('\n\n', 'US')).toEqual({ ok: false, problem: 'empty' });
  });
});

describe('dncNumber', () => {
  it.each([
    ['2125550100', 'US', '+12125550100'],
    ['1-212-555-0100', 'US', '+12125550100'],
    ['+1 (416) 555-0100', 'GB', '+14165550100'],
    ['07911 123456', 'GB', '+447911123456'],
    ['13800138000', 'CN', '+8613800138000'],
  ])('%s in %s → %s', (raw, region, e164) => {
    expect(dncNumber(raw, region)).toEqual({ ok: true, e164 });
  });

  it('rejects a North American number whose area code starts with 1', () => {
    expect(dncNumber('1125550100', 'US').ok).toBe(false);
  });
});
