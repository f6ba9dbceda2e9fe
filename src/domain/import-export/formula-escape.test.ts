import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { toCsv } from './csv-write';
import { isFormulaLike, neutraliseFormula } from './formula-escape';

describe('neutraliseFormula', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
    ['+1+1', `'+1+1`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\t=1', `'\t=1`],
    ['\r=1', `'\r=1`],
    ['\0=1', `'\0=1`],
    ['  =1+1', `'  =1+1`],
    ['line one\n=cmd|calc', `line one\n'=cmd|calc`],
    ['ok\n  @x', `ok\n'  @x`],
    ['Alice', 'Alice'],
    ['a=b', 'a=b'],
    ['', ''],
    ['王伟', '王伟'],
  ])('%j → %j', (input, expected) => {
    expect(neutraliseFormula(input)).toBe(expected);
  });

  it('keeps an E.164 number usable in the phone column, and neutralises it elsewhere', () => {
    expect(neutraliseFormula('+8613812345678', true)).toBe('+8613812345678');
    expect(neutraliseFormula('+12133734253', true)).toBe('+12133734253');
    expect(neutraliseFormula('+8613812345678')).toBe(`'+8613812345678`);
    expect(neutraliseFormula('+1=cmd', true)).toBe(`'+1=cmd`);
  });

  it('leaves no line of any cell readable as a formula', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\0', ' ', '\n', 'a', '1', '中') }), (s) => {
        expect(neutraliseFormula(s).split('\n').every((line) => !isFormulaLike(line) || line.startsWith("'"))).toBe(true);
      }),
    );
  });
});

describe('toCsv (RFC 4180)', () => {
  it('quotes delimiters, quotes and line breaks, ends lines with CRLF, and can start with a BOM', () => {
    const csv = toCsv(['a', 'b'], [['x,y', 'say "hi"'], ['multi\nline', '王伟']], { delimiter: ',', bom: true });
    expect(csv).toBe('\uFEFFa,b\r\n"x,y","say ""hi"""\r\n"multi\nline",王伟\r\n');
  });

  it('round-trips any table through papaparse (export → parse is identity)', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'Z', '1', ',', ';', '"', '\n', '\r\n', ' ', '中', '|', '\t') });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.constantFrom(',', ';', '\t', '|') as fc.Arbitrary<',' | ';' | '\t' | '|'>, (width, delimiter) => {
        return fc.assert(
          fc.property(fc.array(fc.array(cell, { minLength: width, maxLength: width }), { maxLength: 8 }), (rows) => {
            const header = Array.from({ length: width }, (_, i) => `c${i}`);
            const parsed = Papa.parse<string[]>(toCsv(header, rows, { delimiter, bom: false }), { delimiter, newline: '\r\n', skipEmptyLines: false });
            const data = parsed.data.slice(0, -1);
            expect(data).toEqual([header, ...rows]);
          }),
          { numRuns: 30 },
        );
      }),
      { numRuns: 8 },
    );
  });
});
