import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortedOrder } from './sorted-order';

const reference = (values: number[]) =>
  values
    .map((v, i) => [v, i] as const)
    .filter(([v]) => !Number.isNaN(v))
    .sort((a, b) => a[0] - b[0] || a[1] - b[1])
    .map(([, i]) => i);

describe('sortedOrder: indexes in ascending value order, NaN left out', () => {
  it('radix-sorts whole numbers of any span (one, two and three digit passes)', () => {
    for (const max of [1000, 2 ** 31, 2 ** 45])
      fc.assert(
        fc.property(
          fc.array(fc.oneof(fc.integer({ min: -max, max }), fc.constant(NaN)), { maxLength: 300 }),
          (values) => {
            expect([...sortedOrder(Float64Array.from(values))]).toEqual(reference(values));
          },
        ),
        { numRuns: 60 },
      );
  });

  it('falls back to a comparison sort for fractions', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { maxLength: 200 }), (values) => {
        expect([...sortedOrder(Float64Array.from(values))]).toEqual(reference(values));
      }),
    );
  });
});
