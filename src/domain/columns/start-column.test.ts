import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  copiedStarts,
  grownStarts,
  rebasedStarts,
  rowAtPosition,
  setStart,
  startAt,
  startColumn,
  startsOf,
  startsToArray,
} from './start-column';

/** Row lengths as joined columns have them: mostly short, many empty, now and then a very long one. */
const rowLength = fc.oneof(
  { weight: 6, arbitrary: fc.nat({ max: 80 }) },
  { weight: 3, arbitrary: fc.constant(0) },
  { weight: 1, arbitrary: fc.integer({ min: 2_000, max: 70_000 }) },
);

/** The offsets of rows of these lengths (one more than the rows: the end). */
function offsetsOf(lengths: readonly number[]): number[] {
  const out = [0];
  for (const l of lengths) out.push(out[out.length - 1]! + l);
  return out;
}

describe('a column of offsets (16 bits a row, a base a block of 64)', () => {
  it('gives back every offset written in row order, however far apart (fast-check)', () => {
    let oddSeen = 0;
    fc.assert(
      fc.property(fc.array(rowLength, { maxLength: 300 }), (lengths) => {
        const offsets = offsetsOf(lengths);
        const c = startsOf(offsets);
        oddSeen += c.odd.size;
        expect(Array.from(startsToArray(c))).toEqual(offsets);
      }),
    );
    // Anti-vacuity: blocks longer than 65,534 characters were written, and kept exactly.
    expect(oddSeen).toBeGreaterThan(0);
  });

  it('keeps short rows in the 16-bit part, none in the map', () => {
    const c = startsOf(offsetsOf(Array.from({ length: 1_000 }, (_, i) => i % 90)));
    expect(c.odd.size).toBe(0);
    expect(c.rel.BYTES_PER_ELEMENT).toBe(2);
    expect(c.base.length).toBe(Math.ceil(1_001 / 64));
  });

  it('finds the row holding each character, empty rows skipped, as a search over every offset does (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(rowLength, { minLength: 1, maxLength: 300 }), fc.nat(), (lengths, seed) => {
        const offsets = offsetsOf(lengths);
        const c = startsOf(offsets);
        const total = offsets[offsets.length - 1]!;
        if (total === 0) return;
        for (const pos of [0, total - 1, seed % total, (seed * 7) % total]) {
          // The reference: the last row whose offset is at most pos.
          let want = 0;
          for (let i = 0; i < lengths.length; i++) if (offsets[i]! <= pos) want = i;
          const row = rowAtPosition(c, lengths.length, pos);
          expect(row).toBe(want);
          expect(offsets[row]! <= pos && pos < offsets[row + 1]!).toBe(true);
        }
      }),
    );
  });

  it('rewritten forward from any row (a patch), grown into its room or copied, reads the new offsets while the old column reads its own (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.array(rowLength, { minLength: 1, maxLength: 200 }),
        fc.array(rowLength, { maxLength: 200 }),
        fc.nat(),
        (before, after, at) => {
          const old = offsetsOf(before);
          const c = startsOf(old);
          const first = at % old.length;
          // Rows from `first` on replaced by `after` (`first` keeps its offset, as rejoinFrom writes it).
          const next = [...old.slice(0, first + 1)];
          for (const l of after) next.push(next[next.length - 1]! + l);
          const appendOnly = first === old.length - 1;
          const out = appendOnly ? grownStarts(c, next.length) : copiedStarts(c, first + 1, next.length);
          for (let i = first; i < next.length; i++) setStart(out, i, next[i]!);
          expect(Array.from(startsToArray(out))).toEqual(next);
          expect(Array.from(startsToArray(c))).toEqual(old);
        },
      ),
    );
  });

  it('cuts into chunks of offsets from zero, put back as they were', () => {
    const offsets = offsetsOf([5, 0, 70_000, 3, 0, 0, 9, ...Array.from({ length: 150 }, (_, i) => i % 7)]);
    const c = startsOf(offsets);
    const rows = offsets.length - 1;
    const back = startColumn(offsets.length);
    let length = 0;
    for (let start = 0; start < rows; start += 64) {
      const end = Math.min(rows, start + 64);
      const chunk = rebasedStarts(c, start, end);
      expect(chunk[0]).toBe(0);
      expect(chunk).toHaveLength(end - start + 1);
      for (let i = 0; i < end - start; i++) setStart(back, start + i, length + chunk[i]!);
      length += chunk[end - start]!;
    }
    setStart(back, rows, length);
    expect(Array.from(startsToArray(back))).toEqual(offsets);
    expect(startAt(back, 3)).toBe(70_005);
  });
});
