/**
 * The byte plumbing of a streamed export: the order in which rows are judged (ascending id)
 * against the order they are written (as asked), compact per-chunk storage of row bytes, and a
 * Blob of ~1 MB parts hashed as it is filled.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

/** Ascending copy of `ids` and, for each position of `ids`, its rank in that order. */
export function ranked(ids: Int32Array): { sorted: Int32Array; rankOf: Uint32Array } {
  const n = ids.length;
  // id × 2^21 + position sorts by id with the position riding along (ids < 2^31, positions < 2^21 per million… kept exact in a double).
  const keys = new Float64Array(n);
  const SHIFT = 2 ** 21;
  if (n >= SHIFT) throw new Error('Too many leads for one export (at most 2,097,151).');
  for (let p = 0; p < n; p++) keys[p] = ids[p]! * SHIFT + p;
  keys.sort();
  const sorted = new Int32Array(n);
  const rankOf = new Uint32Array(n);
  for (let k = 0; k < n; k++) {
    const p = keys[k]! % SHIFT;
    sorted[k] = ids[p]!;
    rankOf[p] = k;
  }
  return { sorted, rankOf };
}

/** Growable byte storage for the rows of one chunk. */
export class ByteStore {
  buf = new Uint8Array(1 << 16);
  used = 0;
  private readonly encoder = new TextEncoder();
  /** Append `text` as UTF-8; returns its length in bytes. */
  append(text: string): number {
    const need = this.used + text.length * 3;
    if (need > this.buf.length) {
      const next = new Uint8Array(Math.max(need, this.buf.length * 2));
      next.set(this.buf.subarray(0, this.used));
      this.buf = next;
    }
    const { written } = this.encoder.encodeInto(text, this.buf.subarray(this.used));
    this.used += written;
    return written;
  }
  /** Drop the spare capacity once the chunk is complete. */
  seal(): Uint8Array {
    return this.buf.slice(0, this.used);
  }
}

/** Parts of a Blob, filled from many small writes in ~1 MB pieces, hashed on the way. */
export class BlobSink {
  readonly parts: Uint8Array[] = [];
  private readonly hash = sha256.create();
  private piece = new Uint8Array(1 << 20);
  private used = 0;
  write(bytes: Uint8Array): void {
    if (this.used + bytes.length > this.piece.length) this.flush();
    if (bytes.length > this.piece.length) {
      this.push(bytes.slice());
      return;
    }
    this.piece.set(bytes, this.used);
    this.used += bytes.length;
  }
  private push(bytes: Uint8Array) {
    this.hash.update(bytes);
    this.parts.push(bytes);
  }
  flush(): void {
    if (this.used === 0) return;
    this.push(this.piece.slice(0, this.used));
    this.used = 0;
  }
  finish(type: string): { blob: Blob; sha256: string } {
    this.flush();
    return { blob: new Blob(this.parts as BlobPart[], { type }), sha256: bytesToHex(this.hash.digest()) };
  }
}
