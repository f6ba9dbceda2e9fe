import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hash32 } from '../columns/hash-strings';
import { hasHash, mayBeListed, sortedDistinct, withHashes } from './listed-hashes';

const u32 = fc.integer({ min: 0, max: 0xffffffff });

describe('listed hashes', () => {
  it('sorts and drops repeats', () => {
    expect([...sortedDistinct(Uint32Array.of(9, 3, 9, 0xffffffff, 3, 0))]).toEqual([0, 3, 9, 0xffffffff]);
  });

  it('holds exactly what was put in, whatever was added later (never a false "not listed")', () => {
    fc.assert(
      fc.property(
        fc.array(u32, { maxLength: 200 }),
        fc.array(fc.array(u32, { maxLength: 50 }), { maxLength: 5 }),
        u32,
        (first, later, probe) => {
          const set = withHashes(
            sortedDistinct(Uint32Array.from(first)),
            later.map((a) => Uint32Array.from(a)),
          );
          const all = new Set([...first, ...later.flat()]);
          expect([...set]).toEqual([...all].sort((a, b) => a - b));
          for (const h of all) expect(hasHash(set, h)).toBe(true);
          expect(hasHash(set, probe)).toBe(all.has(probe));
        },
      ),
    );
  });

  it('keeps the same array when nothing is new', () => {
    const set = sortedDistinct(Uint32Array.of(1, 2, 3));
    expect(withHashes(set, [Uint32Array.of(2, 3)])).toBe(set);
  });

  it('answers by the number’s hash', () => {
    const may = mayBeListed(sortedDistinct(Uint32Array.of(hash32('+442079460123'))));
    expect(may('+442079460123')).toBe(true);
    expect(may('+442079460124')).toBe(false);
  });
});
