import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GRID_COLUMNS, type GridColumnId } from '../leads-search';
import { CONTENT_MIN, fitColumnWidths } from './column-fit';

describe('fitColumnWidths', () => {
  it('never cuts a header or the content, fills the room when there is some, and keeps what the user resized', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray([...GRID_COLUMNS], { minLength: 1 }),
        fc.dictionary(fc.constantFrom(...GRID_COLUMNS), fc.integer({ min: 20, max: 240 })),
        fc.integer({ min: 300, max: 4000 }),
        fc.option(fc.constantFrom(...GRID_COLUMNS), { nil: undefined }),
        (columns, headers, available, resizedId) => {
          const header = (id: GridColumnId) => headers[id] ?? 40;
          const resized = resizedId && columns.includes(resizedId) ? { [resizedId]: 61 } : {};
          const w = fitColumnWidths(columns, header, available, resized);
          const sum = columns.reduce((a, id) => a + w[id]!, 0);
          const need = columns.reduce(
            (a, id) => a + (resized[id as keyof typeof resized] ?? Math.ceil(Math.max(CONTENT_MIN[id], header(id)))),
            0,
          );
          for (const id of columns) {
            if (resized[id as keyof typeof resized] !== undefined) expect(w[id]).toBe(61);
            else expect(w[id]).toBeGreaterThanOrEqual(Math.max(CONTENT_MIN[id], header(id)));
          }
          if (need >= available) expect(sum).toBe(need);
          else if (columns.some((id) => resized[id as keyof typeof resized] === undefined)) {
            // Filled to within a pixel per column (rounding down).
            expect(sum).toBeLessThanOrEqual(available);
            expect(sum).toBeGreaterThan(available - columns.length);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('a header wider than its content minimum widens its column (LAST CONTACT, ATTEMPTS)', () => {
    const w = fitColumnWidths(
      ['phone', 'name', 'lastContact', 'attempts'],
      (id) => ({ lastContact: 118, attempts: 96 })[id as string] ?? 50,
      1650,
    );
    expect(w.lastContact).toBeGreaterThanOrEqual(118);
    expect(w.attempts).toBeGreaterThanOrEqual(96);
  });
});
