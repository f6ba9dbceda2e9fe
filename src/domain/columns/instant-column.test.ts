import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  grownInstants,
  instantAt,
  instantColumn,
  instantsFromParts,
  instantsToFloat64,
  setInstant,
  setInstantsFrom,
  sliceInstants,
} from './instant-column';

/** Any double at all, and the instants the app writes (whole milliseconds, none, never). */
const anyValue = fc.oneof(
  fc.double(),
  fc.integer({ min: -8.64e15, max: 8.64e15 }),
  fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2100, 0, 1) }),
  fc.constantFrom(Number.NaN, Infinity, -Infinity, 0, -0, 2 ** 47, 2 ** 47 - 1, -(2 ** 47), -(2 ** 47) - 1, 0.5),
);

describe('a column of instants (48 bits a row)', () => {
  it('gives back exactly the value written at each row, whatever it is and whatever was there (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat({ max: 19 }), anyValue), { maxLength: 60 }), (writes) => {
        const c = instantColumn(20);
        const want = new Float64Array(20);
        for (const [i, v] of writes) {
          setInstant(c, i, v);
          want[i] = v;
        }
        for (let i = 0; i < 20; i++) expect(Object.is(instantAt(c, i), want[i])).toBe(true);
        // A value written over an odd one leaves no stale odd value behind.
        expect(c.odd.size).toBeLessThanOrEqual(20);
        for (const row of c.odd.keys())
          expect(Number.isInteger(want[row]!) && Math.abs(want[row]!) < 2 ** 47 && !Object.is(want[row], -0)).toBe(
            false,
          );
      }),
    );
  });

  it('keeps the instants of this century in the typed parts, none in the map of odd values', () => {
    const c = instantColumn(3);
    setInstant(c, 0, Date.UTC(2026, 11, 5, 18, 3, 7, 123));
    setInstant(c, 1, Date.UTC(1969, 11, 31, 23, 59, 59, 999));
    setInstant(c, 2, Number.NaN);
    expect(c.odd.size).toBe(0);
    expect(instantsToFloat64(c)).toEqual(Float64Array.of(Date.UTC(2026, 11, 5, 18, 3, 7, 123), -1, Number.NaN));
    expect(c.hi.BYTES_PER_ELEMENT + c.lo.BYTES_PER_ELEMENT).toBe(6);
  });

  it('grows into its room, slices into chunks and is put back from them as it was (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(anyValue, { minLength: 1, maxLength: 50 }), fc.nat({ max: 49 }), (values, cutAt) => {
        const n = values.length;
        const cut = Math.min(cutAt, n);
        const c = instantColumn(0);
        const grown = grownInstants(c, n);
        expect(grown.hi.buffer).toBe(c.hi.buffer);
        values.forEach((v, i) => setInstant(grown, i, v));
        const back = instantColumn(n);
        setInstantsFrom(back, sliceInstants(grown, 0, cut), 0);
        setInstantsFrom(back, sliceInstants(grown, cut, n), cut);
        values.forEach((v, i) => expect(Object.is(instantAt(back, i), v)).toBe(true));
      }),
    );
  });

  it('copied to grow, keeps its odd values apart from the column it was copied from', () => {
    const c = instantColumn(0);
    const full = grownInstants(c, c.hi.buffer.byteLength / 2); // every row of its room
    setInstant(full, 0, 0.5);
    const copied = grownInstants(full, full.length + 1);
    expect(copied.hi.buffer).not.toBe(full.hi.buffer);
    setInstant(copied, 0, 7);
    expect(instantAt(full, 0)).toBe(0.5);
    expect(instantAt(copied, 0)).toBe(7);
  });

  it('put back from stored parts, refuses odd values at rows not marked odd (a damaged chunk)', () => {
    const c = instantColumn(4);
    setInstant(c, 1, 0.25);
    setInstant(c, 2, Date.UTC(2026, 0, 1));
    const rows = Uint32Array.from(c.odd.keys());
    const values = Float64Array.from(c.odd.values());
    const back = instantsFromParts(c.hi, c.lo, rows, values, 4);
    expect(instantsToFloat64(back)).toEqual(instantsToFloat64(c));
    expect(() => instantsFromParts(c.hi, c.lo, Uint32Array.of(2), values, 4)).toThrow(/not marked/);
    expect(() => instantsFromParts(c.hi, c.lo, Uint32Array.of(9), values, 4)).toThrow(/not marked/);
    expect(() => instantsFromParts(c.hi, c.lo, rows, new Float64Array(0), 4)).toThrow(/odd/);
    expect(() => instantsFromParts(c.hi, c.lo, rows, values, 5)).toThrow(/rows/);
  });
});
