import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashStrings } from './hash-strings';

describe('hashStrings', () => {
  it('is 16 hex digits and the same for the same strings', () => {
    expect(hashStrings(['Ann Lee', '李雷'])).toMatch(/^[0-9a-f]{16}$/);
    expect(hashStrings(['Ann Lee', '李雷'])).toBe(hashStrings(['Ann Lee', '李雷']));
  });

  it('tells apart where one string ends and the next begins, and the empty list', () => {
    expect(hashStrings(['ab', 'c'])).not.toBe(hashStrings(['a', 'bc']));
    expect(hashStrings(['a', ''])).not.toBe(hashStrings(['a']));
    expect(hashStrings([])).not.toBe(hashStrings(['']));
  });

  it('changes when any one code unit of any string changes (a flipped bit)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'binary', minLength: 1 }), { minLength: 1, maxLength: 6 }),
        fc.nat(),
        fc.integer({ min: 0, max: 15 }),
        (texts, at, bit) => {
          const k = at % texts.length;
          const s = texts[k]!;
          const i = at % s.length;
          const flipped = s.slice(0, i) + String.fromCharCode(s.charCodeAt(i) ^ (1 << bit)) + s.slice(i + 1);
          const damaged = texts.map((t, j) => (j === k ? flipped : t));
          expect(hashStrings(damaged)).not.toBe(hashStrings(texts));
        },
      ),
    );
  });
});
