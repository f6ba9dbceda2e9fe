import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dictionary, DictionaryFullError, isRetired } from './dictionary';

describe('Dictionary', () => {
  it('gives each distinct value the next code and gives it back', () => {
    fc.assert(
      fc.property(fc.array(fc.string()), (input) => {
        const d = new Dictionary();
        const codes = input.map((v) => d.code(v));
        input.forEach((v, i) => expect(d.values[codes[i]!]).toBe(v));
        expect(d.values.length).toBe(new Set(input).size);
        expect(new Set(d.values).size).toBe(d.values.length);
      }),
    );
  });

  it('codes a missing value as the preset empty string (code 0), and looks up without adding', () => {
    const d = new Dictionary(['']);
    expect(d.encode(undefined)).toBe(0);
    expect(d.encode('')).toBe(0);
    expect(d.encode('web')).toBe(1);
    expect(d.lookup('web')).toBe(1);
    expect(d.lookup('fair')).toBe(-1);
    expect(d.values).toEqual(['', 'web']);
  });

  it('keeps every value apart past 65,535 codes (no wrap, no shared overflow code)', () => {
    const d = new Dictionary(['']);
    const n = 70_000;
    for (let i = 1; i <= n; i++) expect(d.encode(`source-${i}`)).toBe(i);
    expect(d.values.length).toBe(n + 1);
    expect(d.lookup('source-65536')).toBe(65_536);
    expect(d.values[65_536]).toBe('source-65536');
    expect(d.values[69_999]).toBe('source-69999');
  });

  it('throws a clear error past its limit instead of reusing a code', () => {
    const d = new Dictionary([], 3);
    ['a', 'b', 'c'].forEach((v) => d.code(v));
    expect(d.code('b')).toBe(1);
    expect(() => d.code('d')).toThrow(DictionaryFullError);
    expect(() => d.code('d')).toThrow('more than 3 distinct values');
    expect(d.values).toEqual(['a', 'b', 'c']);
  });
});

describe('a retired code', () => {
  it('keeps every other code, never equals a value, and gives the value a new code if seen again', () => {
    const d = new Dictionary(['']);
    for (const v of ['a', 'b', 'c']) d.code(v);
    d.retire(2);
    expect(d.values.map((v, code) => (isRetired(v) ? `retired ${code}` : v))).toEqual(['', 'a', 'retired 2', 'c']);
    expect(d.lookup('b')).toBe(-1);
    expect(d.lookup('c')).toBe(3);
    expect(d.code('b')).toBe(4);
    // Loaded again value by value (as a stored snapshot's dictionary is): the same codes.
    const loaded = new Dictionary(['']);
    for (const v of d.values.slice(1)) loaded.encode(v);
    expect(loaded.values).toEqual(d.values);
    // Code 0 ('' = none) and a retired code stay as they are.
    d.retire(0);
    d.retire(2);
    expect(d.values[0]).toBe('');
    expect(loaded.lookup(d.values[2]!)).toBe(2);
  });
});
