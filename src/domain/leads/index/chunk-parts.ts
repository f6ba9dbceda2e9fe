/**
 * A snapshot chunk cut into parts that change together, each stored (and checksummed) on its
 * own: the numbers (dates, codes, verdicts), the contact strings (search text, numbers, names,
 * companies, e-mails) and the tags. A bulk tag edit over a million leads then rewrites the tags
 * of every chunk (a few MB), not every chunk whole (about 300 MB). Pure: the repository stores
 * the parts and checks their checksums.
 */
import { JOINED_COLUMNS, type JoinedStarts, type JoinedText } from './lead-columns-joined';
import type { ColumnsChunk } from './lead-columns-chunks';
import { instantsFromParts, type InstantColumn } from '../../columns/instant-column';
import type { ChunkPart } from './chunk-part-contents';

export { partContents, type ChunkPart } from './chunk-part-contents';

export const CHUNK_PARTS = ['numbers', 'strings', 'tags'] as const;
export type ChunkPartName = (typeof CHUNK_PARTS)[number];

const TAG_COLUMNS: readonly [JoinedText, JoinedStarts] = ['tagsText', 'tagsStart'];
const STRING_COLUMNS = JOINED_COLUMNS.filter(([key]) => key !== TAG_COLUMNS[0]);

/** The chunk's three parts, in the order of CHUNK_PARTS. */
export function splitChunk(chunk: ColumnsChunk): ChunkPart[] {
  const { start, count } = chunk;
  const { tagBits, ...fixed } = chunk.numeric;
  const numbers: Record<string, ArrayBufferView> = { ...fixed };
  for (const [key, column] of Object.entries(chunk.instants)) {
    numbers[`${key}.hi`] = column.hi;
    numbers[`${key}.lo`] = column.lo;
    numbers[`${key}.oddRows`] = Uint32Array.from(column.odd.keys());
    numbers[`${key}.oddValues`] = Float64Array.from(column.odd.values());
  }
  const strings: ChunkPart = { start, count, arrays: {}, strings: {} };
  for (const [key, starts] of STRING_COLUMNS) {
    strings.strings[key] = chunk[key];
    strings.arrays[starts] = chunk[starts];
  }
  const tags: ChunkPart = {
    start,
    count,
    arrays: { tagBits, [TAG_COLUMNS[1]]: chunk[TAG_COLUMNS[1]] },
    strings: { [TAG_COLUMNS[0]]: chunk[TAG_COLUMNS[0]] },
    extraTags: chunk.extraTags,
  };
  return [{ start, count, arrays: numbers, strings: {} }, strings, tags];
}

/** The chunk back from its parts (in the order of CHUNK_PARTS). Throws when they are not of one chunk. */
export function joinParts(parts: readonly ChunkPart[]): ColumnsChunk {
  const [numbers, strings, tags] = parts;
  if (!numbers || !strings || !tags || parts.length !== CHUNK_PARTS.length) throw new Error('a chunk part is missing');
  if (parts.some((p) => p.start !== numbers.start || p.count !== numbers.count))
    throw new Error(`chunk parts of different rows (at ${numbers.start})`);
  const numeric: Record<string, ArrayBufferView> = { tagBits: tags.arrays.tagBits! };
  const instants: Record<string, InstantColumn> = {};
  for (const [name, array] of Object.entries(numbers.arrays)) {
    const [key, side] = name.split('.') as [string, string | undefined];
    if (side === undefined) numeric[key] = array;
    else if (side === 'hi') instants[key] = instantsOfPart(numbers.arrays, key, numbers.count);
  }
  return {
    start: numbers.start,
    count: numbers.count,
    numeric,
    instants,
    ...strings.strings,
    ...strings.arrays,
    ...tags.strings,
    [TAG_COLUMNS[1]]: tags.arrays[TAG_COLUMNS[1]],
    extraTags: tags.extraTags ?? [],
  } as unknown as ColumnsChunk;
}

/** The instant column `key` of a numbers part (its high and low parts and odd values), checked to hold `count` rows. */
function instantsOfPart(arrays: Record<string, ArrayBufferView>, key: string, count: number): InstantColumn {
  const hi = arrays[`${key}.hi`];
  const lo = arrays[`${key}.lo`];
  const rows = arrays[`${key}.oddRows`];
  const values = arrays[`${key}.oddValues`];
  if (
    !(hi instanceof Int16Array && lo instanceof Uint32Array) ||
    !(rows instanceof Uint32Array && values instanceof Float64Array)
  )
    throw new Error(`snapshot column ${key} is not a column of instants`);
  return instantsFromParts(hi, lo, rows, values, count);
}
