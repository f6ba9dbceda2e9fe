import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { capitalised, capitalisedByExpression, markOf, writtenFrom } from './written-case';

/** The characters that end a word (and so start the next), as `capitalised` reads them. */
const WORD_ENDS = [' ', '-', "'", '(', '.', '\t', '\n'];
/** Any UTF-16 string, with the characters that start or end a word, case pairs that change length and the marks' own characters. */
const anyText = fc.oneof(
  fc.string({
    unit: fc.constantFrom(
      'a',
      'B',
      'z',
      'Ç',
      'ß',
      'İ',
      'ǅ',
      'σ',
      'Σ',
      '张',
      ...WORD_ENDS,
      '\x00',
      '\x01',
      '\x02',
      '\u00a0',
      '\u3000',
    ),
  }),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((u) => String.fromCharCode(u)) }),
);
/** ASCII text rich in the characters that end a word, and their neighbours in the code table. */
const asciiText = fc.string({
  unit: fc.constantFrom('a', 'q', 'z', 'A', '0', ...WORD_ENDS, '\r', '\v', '\f', '_', '@', '`', '{'),
});

describe('written-case: a name as written, from its lower-cased copy and a mark', () => {
  it('keeps no copy of a name whose words start with capitals, or of text with no case', () => {
    for (const name of [
      'Maria Garcia',
      'Acme Corp',
      "O'Brien-Smith",
      'J.R. Smith',
      'Umbrella Health (Europe)',
      '华信科技',
      'Zoë Straße',
      '',
    ])
      expect(markOf(name, name.toLowerCase())).toBe('');
  });

  it('keeps a one-character mark for all lower case and all capitals', () => {
    expect(markOf('acme corp', 'acme corp')).toBe('\x01');
    expect(markOf('IBM', 'ibm')).toBe('\x02');
    expect(writtenFrom('\x01', 'acme corp')).toBe('acme corp');
    expect(writtenFrom('\x02', 'ibm')).toBe('IBM');
  });

  it('keeps the text itself where no rule writes it, escaped when it begins with a mark', () => {
    expect(markOf('McDonald', 'mcdonald')).toBe('McDonald');
    expect(markOf("Women's Wear", "women's wear")).toBe("Women's Wear");
    // 'İ' lower-cases to two units: no rule gives it back.
    expect(markOf('İstanbul', 'İstanbul'.toLowerCase())).toBe('İstanbul');
    expect(markOf('\x01Mc', '\x01mc')).toBe('\x00\x01Mc');
    expect(writtenFrom('\x00\x01Mc', '\x01mc')).toBe('\x01Mc');
  });

  it('gives every text back exactly from its lower-cased copy (fast-check)', () => {
    fc.assert(
      fc.property(anyText, (written) => {
        const lower = written.toLowerCase();
        expect(writtenFrom(markOf(written, lower), lower)).toBe(written);
      }),
      { numRuns: 5_000 },
    );
  });

  it('gives every text back from any copy it is handed, lower-cased or not (fast-check)', () => {
    // The engine hands the copy its search text holds: for a name with a line break, not the name's own.
    fc.assert(
      fc.property(anyText, anyText, (written, copy) => {
        expect(writtenFrom(markOf(written, copy), copy)).toBe(written);
      }),
      { numRuns: 3_000 },
    );
  });

  it('capitalises ASCII by hand exactly as the expression does (fast-check)', () => {
    fc.assert(
      fc.property(fc.oneof(asciiText, anyText), (text) => {
        expect(capitalised(text)).toBe(capitalisedByExpression(text));
      }),
      { numRuns: 5_000 },
    );
  });

  it('keeps most generated names mark-free (anti-vacuity for the saving)', () => {
    const names = ['James Smith', 'Mary Johnson', 'Acme Corp', 'Globex', '王芳', 'Stark Logistics'];
    expect(names.filter((n) => markOf(n, n.toLowerCase()) === '')).toHaveLength(names.length);
  });
});
