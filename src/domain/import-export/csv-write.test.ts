import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvHead, csvLine, type CsvOptions } from './csv-write';

/** What papaparse itself writes for one record: the oracle of the plain-row fast path. */
const papaLine = (cells: string[], delimiter: CsvOptions['delimiter']) =>
  Papa.unparse([cells], {
    delimiter,
    newline: '\r\n',
    quotes: cells.length === 1 ? (v: unknown) => v === '' : false,
    escapeFormulae: false,
  }) + '\r\n';

const DELIMITERS = [',', ';', '\t', '|'] as const;
/** Characters that decide quoting, and ordinary ones, so both paths are drawn often. */
const cell = fc.oneof(
  { arbitrary: fc.string({ unit: fc.constantFrom('a', '7', '中', "'", '-', '.') }), weight: 6 },
  {
    arbitrary: fc.string({ unit: fc.constantFrom('"', '\r', '\n', '\uFEFF', ',', ';', '\t', '|', ' ', 'a') }),
    weight: 1,
  },
);

describe('csvLine', () => {
  it('writes exactly what papaparse writes, for any cells and delimiter', () => {
    let plain = 0;
    let quoted = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...DELIMITERS),
        fc.array(cell, { minLength: 1, maxLength: 6 }),
        (delimiter, cells) => {
          const line = csvLine(cells, { delimiter, bom: false });
          expect(line).toBe(papaLine(cells, delimiter));
          if (line.includes('"')) quoted++;
          else plain++;
        },
      ),
      { numRuns: 2000 },
    );
    // Anti-vacuity: both the joined fast path and papaparse's quoting were exercised.
    expect(plain).toBeGreaterThan(100);
    expect(quoted).toBeGreaterThan(100);
  });

  it('quotes what needs it and nothing else', () => {
    const opts: CsvOptions = { delimiter: ',', bom: false };
    expect(csvLine(['a', 'b c', '中文'], opts)).toBe('a,b c,中文\r\n');
    expect(csvLine(['a,b', 'say "hi"', ' lead', 'trail ', 'x'], opts)).toBe(
      '"a,b","say ""hi"""," lead","trail ",x\r\n',
    );
    expect(csvLine(['line\nbreak', 'cr\r'], opts)).toBe('"line\nbreak","cr\r"\r\n');
    expect(csvLine(['a;b', 'c'], { delimiter: ';', bom: false })).toBe('"a;b";c\r\n');
    expect(csvLine(['a,b', 'c'], { delimiter: ';', bom: false })).toBe('a,b;c\r\n');
  });

  it('keeps an empty cell of a one-column file from becoming an empty line', () => {
    expect(csvLine([''], { delimiter: ',', bom: false })).toBe('""\r\n');
    expect(csvLine(['x'], { delimiter: ',', bom: false })).toBe('x\r\n');
    expect(csvLine(['', ''], { delimiter: ',', bom: false })).toBe(',\r\n');
  });

  it('starts a document with the BOM only when asked', () => {
    expect(csvHead(['a', 'b'], { delimiter: ',', bom: true })).toBe('\uFEFFa,b\r\n');
    expect(csvHead(['a', 'b'], { delimiter: ',', bom: false })).toBe('a,b\r\n');
  });
});
