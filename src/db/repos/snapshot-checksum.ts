import { bytesToHex } from '@noble/hashes/utils.js';
import { hashStrings } from '../../domain/columns/hash-strings';
import { partContents, type ChunkPart } from '../../domain/leads/index/chunk-part-contents';

/**
 * A part's checksum: SHA-256 over the SHA-256 of each typed array (its bytes as they are; the
 * browser digests them off this thread) and a 64-bit hash of the strings read as they are held
 * (no UTF-8 copy). The strings are mostly two-byte (names in any script), and encoding them to
 * digest them cost a cold start about 300 ms at 100k; one digest over a joined copy of every
 * byte, before, about 400 ms.
 */
export async function checksum(part: ChunkPart): Promise<string> {
  const { arrays, strings } = partContents(part);
  const digests = Promise.all(arrays.map((a) => crypto.subtle.digest('SHA-256', a as BufferSource)));
  const all = `${(await digests).map((d) => bytesToHex(new Uint8Array(d))).join(',')},${hashStrings(strings)}`;
  return bytesToHex(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(all))));
}

/** The part a stored row holds (undefined for no row, or a row of another shape). */
export const partOf = (row: unknown): ChunkPart | undefined => (row as { part?: ChunkPart } | undefined)?.part;

/** A part's checksum, null for no part or one that cannot be digested (another shape): a checksum that matches nothing. */
export const checksumOrNull = (part: ChunkPart | undefined): Promise<string | null> =>
  part ? checksum(part).catch(() => null) : Promise.resolve(null);
