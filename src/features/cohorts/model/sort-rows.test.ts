import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortRows, type SortKey } from './sort-rows';

const rows = (keys: SortKey[]) => keys.map((k, i) => ({ id: i, sort: [k] }));

describe('sortRows: any column, by its raw figure', () => {
  it('sorts numbers as numbers and text naturally, empty figures last either way', () => {
    expect(sortRows(rows([1234, 987, null, 5]), 0, 'asc').map((r) => r.sort[0])).toEqual([5, 987, 1234, null]);
    expect(sortRows(rows([1234, 987, null, 5]), 0, 'desc').map((r) => r.sort[0])).toEqual([1234, 987, 5, null]);
    expect(sortRows(rows(['Web 10', 'web 9', 'Expo']), 0, 'asc').map((r) => r.sort[0])).toEqual([
      'Expo',
      'web 9',
      'Web 10',
    ]);
  });

  it('is stable, a permutation, and ordered', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.integer({ min: -5, max: 5 }), { nil: null })),
        fc.constantFrom('asc' as const, 'desc' as const),
        (keys, dir) => {
          const out = sortRows(rows(keys), 0, dir);
          expect(out.map((r) => r.id).sort((a, b) => a - b)).toEqual(keys.map((_, i) => i));
          for (let i = 1; i < out.length; i++) {
            const [a, b] = [out[i - 1]!, out[i]!];
            if (a.sort[0] === null) expect(b.sort[0]).toBeNull();
            else if (b.sort[0] !== null) {
              const d = (b.sort[0] as number) - (a.sort[0] as number);
              expect(dir === 'asc' ? d >= 0 : d <= 0).toBe(true);
              if (d === 0) expect(b.id).toBeGreaterThan(a.id);
            }
          }
        },
      ),
    );
  });
});
