/**
 * A chunk cut into its parts and joined again (through a structured clone, as IndexedDB stores
 * them) is the chunk it was, and the columns put back from such chunks are the columns.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHUNK_PARTS, joinParts, partContents, splitChunk } from './chunk-parts';
import { rowsArb } from './lead-arbitraries.test-helpers';
import { buildLeadColumns } from './lead-columns';
import { fromChunks, toChunks } from './lead-columns-chunks';

describe('chunk parts', () => {
  it('join back to the chunk they were cut from, and the columns read back whole', () => {
    fc.assert(
      fc.property(rowsArb(30), fc.integer({ min: 1, max: 12 }), (rows, size) => {
        const cols = buildLeadColumns(
          rows.map((r) => r.lead),
          rows.map((r) => r.derived),
        );
        const { head, chunks } = toChunks(cols, size);
        const joined = chunks.map((c) => {
          const parts = structuredClone(splitChunk(c!));
          expect(parts).toHaveLength(CHUNK_PARTS.length);
          return joinParts(parts);
        });
        expect(joined).toEqual(chunks);
        const { dict: d1, extraTags: e1, ...c1 } = cols;
        const { dict: d2, extraTags: e2, ...c2 } = fromChunks(head, joined);
        expect(c2).toEqual(c1);
        expect([...e2]).toEqual([...e1]);
        expect(d2.tags.values).toEqual(d1.tags.values);
      }),
      { numRuns: 150 },
    );
  });

  it('keep the tags apart from the numbers and the contact strings', () => {
    const cols = buildLeadColumns([], []);
    const [numbers, strings, tags] = splitChunk(toChunks(cols, 4).chunks[0]!);
    expect(Object.keys(tags!.arrays).sort()).toEqual(['tagBits', 'tagsStart']);
    expect(Object.keys(tags!.strings)).toEqual(['tagsText']);
    expect(numbers!.arrays.tagBits).toBeUndefined();
    expect(Object.keys(strings!.strings)).not.toContain('tagsText');
    expect(Object.keys(strings!.strings).sort()).toEqual(['phones', 'text', 'writtenText']);
  });

  it('refuse parts of different chunks', () => {
    const rows = buildLeadColumns([], []);
    const [a, b, c] = splitChunk(toChunks(rows, 4).chunks[0]!);
    expect(() => joinParts([a!, b!, { ...c!, start: 4 }])).toThrow(/different rows/);
    expect(() => joinParts([a!, b!])).toThrow(/missing/);
  });

  it('name every array and string of a part in what its checksum covers', () => {
    const [, strings] = splitChunk(toChunks(buildLeadColumns([], []), 4).chunks[0]!);
    const { arrays, strings: texts } = partContents(strings!);
    // The search text, the numbers and the `written` column, each with its offsets.
    expect(arrays).toHaveLength(3);
    expect(texts).toHaveLength(1 + 2 * 3 + 1);
  });
});
