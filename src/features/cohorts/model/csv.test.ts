import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { neutralise, toCsv } from './csv';

describe('CSV of a displayed table', () => {
  it('writes the shown strings, quoting where CSV needs it', () => {
    const csv = toCsv(['Cohort', 'Leads', 'Rate'], [['Mar 2026', '1,234', '31.2%'], ['2026年3月', '12', '—']]);
    expect(csv).toBe('Cohort,Leads,Rate\r\nMar 2026,"1,234",31.2%\r\n2026年3月,12,—');
    expect(Papa.parse<string[]>(csv).data).toEqual([['Cohort', 'Leads', 'Rate'], ['Mar 2026', '1,234', '31.2%'], ['2026年3月', '12', '—']]);
  });

  it.each([
    ['=HYPERLINK("x")', "'=HYPERLINK(\"x\")"],
    ['+1 555', "'+1 555"],
    ['-3', "'-3"],
    ['@SUM', "'@SUM"],
    ['\tx', "'\tx"],
    ['ok\n=cmd', "ok\n'=cmd"],
    ['Trade show — Expo', 'Trade show — Expo'],
  ])('neutralises formula-looking cells: %j', (cell, expected) => expect(neutralise(cell)).toBe(expected));
});
