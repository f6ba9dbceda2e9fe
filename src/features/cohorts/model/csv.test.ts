import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { FORMULA_CASES } from '../../../domain/import-export/formula-cases';
import { toCsv } from './csv';

describe('CSV of a displayed table', () => {
  it('writes the shown strings, quoting where CSV needs it', () => {
    const csv = toCsv(
      ['Cohort', 'Leads', 'Rate'],
      [
        ['Mar 2026', '1,234', '31.2%'],
        ['2026年3月', '12', '—'],
      ],
    );
    expect(csv).toBe('Cohort,Leads,Rate\r\nMar 2026,"1,234",31.2%\r\n2026年3月,12,—');
    expect(Papa.parse<string[]>(csv).data).toEqual([
      ['Cohort', 'Leads', 'Rate'],
      ['Mar 2026', '1,234', '31.2%'],
      ['2026年3月', '12', '—'],
    ]);
  });

  // No phone column here, so the phone-column cases do not apply.
  const cases = FORMULA_CASES.filter((c) => !c.phone);
  it.each(cases)('neutralises formula-looking labels and cells like every writer: $input', ({ input, expected }) => {
    const csv = toCsv(['Cohort', input], [[input, '1']]);
    const parsed = Papa.parse<string[]>(csv, { newline: '\r\n' }).data;
    expect(parsed).toEqual([
      ['Cohort', expected],
      [expected, '1'],
    ]);
  });
});
