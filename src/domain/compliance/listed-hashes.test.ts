import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hash32 } from '../columns/hash-strings';
import {
  hasHash,
  hashesOf,
  isListedHashes,
  listedHashes,
  mayBeListed,
  sortedDistinct,
  withHashes,
} from './listed-hashes';

const u32 = fc.integer({ min: 0, max: 0xffffffff });
/** Hashes crowded into a few buckets (high 16 bits), at their edges too: buckets of several, empty ones between. */
const crowded = fc
  .tuple(
    fc.constantFrom(0, 1, 0x7fff, 0x8000, 0xfffe, 0xffff),
    fc.oneof(fc.constantFrom(0, 1, 0xfffe, 0xffff), fc.nat({ max: 0xffff })),
  )
  .map(([high, low]) => ((high << 16) | low) >>> 0);
const hash = fc.oneof(u32, crowded);

describe('listed hashes', () => {
  it('sorts and drops repeats', () => {
    expect([...sortedDistinct(Uint32Array.of(9, 3, 9, 0xffffffff, 3, 0))]).toEqual([0, 3, 9, 0xffffffff]);
  });

  it('holds exactly what was put in, whatever was added later (never a false "not listed")', () => {
    let sharedBuckets = 0;
    fc.assert(
      fc.property(
        fc.array(hash, { maxLength: 200 }),
        fc.array(fc.array(hash, { maxLength: 50 }), { maxLength: 5 }),
        fc.array(hash, { maxLength: 20 }),
        (first, later, probes) => {
          const set = withHashes(
            listedHashes(sortedDistinct(Uint32Array.from(first))),
            later.map((a) => Uint32Array.from(a)),
          );
          const all = new Set([...first, ...later.flat()]);
          expect([...hashesOf(set)]).toEqual([...all].sort((a, b) => a - b));
          expect(isListedHashes(set)).toBe(true);
          for (const h of all) expect(hasHash(set, h)).toBe(true);
          for (const p of probes) expect(hasHash(set, p)).toBe(all.has(p));
          if (set.starts.some((start, b) => b < 65_536 && set.starts[b + 1]! - start > 1)) sharedBuckets++;
        },
      ),
    );
    // Not vacuous: many runs put several hashes in one bucket (searched within it).
    expect(sharedBuckets).toBeGreaterThan(20);
  });

  it('holds 2M hashes in about 2 bytes each and a fixed table of bucket starts, not 4 bytes each', () => {
    let x = 20_261_205;
    const random = Uint32Array.from({ length: 2_000_000 }, () => (x = (Math.imul(x, 1_664_525) + 1_013_904_223) >>> 0));
    const sorted = sortedDistinct(random);
    const set = listedHashes(sorted);
    expect(set.lows.byteLength + set.starts.byteLength).toBeLessThan(sorted.byteLength * 0.55);
    // Element by element in a loop: toEqual on 2M-element arrays took seconds of the test's time.
    const back = hashesOf(set);
    expect(back.length).toBe(sorted.length);
    expect(back.findIndex((h, i) => h !== sorted[i])).toBe(-1);
  }, 60_000);

  it('keeps the same set when nothing is new', () => {
    const set = listedHashes(sortedDistinct(Uint32Array.of(1, 2, 3)));
    expect(withHashes(set, [Uint32Array.of(2, 3)])).toBe(set);
  });

  it('tells a damaged stored set from a good one', () => {
    const set = listedHashes(sortedDistinct(Uint32Array.of(5, 0x10005, 0x10007)));
    expect(isListedHashes(set)).toBe(true);
    expect(isListedHashes({ starts: set.starts, lows: Uint16Array.of(5, 7, 5) })).toBe(false);
    expect(isListedHashes({ starts: set.starts.slice(1), lows: set.lows })).toBe(false);
    expect(isListedHashes({ starts: set.starts, lows: set.lows.slice(1) })).toBe(false);
    expect(isListedHashes(Uint32Array.of(5))).toBe(false);
    expect(isListedHashes(null)).toBe(false);
  });

  it('answers by the number’s hash', () => {
    const may = mayBeListed(listedHashes(sortedDistinct(Uint32Array.of(hash32('+442079460123')))));
    expect(may('+442079460123')).toBe(true);
    expect(may('+442079460124')).toBe(false);
  });
});
