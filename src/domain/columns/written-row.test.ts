import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nameMarkOf, writtenParts, writtenRow } from './written-row';

const anyText = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((u) => String.fromCharCode(u)) }),
  fc.constantFrom('', '\x00', '\x01', '\x02', 'McDonald', '张伟', 'Written.In@Capitals.test', '\ud800'),
);

describe('written-row: the name and company marks and the e-mail in one row', () => {
  it('is empty when all three parts are', () => {
    expect(writtenRow({ nameMark: '', companyMark: '', email: '' })).toBe('');
    expect(writtenParts('')).toEqual({ nameMark: '', companyMark: '', email: '' });
    expect(nameMarkOf('')).toBe('');
  });

  it('gives any three parts back, and stays one byte a character (fast-check)', () => {
    fc.assert(
      fc.property(anyText, anyText, anyText, (nameMark, companyMark, email) => {
        const row = writtenRow({ nameMark, companyMark, email });
        expect([...row].every((c) => c.charCodeAt(0) <= 0xff)).toBe(true);
        expect(writtenParts(row)).toEqual({ nameMark, companyMark, email });
        expect(nameMarkOf(row)).toBe(nameMark);
      }),
      { numRuns: 3_000 },
    );
  });

  it('says a part longer than 65,535 characters exactly', () => {
    const long = 'x'.repeat(70_000) + '张';
    const row = writtenRow({ nameMark: long, companyMark: '\x01', email: 'A@B' });
    expect(writtenParts(row)).toEqual({ nameMark: long, companyMark: '\x01', email: 'A@B' });
  });
});
