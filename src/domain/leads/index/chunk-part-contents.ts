/**
 * What a stored snapshot part is, and what its checksum covers: apart from the cutting and joining
 * of chunks (chunk-parts.ts), so the worker that reads and checks parts beside the engine
 * (snapshot-reader.worker.ts) carries none of the columns' code.
 */

/** One part: the chunk's place, and its typed arrays, strings and extra tags by name. */
export interface ChunkPart {
  start: number;
  count: number;
  arrays: Record<string, ArrayBufferView>;
  strings: Record<string, string>;
  extraTags?: [number, number[]][];
}

/** A part's typed arrays and strings in a fixed order (by name): what its checksum covers. */
export function partContents(part: ChunkPart): { arrays: ArrayBufferView[]; strings: string[] } {
  const names = (r: Record<string, unknown>) => Object.keys(r).sort();
  return {
    arrays: names(part.arrays).map((k) => part.arrays[k]!),
    strings: [
      `${part.start}\u0000${part.count}`,
      ...names(part.strings).flatMap((k) => [k, part.strings[k]!]),
      JSON.stringify(part.extraTags ?? null),
    ],
  };
}
