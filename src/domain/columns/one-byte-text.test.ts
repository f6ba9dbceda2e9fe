import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { serialize } from 'node:v8';
import { oneByteCopy, packText, unpackText } from './one-byte-text';

/** Any UTF-16 string: lone surrogates, Latin-1, CJK and emoji (surrogate pairs) included. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((u) => String.fromCharCode(u)) }),
  fc.constantFrom('', 'Zhāng Wěi', '张伟', '王芳\n北京科技有限公司\n', 'café', '\ud800', 'a\udfffb', '😀', 'ﬁ'),
);
const isOneByte = (s: string) => [...s].every((c) => c.charCodeAt(0) <= 0xff);
/** How V8 stores `s` (its serializer's tag: '"' one byte a character, 'c' two). */
const storedOneByte = (s: string) => serialize(s)[2] === 0x22;

describe('packText: one byte a character, every string back exactly', () => {
  it('leaves ASCII as it is', () => {
    expect(packText('jane.doe@example.com\n')).toBe('jane.doe@example.com\n');
    expect(packText('')).toBe('');
  });

  it('writes past U+007F as UTF-8 would, unit by unit', () => {
    expect(packText('é')).toBe('\u00c3\u00a9');
    expect(packText('张')).toBe('\u00e5\u00bc\u00a0');
    // A lone surrogate is written alone, and read back.
    expect(unpackText(packText('x\ud83dy'))).toBe('x\ud83dy');
  });

  it('round-trips any string, and packs it into characters up to U+00FF (fast-check)', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const packed = packText(s);
        expect(isOneByte(packed)).toBe(true);
        expect(unpackText(packed)).toBe(s);
      }),
      { numRuns: 3_000 },
    );
  });

  it('finds a packed needle in a packed haystack exactly where the needle is in the haystack (fast-check)', () => {
    fc.assert(
      fc.property(anyText, anyText, anyText, fc.boolean(), (before, needle, after, plant) => {
        const haystack = plant ? before + needle + after : before + after;
        expect(packText(haystack).includes(packText(needle))).toBe(haystack.includes(needle));
        // And at the place the needle's first match packs to.
        const at = haystack.indexOf(needle);
        expect(packText(haystack).indexOf(packText(needle))).toBe(
          at === -1 ? -1 : packText(haystack.slice(0, at)).length,
        );
      }),
      { numRuns: 3_000 },
    );
  });

  it('packs a text longer than one call’s arguments', () => {
    const long = '张'.repeat(50_000);
    expect(unpackText(packText(long))).toBe(long);
  });

  it('oneByteCopy stores one byte a character what V8 kept two, and leaves text past U+00FF as it is', () => {
    // A field cut from a file that held one Chinese character is stored two bytes a character.
    const file = 'John Smith,Acme Corporation\n李,北京\n';
    const field = file.slice(0, 10);
    expect(storedOneByte(field)).toBe(false);
    expect(storedOneByte([field, 'abc'].join(''))).toBe(false);
    const copy = oneByteCopy([field, 'abc'].join(''));
    expect(copy).toBe('John Smithabc');
    expect(storedOneByte(copy)).toBe(true);
    expect(storedOneByte(oneByteCopy(packText(file)))).toBe(true);
    expect(oneByteCopy('李')).toBe('李');
    expect(oneByteCopy('')).toBe('');
  });
});
