import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { toCsv } from './csv-write';
import { FORMULA_CASES } from './formula-cases';
import { isFormulaLike, neutraliseFormula } from './formula-escape';

describe('neutraliseFormula', () => {
  it.each(
    FORMULA_CASES.map((c) => [c.input, c.phone ? 'phone column' : 'any column', c.expected, c.phone === true] as const),
  )('%j (%s) → %j', (input, _where, expected, phone) => {
    expect(neutraliseFormula(input, phone)).toBe(expected);
  });

  it('leaves no line of any cell readable as a formula; CR, LF and CRLF all break lines', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\0', ' ', '\n', 'a', '1', '中') }),
        (s) => {
          expect(
            neutraliseFormula(s)
              .split(/\r\n|\r|\n/)
              .every((line) => !isFormulaLike(line) || line.startsWith("'")),
          ).toBe(true);
        },
      ),
    );
  });

  it('only adds apostrophes: removing them gives the cell back', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('=', '+', '@', '\r', '\n', ' ', 'a') }), (s) => {
        fc.pre(!s.includes("'"));
        expect(neutraliseFormula(s).replaceAll("'", '')).toBe(s);
      }),
    );
  });
});

describe('toCsv (RFC 4180)', () => {
  it('quotes delimiters, quotes and line breaks, ends lines with CRLF, and can start with a BOM', () => {
    const csv = toCsv(
      ['a', 'b'],
      [
        ['x,y', 'say "hi"'],
        ['multi\nline', '王伟'],
      ],
      { delimiter: ',', bom: true },
    );
    expect(csv).toBe('\uFEFFa,b\r\n"x,y","say ""hi"""\r\n"multi\nline",王伟\r\n');
  });

  it('round-trips any table through papaparse (export → parse is identity)', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'Z', '1', ',', ';', '"', '\n', '\r\n', ' ', '中', '|', '\t') });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.constantFrom(',', ';', '\t', '|') as fc.Arbitrary<',' | ';' | '\t' | '|'>,
        (width, delimiter) => {
          return fc.assert(
            fc.property(fc.array(fc.array(cell, { minLength: width, maxLength: width }), { maxLength: 8 }), (rows) => {
              const header = Array.from({ length: width }, (_, i) => `c${i}`);
              const parsed = Papa.parse<string[]>(toCsv(header, rows, { delimiter, bom: false }), {
                delimiter,
                newline: '\r\n',
                skipEmptyLines: false,
              });
              const data = parsed.data.slice(0, -1);
              expect(data).toEqual([header, ...rows]);
            }),
            { numRuns: 30 },
          );
        },
      ),
      { numRuns: 8 },
    );
  });
});
